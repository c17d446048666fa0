import * as z from 'zod';

/**
 * Step Functions' "Execution Status Change" event, as EventBridge delivers it for an execution of the product's
 * state machines that ended badly (the rule: infra/aws/constructs/ended-executions-rule.ts). Its `input` is the
 * execution's own input as a JSON string, left out by Step Functions when it is over 256 KB: the product's
 * executions carry ids and small facts only.
 */
const EndedExecutionEventSchema = z.object({
  source: z.literal('aws.states'),
  'detail-type': z.literal('Step Functions Execution Status Change'),
  detail: z.object({
    status: z.string(),
    name: z.string(),
    input: z.string().nullish(),
  }),
});

/** What every execution's input names: its election, and a case's execution its case. */
const RecordOfExecutionSchema = z.object({
  electionId: z.string().min(1).max(64),
  caseId: z.string().min(1).max(64).optional(),
});

export type EndedExecutionScope = z.infer<typeof RecordOfExecutionSchema>;

/** Whether the reconciler was invoked by such an event rather than by its schedule or an operator. */
export function isEndedExecutionEvent(event: unknown): boolean {
  return EndedExecutionEventSchema.safeParse(event).success;
}

/**
 * The record whose execution ended: its election, with its case for a case's execution (a bulk job's names its
 * election, which is then reconciled whole). Null when the input is absent or names neither.
 */
export function recordOfEndedExecution(event: unknown): EndedExecutionScope | null {
  const parsed = EndedExecutionEventSchema.safeParse(event);
  if (!parsed.success || typeof parsed.data.detail.input !== 'string') return null;
  let input: unknown;
  try {
    input = JSON.parse(parsed.data.detail.input);
  } catch {
    return null;
  }
  const record = RecordOfExecutionSchema.safeParse(input);
  if (!record.success) return null;
  const { electionId, caseId } = record.data;
  return caseId === undefined ? { electionId } : { electionId, caseId };
}
