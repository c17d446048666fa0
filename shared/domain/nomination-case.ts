import * as z from 'zod';
import {
  type CaseEvent,
  type CaseStatus,
  CaseStatusSchema,
  initialStatus,
  nextStatus,
} from './case-lifecycle.ts';
import { type Actor, ActorSchema, type TrailEntry, TrailEntrySchema } from './case-trail.ts';
import { waitingSteps } from './election-calendar.ts';
import { CandidateChecksSchema, noChecksYet } from './eligibility.ts';
import { StepAlreadyDecidedError } from './errors.ts';
import { SentSignalSchema } from './execution-repair.ts';
import { type Instant, InstantSchema } from './local-date.ts';
import { type Filing, FilingSchema, nominatorSlot } from './nomination.ts';
import { OverturnedBySchema, ReinstatementRecordSchema } from './overturning-decision.ts';
import { SubmissionsOfDaySchema } from './submission-limit.ts';

/** A case is cancelled and reinstated a few times at most; the bound keeps its record small whatever happens. */
export const MAX_REINSTATEMENTS = 20;

/**
 * Every decision that overturned a case's refusal or cancellation is remembered by fingerprint (`overturnedBy`),
 * so none is recorded twice; beyond this many a further one is refused, saying so (REINSTATEMENT_LIMIT_REACHED),
 * which keeps the case one record well under DynamoDB's item size (about 80 bytes each).
 */
export const MAX_OVERTURNING_DECISIONS = 1000;

export { type Actor, ActorSchema } from './case-trail.ts';

/** A step that takes exactly one decision; a second one for the same step is a conflict. */
export const decisionSteps = [
  'party-confirmation',
  'community-consent',
  'registration-decision',
  'withdrawal',
  'revocation',
  'cancellation',
] as const;
export const DecisionStepSchema = z.enum(decisionSteps);
export type DecisionStep = z.infer<typeof DecisionStepSchema>;

