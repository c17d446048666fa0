import * as z from 'zod';
import type { ReinstatedStatus } from './case-lifecycle.ts';
import type { Election } from './election.ts';
import { regimeOf } from './election.ts';
import { daysBeforeElection } from './election-calendar.ts';
import { timeZoneOf } from './election-rules.ts';
import {
  DeadlinePassedError,
  DomainError,
  type FieldIssue,
  InvalidTransitionError,
  ValidationError,
} from './errors.ts';
import { executionName } from './execution-repair.ts';
import { type Instant, isBefore, localDateOf } from './local-date.ts';
import {
  applyCaseEvent,
  type EventMeta,
  MAX_OVERTURNING_DECISIONS,
  MAX_REINSTATEMENTS,
  type NominationCase,
  type RecordedDecision,
} from './nomination-case.ts';
import {
  decisionFingerprint,
  type OverturnedBy,
  type OverturningDecision,
  OverturningDecisionSchema,
  type ReinstatementRecord,
  sameDecision,
} from './overturning-decision.ts';
import { trailText } from './trail-text.ts';

/**
 * A refusal or a cancellation of registration overturned by a court or a higher commission, recorded by the
 * district commission with the decision's reference, and where that decision puts the case: registered, or
 * back before the commission for a new registration decision [D, domain reference §5: appeals].
 */
export const ReinstatementSchema = z.strictObject({
  decision: OverturningDecisionSchema,
  to: z.enum(['registered', 'registration-decision']),
  reasons: trailText(4000).optional(),
});
export type Reinstatement = z.infer<typeof ReinstatementSchema>;

const statusOfTarget: Readonly<Record<Reinstatement['to'], ReinstatedStatus>> = {
  registered: 'Registered',
  'registration-decision': 'AwaitingRegistrationDecision',
};

/** The same decision twice on one case is a repeat, not a second reinstatement. */
export class ReinstatementAlreadyRecordedError extends DomainError {
  override readonly name = 'ReinstatementAlreadyRecordedError';
  readonly kind = 'conflict';
  constructor(recordedAt: Instant, timeZone: string) {
    super('REINSTATEMENT_ALREADY_RECORDED', { recordedAt, timeZone });
  }
}

/** A case remembers a bounded number of overturning decisions: one more is refused, not silently forgotten. */
export class ReinstatementLimitReachedError extends DomainError {
  override readonly name = 'ReinstatementLimitReachedError';
  readonly kind = 'rule';
  constructor(limit: number) {
    super('REINSTATEMENT_LIMIT_REACHED', { limit });
  }
}

/**
 * When the same decision was recorded on the case before, or null. Looked up among every decision's fingerprint
 * (`overturnedBy`), not only the full records kept of the latest ones: "each decision once" holds for good.
 */
function recordedBefore(current: NominationCase, decision: OverturningDecision): Instant | null {
  const record = (current.reinstatements ?? []).find((r) => sameDecision(r.decision, decision));
  if (record !== undefined) return record.at;
  const fingerprint = decisionFingerprint(decision);
  return (current.overturnedBy ?? []).find((o) => o.fingerprint === fingerprint)?.at ?? null;
}

/** After registration closed there is no registration decision to go back to: only a registration. */
export class ReinstatementAfterRegistrationCloseError extends DomainError {
  override readonly name = 'ReinstatementAfterRegistrationCloseError';
  readonly kind = 'rule';
  constructor(closedAt: Instant, timeZone: string) {
    super('REINSTATEMENT_AFTER_REGISTRATION_CLOSE', { closedAt, timeZone });
  }
}

/** Until when a reinstatement is recorded: `reinstatementClosesDaysBefore` election day, at the cut-off [D]. */
export function reinstatementClosesAt(election: Election): Instant {
  return daysBeforeElection(
    election.electionDay,
    election.rules.reinstatementClosesDaysBefore,
    regimeOf(election),
    timeZoneOf(election.rules),
  );
}

/** The decision a reinstatement overturns: the refusal of a Refused case, the cancellation of a cancelled one. */
function overturnedOf(current: NominationCase): {
  step: 'registration-decision' | 'cancellation';
  decision: RecordedDecision;
} {
  const step =
    current.status === 'Refused'
      ? 'registration-decision'
      : current.status === 'RegistrationCancelled'
        ? 'cancellation'
        : null;
  const decision = step === null ? undefined : current.decisions[step];
  if (step === null || decision === undefined) throw new InvalidTransitionError(current.status, 'Reinstated');
  return { step, decision };
}

