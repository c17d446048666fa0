import * as z from 'zod';
import { ForbiddenError } from '../shared/domain/errors.ts';
import { inboxFor, inboxKeeps } from '../shared/domain/inbox.ts';
import { DistrictCodeSchema } from '../shared/domain/kato.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { NoticesResponseSchema } from '../shared/http/responses/notices.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, queryParam } from './support/operation.ts';

const ListNoticesQuerySchema = z.strictObject({ district: DistrictCodeSchema });

/**
 * listNotices: the caller's inbox. A commission or an akimat reads its district's; a party or a candidate names
 * the district whose elections it follows, and reads only what concerns its own cases there. Elections are read
 * while they can still concern someone (some weeks after election day).
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'inbox' | 'clock'>) {
  return async (request: OperationRequest): Promise<z.output<typeof NoticesResponseSchema>> => {
    const { caller } = request;
    if (caller.role === 'public') throw new ForbiddenError();
    const own = caller.role === 'commission' || caller.role === 'akimat' ? caller.district : caller.managedBy;
    // A district body, and an account a district made, read only that district, whatever they ask for.
    const { district } = parseOrThrow(ListNoticesQuerySchema, {
      district: own ?? queryParam(request, 'district'),
    });
    const now = deps.clock.now();
    const [elections, mark] = await Promise.all([
      deps.elections.listByDistrict(district),
      deps.inbox.readMark(caller.subject),
    ]);
    const current = elections.filter((election) => inboxKeeps(election, now.slice(0, 10)));
    const sources = await Promise.all(
      current.map(async (election) => ({
        election,
        cases: (await deps.cases.listByElection(election.electionId)).cases,
      })),
    );
    const notices = inboxFor(caller, sources, now, mark);
    return {
      district,
      readUpTo: mark?.readUpTo ?? null,
      unread: notices.filter((n) => n.unread).length,
      notices,
    };
  };
}
