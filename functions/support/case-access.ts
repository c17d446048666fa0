import type { Caller } from '../../shared/auth/caller.ts';
import { caseView } from '../../shared/domain/case-views.ts';
import { type FiledCase, isWaitOverdue, waitDeadline } from '../../shared/domain/deadlines.ts';
import type { Election } from '../../shared/domain/election.ts';
import type { WaitingStep } from '../../shared/domain/election-calendar.ts';
import { timeZoneOf } from '../../shared/domain/election-rules.ts';
import { DeadlinePassedError } from '../../shared/domain/errors.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import type { NominationCase } from '../../shared/domain/nomination-case.ts';
import type { Dependencies } from './dependencies.ts';
import { type OperationRequest, pathParam } from './operation.ts';

/** The election and case a request names, once `authorize` has let the caller through. */
export async function loadCaseFor(
  deps: Pick<Dependencies, 'elections' | 'cases'>,
  request: OperationRequest,
  authorize: (caller: Caller, election: Election, nominationCase: NominationCase) => void,
): Promise<{ election: Election; nominationCase: NominationCase }> {
  const election = await deps.elections.get(pathParam(request, 'electionId'));
  const nominationCase = await deps.cases.get(election.electionId, pathParam(request, 'caseId'));
  authorize(request.caller, election, nominationCase);
  return { election, nominationCase };
}

/** The case as this caller may see it: personal data only for the district commission and the candidate. */
export function caseViewFor(caller: Caller, election: Election, nominationCase: NominationCase) {
  const personal =
    (caller.role === 'commission' && caller.district === election.district) ||
    (caller.role === 'candidate' && caller.iin === nominationCase.filing.candidate.iin);
  return caseView(nominationCase, election, personal);
}

/** An action after its step's deadline is refused, naming the deadline. */
export function requireBeforeDeadline(
  step: WaitingStep,
  election: Election,
  nominationCase: FiledCase,
  now: Instant,
): void {
  if (isWaitOverdue(step, election, nominationCase, now)) {
    throw new DeadlinePassedError(
      step,
      waitDeadline(step, election, nominationCase),
      timeZoneOf(election.rules),
    );
  }
}
