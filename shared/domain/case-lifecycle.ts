import * as z from 'zod';
import { type WaitingStep, waitingSteps } from './election-calendar.ts';
import { InvalidTransitionError } from './errors.ts';
import type { NominationRoute } from './nomination.ts';

/**
 * The life of one nomination case: every status, every event, and the one function that says where an
 * event leads. Workflows, handlers and storage all go through `nextStatus`; nothing else sets a status.
 */
export const waitingStatuses = [
  'AwaitingPartyConfirmation',
  'AwaitingSignatures',
  'AwaitingCommunityConsent',
  'CheckingEligibility',
  'AwaitingRegistrationDecision',
] as const;
export const finalStatuses = [
  'Registered',
  'Refused',
  'PartyDeclined',
  'SignaturesInsufficient',
  'ConsentRefused',
  'Withdrawn',
  'Revoked',
  'Lapsed',
  'RegistrationCancelled',
] as const;
export const CaseStatusSchema = z.enum([...waitingStatuses, ...finalStatuses]);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export type CaseEvent =
  | { readonly type: 'PartyConfirmed' }
  | { readonly type: 'PartyDeclined' }
  | { readonly type: 'SignaturesVerified'; readonly sufficient: boolean }
  | { readonly type: 'CommunityConsentRecorded'; readonly agreed: boolean }
  | { readonly type: 'EligibilityAssessed' }
  | { readonly type: 'RegistrationDecided'; readonly decision: 'register' | 'refuse' }
  | { readonly type: 'Withdrawn' }
  | { readonly type: 'NominationRevoked' }
  | { readonly type: 'RegistrationCancelled' }
  | { readonly type: 'Reinstated'; readonly to: ReinstatedStatus }
  | { readonly type: 'DeadlineReached'; readonly step: WaitingStep };
export type CaseEventType = CaseEvent['type'];

/**
 * The decisions a court or a higher commission may overturn (a refusal, a cancellation), and where its decision
 * may put the case: registered, or back before the commission for a new registration decision.
 */
export const overturnableStatuses = ['Refused', 'RegistrationCancelled'] as const;
export const reinstatedStatuses = ['Registered', 'AwaitingRegistrationDecision'] as const;
export type ReinstatedStatus = (typeof reinstatedStatuses)[number];
const overturnable: ReadonlySet<CaseStatus> = new Set(overturnableStatuses);

/** Where each route starts: the human step it waits for first (CLE 113-3). */
export function initialStatus(route: NominationRoute): CaseStatus {
  switch (route) {
    case 'party':
      return 'AwaitingPartyConfirmation';
    case 'self':
      return 'AwaitingSignatures';
    case 'akimat':
      return 'AwaitingCommunityConsent';
  }
}

const waiting: ReadonlySet<CaseStatus> = new Set(waitingStatuses);

/** A case still in the race: waiting for a step, or registered. Live cases count as nominations. */
export function isLive(status: CaseStatus): boolean {
  return waiting.has(status) || status === 'Registered';
}

/** The waiting status whose deadline a step is. */
const statusOfStep: Readonly<Record<WaitingStep, CaseStatus>> = {
  'party-confirmation': 'AwaitingPartyConfirmation',
  signatures: 'AwaitingSignatures',
  'community-consent': 'AwaitingCommunityConsent',
  'registration-decision': 'AwaitingRegistrationDecision',
};

/** The status of a case waiting for `step`. */
export function waitingStatusOf(step: WaitingStep): CaseStatus {
  return statusOfStep[step];
}

/** The step a waiting status waits for, or null when the case does not wait for a person. */
export function waitingStepOf(status: CaseStatus): WaitingStep | null {
  return waitingSteps.find((step) => statusOfStep[step] === status) ?? null;
}

function next(status: CaseStatus, event: CaseEvent): CaseStatus | undefined {
  switch (event.type) {
    case 'PartyConfirmed':
      return status === 'AwaitingPartyConfirmation' ? 'CheckingEligibility' : undefined;
    case 'PartyDeclined':
      return status === 'AwaitingPartyConfirmation' ? 'PartyDeclined' : undefined;
    case 'SignaturesVerified':
      // A short count keeps the case open: more sheets may come until the signatures deadline [D].
      if (status !== 'AwaitingSignatures') return undefined;
      return event.sufficient ? 'CheckingEligibility' : 'AwaitingSignatures';
    case 'CommunityConsentRecorded':
      if (status !== 'AwaitingCommunityConsent') return undefined;
      return event.agreed ? 'CheckingEligibility' : 'ConsentRefused';
    case 'EligibilityAssessed':
      return status === 'CheckingEligibility' ? 'AwaitingRegistrationDecision' : undefined;
    case 'RegistrationDecided':
      if (status !== 'AwaitingRegistrationDecision') return undefined;
      return event.decision === 'register' ? 'Registered' : 'Refused';
    case 'Withdrawn':
      return isLive(status) ? 'Withdrawn' : undefined;
    case 'NominationRevoked':
      return isLive(status) ? 'Revoked' : undefined;
    case 'RegistrationCancelled':
      return status === 'Registered' ? 'RegistrationCancelled' : undefined;
    case 'Reinstated':
      // The one way out of a final status: a refusal or cancellation overturned on appeal.
      return overturnable.has(status) ? event.to : undefined;
    case 'DeadlineReached':
      // At registration close every undecided case lapses, whatever it waited for.
      if (event.step === 'registration-decision') return waiting.has(status) ? 'Lapsed' : undefined;
      if (status !== statusOfStep[event.step]) return undefined;
      return event.step === 'signatures' ? 'SignaturesInsufficient' : 'Lapsed';
  }
}

/** status × event → next status, or InvalidTransitionError when the event cannot happen in that status. */
export function nextStatus(status: CaseStatus, event: CaseEvent): CaseStatus {
  const to = next(status, event);
  if (to === undefined) throw new InvalidTransitionError(status, event.type);
  return to;
}
