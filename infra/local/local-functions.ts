import * as awaitCommunityConsent from '../../functions/await-community-consent.ts';
import * as awaitPartyConfirmation from '../../functions/await-party-confirmation.ts';
import * as awaitRegistrationDecision from '../../functions/await-registration-decision.ts';
import * as awaitSignatures from '../../functions/await-signatures.ts';
import * as checkEligibility from '../../functions/check-eligibility.ts';
import * as closeExtendedNomination from '../../functions/close-extended-nomination.ts';
import * as closeNomination from '../../functions/close-nomination.ts';
import * as closeRegistration from '../../functions/close-registration.ts';
import * as endOverdueWaits from '../../functions/end-overdue-waits.ts';
import * as loadCase from '../../functions/load-case.ts';
import * as loadElection from '../../functions/load-election.ts';
import * as recordCalendarFailure from '../../functions/record-calendar-failure.ts';
import * as recordCaseFailure from '../../functions/record-case-failure.ts';
import * as recordJobFailure from '../../functions/record-job-failure.ts';
import * as runJobStep from '../../functions/run-job-step.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import * as waitForNextDeadline from '../../functions/wait-for-next-deadline.ts';
import type { LocalFunction } from './local-workflows.ts';

/** Every Task state's handler, by the function name its ASL placeholder uses: the same modules Lambda runs. */
export function localFunctions(deps: Dependencies): Record<string, LocalFunction> {
  return {
    LoadCase: loadCase.createHandler(deps),
    AwaitPartyConfirmation: awaitPartyConfirmation.createHandler(deps),
    AwaitSignatures: awaitSignatures.createHandler(deps),
    AwaitCommunityConsent: awaitCommunityConsent.createHandler(deps),
    CheckEligibility: checkEligibility.createHandler(deps),
    AwaitRegistrationDecision: awaitRegistrationDecision.createHandler(deps),
    RecordCaseFailure: recordCaseFailure.createHandler(deps),
    LoadElection: loadElection.createHandler(deps),
    CloseNomination: closeNomination.createHandler(deps),
    CloseExtendedNomination: closeExtendedNomination.createHandler(deps),
    CloseRegistration: closeRegistration.createHandler(deps),
    EndOverdueWaits: endOverdueWaits.createHandler(deps),
    WaitForNextDeadline: waitForNextDeadline.createHandler(deps),
    RecordCalendarFailure: recordCalendarFailure.createHandler(deps),
    RunJobStep: runJobStep.createHandler(deps),
    RecordJobFailure: recordJobFailure.createHandler(deps),
  };
}