export const RecordedDecisionSchema = z.strictObject({
  at: InstantSchema,
  actor: ActorSchema,
  outcome: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type RecordedDecision = z.infer<typeof RecordedDecisionSchema>;

/** The execution waiting on this case right now: its task token, and for which step. */
export const WaitingForSchema = z.strictObject({
  step: z.enum(waitingSteps),
  taskToken: z.string().min(1),
  since: InstantSchema,
});
export type WaitingFor = z.infer<typeof WaitingForSchema>;

/** A nomination case as stored: the source of truth that every workflow resumes from. */
export const NominationCaseSchema = z.strictObject({
  caseId: z.string().min(1),
  electionId: z.string().min(1),
  filing: FilingSchema,
  slot: z.string().nullable(),
  status: CaseStatusSchema,
  version: z.int().min(1),
  filedAt: InstantSchema,
  filedBy: ActorSchema,
  checks: CandidateChecksSchema,
  decisions: z.partialRecord(DecisionStepSchema, RecordedDecisionSchema),
  findings: z.record(z.string(), z.unknown()),
  waitingFor: WaitingForSchema.nullable(),
  /**
   * The latest entry of the audit trail. The trail itself is one stored event per entry, chained by hash
   * (`case-trail.ts`), so the case stays one small item however long its history grows.
   */
  lastEntry: TrailEntrySchema,
  /** Which execution is the case's: its name is `executionName(caseId, attempt)`. */
  executionAttempt: z.int().min(1).default(1),
  /** The last signal that ended one of its waits, until the execution stores its next wait. */
  sentSignal: SentSignalSchema.nullable().default(null),
  /** Signature submissions taken on the latest day one was (bounded per day by the election's rules). */
  submissionsOfDay: SubmissionsOfDaySchema.nullable().default(null),
  /**
   * The signature submissions whose verdict is on the trail, by id: a submission retried after a crash is
   * recorded once. Bounded by the submissions a day takes, times the days of nomination.
   */
  signatureSubmissions: z.array(z.string()).default([]),
  /** The register snapshot the case's signatures were last counted on (null before the first submission). */
  signaturesCountedOn: z.string().nullable().default(null),
  /**
   * Refusals and cancellations overturned by a court or a higher commission, oldest first. Absent until the
   * first, so that the digest of a case stored before reinstatements existed is what it was.
   */
  reinstatements: z.array(ReinstatementRecordSchema).min(1).max(MAX_REINSTATEMENTS).optional(),
  /**
   * Every decision that overturned a refusal or cancellation of the case, by fingerprint, oldest first: the full
   * records above keep the latest only. Absent until the first reinstatement, like them.
   */
  overturnedBy: z.array(OverturnedBySchema).min(1).max(MAX_OVERTURNING_DECISIONS).optional(),
});
export type NominationCase = z.infer<typeof NominationCaseSchema>;

export interface EventMeta {
  readonly at: Instant;
  readonly actor: Actor;
  readonly note?: Record<string, unknown>;
}

/** A new case for a filing, in the first waiting status of its route. */
export function openCase(
  filing: Filing,
  ids: { readonly caseId: string; readonly electionId: string },
  meta: EventMeta,
): NominationCase {
  const status = initialStatus(filing.route);
  return {
    caseId: ids.caseId,
    electionId: ids.electionId,
    filing,
    slot: nominatorSlot(filing),
    status,
    version: 1,
    filedAt: meta.at,
    filedBy: meta.actor,
    checks: noChecksYet,
    decisions: {},
    findings: {},
    waitingFor: null,
    lastEntry: entry(null, 'NominationFiled', status, meta),
    executionAttempt: 1,
    sentSignal: null,
    submissionsOfDay: null,
    signatureSubmissions: [],
    signaturesCountedOn: null,
  };
}

/** The case after `event`: next status, version + 1, one more trail entry. Throws on an impossible event. */
export function applyCaseEvent(current: NominationCase, event: CaseEvent, meta: EventMeta): NominationCase {
  const to = nextStatus(current.status, event);
  return { ...current, status: to, lastEntry: entry(current, event.type, to, meta) };
}

/**
 * An entry on the trail that changes no status: a repair of the case's execution, a failure no retry mended,
 * a recount of its signatures on a new register. The trail says what was done or what went wrong.
 */
export function recordWithoutTransition(
  current: NominationCase,
  event:
    | 'ExecutionRestarted'
    | 'SignalRepeated'
    | 'WorkflowFailed'
    | 'SignaturesRecounted'
    | 'SignaturesVerified',
  change: Partial<Pick<NominationCase, 'executionAttempt' | 'sentSignal'>>,
  meta: EventMeta,
): NominationCase {
  return { ...current, ...change, lastEntry: entry(current, event, current.status, meta) };
}

/**
 * Records the one decision a step takes, with the event it causes. A second decision for the same step
 * is a StepAlreadyDecidedError: whoever comes second learns the case's current status.
 */
export function decideStep(
  current: NominationCase,
  step: DecisionStep,
  decision: { readonly outcome: string; readonly details: Record<string, unknown> },
  event: CaseEvent,
  meta: EventMeta,
): NominationCase {
  if (current.decisions[step] !== undefined) throw new StepAlreadyDecidedError(step, current.status);
  const next = applyCaseEvent(current, event, meta);
  const recorded: RecordedDecision = { at: meta.at, actor: meta.actor, ...decision };
  return { ...next, decisions: { ...current.decisions, [step]: recorded } };
}

/**
 * A trail entry for the change from `current` (null for a new case). One change writes at most one entry:
 * storage chains it after the case's last stored event as the case is written.
 */
function entry(current: NominationCase | null, event: string, to: CaseStatus, meta: EventMeta): TrailEntry {
  return {
    seq: current === null ? 1 : current.lastEntry.seq + 1,
    version: current === null ? 1 : current.version + 1,
    at: meta.at,
    actor: meta.actor,
    event,
    from: current === null ? null : current.status,
    to,
    ...(meta.note === undefined ? {} : { note: meta.note }),
  };
}
