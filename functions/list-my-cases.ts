import * as z from 'zod';
import type { Caller } from '../shared/auth/caller.ts';
import { isOwnCase } from '../shared/auth/scope.ts';
import { caseView } from '../shared/domain/case-views.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { ForbiddenError, ValidationError } from '../shared/domain/errors.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import type { MyCase } from '../shared/http/responses/my-cases.ts';
import type { CaseRef, Nominator } from '../shared/storage/nominee-index.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, queryParam } from './support/operation.ts';

/** The query: where the page starts (a previous page's `next`), and how many cases it holds (20 unless said). */
const MyCasesQuerySchema = z.strictObject({
  cursor: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const CursorSchema = z.strictObject({
  electionId: z.string().regex(/^\d{9}-\d{4}-\d{2}-\d{2}$/),
  caseId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
});

/** The cursor of the page after `ref`: where it ended, and nothing of whose cases they are. */
function cursorOf(ref: CaseRef): string {
  return Buffer.from(JSON.stringify({ electionId: ref.electionId, caseId: ref.caseId })).toString(
    'base64url',
  );
}

const cursorRefused = () => new ValidationError([{ field: 'cursor', code: 'MY_CASES_CURSOR_INVALID' }]);

/** Where the page starts, from the caller's cursor: inside the district it may read, or refused. */
function startAfter(cursor: string | undefined, district: string | undefined): CaseRef | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorRefused();
  }
  const ref = CursorSchema.safeParse(decoded);
  if (!ref.success || (district !== undefined && !ref.data.electionId.startsWith(district))) {
    throw cursorRefused();
  }
  return ref.data;
}

/** Whose cases the caller may list: a party's secretary its party's, a candidate their own IIN's. */
function nominatorOf(caller: Caller): { nominator: Nominator; district?: string } {
  if (caller.role === 'party' || caller.role === 'candidate') {
    const nominator = caller.role === 'party' ? { partyId: caller.partyId } : { iin: caller.iin };
    // An account a district made follows that district's elections only (`actsInElection`).
    return caller.managedBy === undefined ? { nominator } : { nominator, district: caller.managedBy };
  }
  throw new ForbiddenError();
}

/**
 * listMyCases: a party's nominees, or a candidate's candidacies, across the elections they take part in, newest
 * election first, each as it now stands (withdrawn, refused or cancelled ones too). Read from the nominee index
 * (a keyed query, no scan) and the cases themselves; the scope is the caller's token's, never the request's.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'logger'>) {
  return async (request: OperationRequest): Promise<{ cases: MyCase[]; next: string | null }> => {
    const { nominator, district } = nominatorOf(request.caller);
    const { cursor, limit } = parseOrThrow(MyCasesQuerySchema, {
      cursor: queryParam(request, 'cursor'),
      limit: queryParam(request, 'limit'),
    });
    const after = startAfter(cursor, district);
    const page = await deps.cases.ofNominator(nominator, {
      ...(district === undefined ? {} : { district }),
      ...(after === undefined ? {} : { after }),
      limit,
    });
    // Passed over so the rest of the page still lists; logged by id and field names only, never whose case it is.
    if (page.unreadable.length > 0) {
      deps.logger.error('unreadable cases passed over', { unreadable: page.unreadable });
    }
    // The index is keyed by the caller's scope already; the case itself is judged again as every read judges it.
    const own = page.cases.filter((c) => isOwnCase(request.caller, c));
    const elections = new Map(
      await Promise.all(
        [...new Set(own.map((c) => c.electionId))].map(
          async (electionId) => [electionId, await deps.elections.get(electionId)] as const,
        ),
      ),
    );
    const cases = own.flatMap((c): MyCase[] => {
      const election = elections.get(c.electionId);
      if (election === undefined) return [];
      const view = caseView(c, election, false);
      return [
        {
          caseId: view.caseId,
          electionId: view.electionId,
          route: view.route,
          status: view.status,
          nominator: view.nominator,
          filedAt: view.filedAt,
          waitingFor: view.waitingFor,
          candidate: { fullName: view.candidate.fullName },
          election: {
            unitNameKk: election.unit.nameKk,
            unitNameRu: election.unit.nameRu,
            electionDay: election.electionDay,
            district: election.district,
            timeZone: timeZoneOf(election.rules),
          },
        },
      ];
    });
    return { cases, next: page.next === null ? null : cursorOf(page.next) };
  };
}