function dateIssues(
  decision: OverturningDecision,
  overturnedAt: Instant,
  now: Instant,
  zone: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (decision.date > localDateOf(now, zone)) {
    issues.push({
      field: 'decision.date',
      code: 'DECISION_DATE_IN_FUTURE',
    });
  } else if (decision.date < localDateOf(overturnedAt, zone)) {
    issues.push({
      field: 'decision.date',
      code: 'DECISION_DATE_BEFORE_OVERTURNED',
    });
  }
  return issues;
}

function withoutStep(
  decisions: NominationCase['decisions'],
  step: keyof NominationCase['decisions'],
): NominationCase['decisions'] {
  return Object.fromEntries(Object.entries(decisions).filter(([name]) => name !== step));
}

/**
 * The case as the overturning decision leaves it. The overturned decision moves from the case's decisions to
 * its reinstatements, so that its step can be decided again; a case sent back before the commission also loses
 * its registration decision, and needs a new execution to wait for it (its attempt goes up; the earlier one
 * ended with the refusal, or still waits on a signal a crash lost, and is stopped before the new one starts).
 * A court's registration is recorded as the case's registration decision. Checks, in this order: the same
 * decision already recorded (a repeat, whatever the case became since, however many reinstatements came after
 * it), the case's status, the bound on decisions kept, the deadlines, then the decision's date.
 */
export function reinstate(
  current: NominationCase,
  reinstatement: Reinstatement,
  election: Election,
  meta: EventMeta,
): NominationCase {
  const zone = timeZoneOf(election.rules);
  // A repeat of a decision already recorded says so, whatever the case became since.
  const earlier = recordedBefore(current, reinstatement.decision);
  if (earlier !== null) throw new ReinstatementAlreadyRecordedError(earlier, zone);
  const overturned = overturnedOf(current);
  const overturnedBy: OverturnedBy[] = [
    ...(current.overturnedBy ?? []),
    { fingerprint: decisionFingerprint(reinstatement.decision), at: meta.at },
  ];
  if (overturnedBy.length > MAX_OVERTURNING_DECISIONS) {
    throw new ReinstatementLimitReachedError(MAX_OVERTURNING_DECISIONS);
  }
  const closesAt = reinstatementClosesAt(election);
  if (!isBefore(meta.at, closesAt)) throw new DeadlinePassedError('reinstatement', closesAt, zone);
  const to = statusOfTarget[reinstatement.to];
  const registrationClosesAt = election.calendar.registrationClosesAt;
  if (to === 'AwaitingRegistrationDecision' && !isBefore(meta.at, registrationClosesAt)) {
    throw new ReinstatementAfterRegistrationCloseError(registrationClosesAt, zone);
  }
  const issues = dateIssues(reinstatement.decision, overturned.decision.at, meta.at, zone);
  if (issues.length > 0) throw new ValidationError(issues);

  const decisions = withoutStep(current.decisions, overturned.step);
  const undecided = withoutStep(decisions, 'registration-decision');
  const registeredByDecision: RecordedDecision = {
    at: meta.at,
    actor: meta.actor,
    outcome: 'registered',
    details: { reinstatedBy: reinstatement.decision },
  };
  const record: ReinstatementRecord = {
    at: meta.at,
    actor: meta.actor,
    decision: reinstatement.decision,
    to,
    overturned: { step: overturned.step, ...overturned.decision },
  };
  const note = {
    decision: reinstatement.decision,
    overturned: overturned.step,
    to,
    ...(reinstatement.reasons === undefined ? {} : { reasons: reinstatement.reasons }),
  };
  const backToCommission = to === 'AwaitingRegistrationDecision';
  const executionAttempt = backToCommission ? current.executionAttempt + 1 : current.executionAttempt;
  // The execution that will carry the case, named on the trail before it is started (and every earlier one
  // stopped: reinstate-case.ts).
  const execution = backToCommission ? { execution: executionName(current.caseId, executionAttempt) } : {};
  const next = applyCaseEvent(
    current,
    { type: 'Reinstated', to },
    { ...meta, note: { ...note, ...execution } },
  );
  return {
    ...next,
    decisions: backToCommission
      ? undecided
      : overturned.step === 'registration-decision'
        ? { ...decisions, 'registration-decision': registeredByDecision }
        : decisions,
    // The full records of the latest only; every decision stays in `overturnedBy`.
    reinstatements: [...(current.reinstatements ?? []), record].slice(-MAX_REINSTATEMENTS),
    overturnedBy,
    waitingFor: null,
    sentSignal: null,
    executionAttempt,
  };
}
