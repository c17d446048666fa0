import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { decodeSegment } from '../../../functions/api-routes.ts';
import {
  AccountDistrictRequiredError,
  listedAccount,
  NewAccountSchema,
  needsManagingDistrict,
  scopeOf,
  UsernameSchema,
  usernameFor,
} from '../../../shared/domain/account.ts';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import { DistrictCodeSchema } from '../../../shared/domain/kato.ts';
import { parseOrThrow } from '../../../shared/domain/validation.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { LocalAccountDirectory } from './local-account-directory.ts';

/** The operator's request for an account (`npm run users -- add`): any role, and the admin flag, which only it sets. */
export const OperatorNewAccountSchema = z.strictObject({
  account: z.unknown(),
  admin: z.boolean().default(false),
  /** For a party's or a candidate's account, required: the district whose commission is to manage it. */
  managedBy: DistrictCodeSchema.optional(),
  /** A first password the operator chose (`--password-stdin`) instead of a generated one. */
  password: z.string().min(12).max(1024).optional(),
});

/** Who made an account on the operator's command line, in its `createdBy`. */
export const OPERATOR = 'operator';

type OperatorCall = (json: unknown) => Promise<unknown>;

/**
 * The engine's operator-only account routes, which `npm run users` calls (the engine owns its storage, so the
 * command goes through it): `GET /admin/accounts`, `POST /admin/accounts`,
 * `POST /admin/accounts/<username>/disablement`. Null for any other route. The listing masks candidates' IINs.
 */
export function operatorAccountCall(
  accounts: LocalAccountDirectory,
  clock: Clock,
  method: string,
  path: string,
): OperatorCall | null {
  if (method === 'GET' && path === '/admin/accounts') {
    return async () => ({ accounts: (await accounts.all()).map(listedAccount) });
  }
  if (method === 'POST' && path === '/admin/accounts') {
    return async (json) => {
      const request = parseOrThrow(OperatorNewAccountSchema, json);
      const wanted = parseOrThrow(NewAccountSchema, request.account);
      if (request.admin && wanted.role !== 'commission') {
        throw new ValidationError([
          {
            field: 'admin',
            code: 'INVALID_VALUE',
            details: { allowed: 'commission' },
          },
        ]);
      }
      if (needsManagingDistrict(wanted.role) && request.managedBy === undefined) {
        throw new AccountDistrictRequiredError();
      }
      const scope = scopeOf(wanted);
      const created = await accounts.create(
        {
          username: wanted.username ?? usernameFor(wanted, randomBytes(3).toString('hex')),
          name: wanted.name,
          role: wanted.role,
          scope,
          admin: request.admin,
          ...('district' in scope
            ? { managedBy: scope.district }
            : request.managedBy === undefined
              ? {}
              : { managedBy: request.managedBy }),
          createdBy: OPERATOR,
          createdAt: clock.now(),
        },
        request.password,
      );
      // A password the operator chose is theirs already: it is not sent back.
      return request.password === undefined ? created : { account: created.account, passwordMailed: false };
    };
  }
  const disablement = /^\/admin\/accounts\/([^/]+)\/disablement$/.exec(path);
  if (method === 'POST' && disablement !== null) {
    return async () => {
      const username = UsernameSchema.safeParse(decodeSegment(disablement[1] ?? ''));
      if (!username.success) throw new NotFoundError('account');
      return accounts.disableByUsername(username.data, OPERATOR, clock.now());
    };
  }
  return null;
}
