import { z } from 'zod';
import {
  type CaseEvent,
  type CaseStatus,
  CaseStatusSchema,
  initialStatus,
  nextStatus,
} from './case-lifecycle.ts';
import { waitingSteps } from './election-calendar.ts';
import { CandidateChecksSchema, noChecksYet } from './eligibility.ts';
import { StepAlreadyDecidedError } from './errors.ts';
import { SentSignalSchema } from './execution-repair.ts';
import { type Instant, InstantSchema } from './local-date.ts';
import { type Filing, FilingSchema, nominatorSlot } from './nomination.ts';

/** Who did something: a role and a non-personal id (a district code, a party id, a user id, or the engine). */
export const ActorSchema = z.strictObject({
  role: z.enum(['commission', 'akimat', 'party', 'candidate', 'engine']),
  id: z.string().min(1).max(200),
});
export type Actor = z.infer<typeof ActorSchema>;

/** One entry of the audit trail: who, what, when, from which status to which. Never personal data. */
export const TimelineEntrySchema = z.strictObject({
  version: z.int().min(1),
  at: InstantSchema,
  actor: ActorSchema,
  event: z.string(),
  from: CaseStatusSchema.nullable(),
  to: CaseStatusSchema,
  note: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

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
  timeline: z.array(TimelineEntrySchema),
  /** Which execution is the case's: its name is `executionName(caseId, attempt)`. */
  executionAttempt: z.int().min(1).default(1),
  /** The last signal that ended one of its waits, until the execution stores its next wait. */
  sentSignal: SentSignalSchema.nullable().default(null),
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
    timeline: [entry(1, 'NominationFiled', null, status, meta)],
    executionAttempt: 1,
    sentSignal: null,
  };
}

/** The case after `event`: next status, version + 1, one more timeline entry. Throws on an impossible event. */
export function applyCaseEvent(current: NominationCase, event: CaseEvent, meta: EventMeta): NominationCase {
  const to = nextStatus(current.status, event);
  const version = current.version + 1;
  return {
    ...current,
    status: to,
    version,
    timeline: [...current.timeline, entry(version, event.type, current.status, to, meta)],
  };
}

/** A repair of the case's execution, on its timeline: the status stays, the trail says what was done and why. */
export function recordRepair(
  current: NominationCase,
  event: 'ExecutionRestarted' | 'SignalRepeated',
  change: Partial<Pick<NominationCase, 'executionAttempt' | 'sentSignal'>>,
  meta: EventMeta,
): NominationCase {
  const version = current.version + 1;
  return {
    ...current,
    ...change,
    version,
    timeline: [...current.timeline, entry(version, event, current.status, current.status, meta)],
  };
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

function entry(version: number, event: string, from: CaseStatus | null, to: CaseStatus, meta: EventMeta) {
  return {
    version,
    at: meta.at,
    actor: meta.actor,
    event,
    from,
    to,
    ...(meta.note === undefined ? {} : { note: meta.note }),
  };
}
