import { actorOf } from '../shared/auth/caller.ts';
import { requireAkimatOf } from '../shared/auth/scope.ts';
import { assessCommunityConsent, CommunityConsentSchema } from '../shared/domain/community-consent.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { localDateOf } from '../shared/domain/local-date.ts';
import { requireNotAfterToday } from '../shared/domain/recorded-dates.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { decideAndResume } from './support/record-and-resume.ts';

/**
 * recordCommunityConsent: the akimat records the local community meeting's decision on its candidate
 * (LGA 39-3). The product judges it: notice (given on or after the planned close), quorum, majority; a refusal
 * frees the akimat to propose again.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock'>) {
  return async (request: OperationRequest) => {
    const record = parseOrThrow(CommunityConsentSchema, request.body);
    // Only the akim's own candidates ever wait for consent; on any other case the transition refuses (409).
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e) =>
      requireAkimatOf(caller, e.district),
    );
    const now = deps.clock.now();
    requireBeforeDeadline('community-consent', election, nominationCase, now);
    const zone = timeZoneOf(election.rules);
    requireNotAfterToday(
      { meetingDate: record.meetingDate, membersNotifiedOn: record.membersNotifiedOn },
      localDateOf(now, zone),
    );
    const assessment = assessCommunityConsent(record, election.rules, {
      nominationClosedOn: localDateOf(election.calendar.nominationClosesAt, zone),
    });
    const updated = await decideAndResume(
      deps,
      nominationCase,
      'community-consent',
      {
        outcome: assessment.agreed ? 'agreed' : 'refused',
        details: { record, findings: assessment.findings },
      },
      { type: 'CommunityConsentRecorded', agreed: assessment.agreed },
      { at: now, actor: actorOf(request.caller), note: { agreed: assessment.agreed } },
    );
    return caseViewFor(request.caller, election, updated);
  };
}
