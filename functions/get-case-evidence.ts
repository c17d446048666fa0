import { requireEvidenceReader } from '../shared/auth/scope.ts';
import {
  cursorRefused,
  type EvidencePageLimits,
  evidencePage,
  evidencePageLimits,
  readCursor,
} from '../shared/domain/evidence-paging.ts';
import { loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, queryParam } from './support/operation.ts';

/**
 * getCaseEvidence: one page of a case's evidence pack (`evidence-pack.ts`). Page 1 pins the trail's head and
 * gives the record; each later page walks the trail from that same head, whatever happened to the case since.
 * Events are handed out as stored: proving them is the verifier's work, where the reader trusts it.
 */
export function createHandler(
  deps: Pick<Dependencies, 'elections' | 'cases' | 'signatures'>,
  limits: EvidencePageLimits = evidencePageLimits,
) {
  return async (request: OperationRequest) => {
    const { nominationCase } = await loadCaseFor(deps, request, requireEvidenceReader);
    const { electionId, caseId } = nominationCase;
    const cursor = readCursor(queryParam(request, 'cursor'), { electionId, caseId });
    const pinned =
      cursor === null
        ? await deps.cases.withTrail(electionId, caseId)
        : { nominationCase: null, head: cursor.head, ...(await deps.cases.trailFrom(caseId, cursor.head)) };
    // A cursor whose head names no event of this case was not handed out for it.
    if (cursor !== null && pinned.events.length === 0) throw cursorRefused();
    const events = pinned.events.filter((event) => event.seq > (cursor?.afterSeq ?? 0));
    const afterLine = cursor?.afterLine ?? null;
    // Lines come after the events: read only when this page may reach them.
    const lines =
      events.length <= limits.events
        ? await deps.signatures.linesPage(caseId, afterLine, limits.lines)
        : null;
    return evidencePage(
      {
        electionId,
        caseId,
        page: cursor?.page ?? 1,
        head: pinned.head,
        record: pinned.nominationCase,
        events,
        afterLine,
        lines,
      },
      limits,
    );
  };
}
