import * as z from 'zod';
import { UnauthorizedError } from '../domain/errors.ts';
import { type Caller, CallerSchema } from './caller.ts';

/** The groups that name a caller's role; `public` is nobody's group. */
const ACCOUNT_ROLES = ['commission', 'akimat', 'party', 'candidate'] as const;
/** The group of a commission's administrators, besides `commission`. */
export const ADMIN_GROUP = 'admin';

/**
 * The claims a verified token carries, in Cognito's shape: the role is the user's group, the scope a custom
 * attribute. The local engine signs tokens with the same claims, so handlers read one shape everywhere.
 */
export const ClaimsSchema = z.looseObject({
  sub: z.string().min(1),
  // API Gateway's JWT authorizer hands array claims over as one string, "[commission]" or "[a b]".
  'cognito:groups': z.union([
    z.array(z.string()).min(1),
    z.string().transform((groups) =>
      groups
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean),
    ),
  ]),
  'custom:district': z.string().optional(),
  'custom:party': z.string().optional(),
  'custom:iin': z.string().optional(),
  /** The district whose commission manages the account (Cognito's immutable attribute of the same name). */
  'custom:managed_by': z.string().optional(),
});
export type Claims = z.infer<typeof ClaimsSchema>;

/** The caller a verified token names; a token whose claims do not make a caller is refused. */
export function callerFromClaims(claims: unknown): Caller {
  const parsed = ClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new UnauthorizedError();
  const c = parsed.data;
  const groups = c['cognito:groups'];
  // The role is the one group that names a role: an administrator is in `admin` besides, in any order.
  const roles = groups.filter((group) => (ACCOUNT_ROLES as readonly string[]).includes(group));
  if (roles.length !== 1) throw new UnauthorizedError();
  const caller = CallerSchema.safeParse({
    role: roles[0],
    ...(roles[0] === 'commission' && groups.includes(ADMIN_GROUP) ? { admin: true } : {}),
    subject: c.sub,
    district: c['custom:district'],
    partyId: c['custom:party'],
    iin: c['custom:iin'],
    // A party's or a candidate's account acts in the elections of the district that made it.
    ...((roles[0] === 'party' || roles[0] === 'candidate') && c['custom:managed_by'] !== undefined
      ? { managedBy: c['custom:managed_by'] }
      : {}),
  });
  if (!caller.success || caller.data.role === 'public') throw new UnauthorizedError();
  return caller.data;
}

/** The claims for a caller: what a local token says, and what a Cognito user's groups and attributes give. */
export function claimsOf(caller: Exclude<Caller, { role: 'public' }>): Claims {
  return {
    sub: caller.subject,
    'cognito:groups': [caller.role, ...(caller.role === 'commission' && caller.admin ? [ADMIN_GROUP] : [])],
    ...('district' in caller ? { 'custom:district': caller.district } : {}),
    ...('partyId' in caller ? { 'custom:party': caller.partyId } : {}),
    ...('iin' in caller ? { 'custom:iin': caller.iin } : {}),
    ...('managedBy' in caller && caller.managedBy !== undefined
      ? { 'custom:managed_by': caller.managedBy }
      : {}),
  };
}
