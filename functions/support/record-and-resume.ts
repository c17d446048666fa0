import type { CaseEvent } from '../../shared/domain/case-lifecycle.ts';
import {
  type DecisionStep,
  decideStep,
  type EventMeta,
  type NominationCase,
} from '../../shared/domain/nomination-case.ts';
import { type WakeOutput, type WakeReason, wakeOutput } from '../../shared/ports/workflows.ts';
import type { Dependencies } from './dependencies.ts';

/**
 * Record first, then signal: the change is written to the case under optimistic locking; only then is the
 * execution waiting on the case (if any) resumed. A change that arrives while nothing waits is therefore
 * kept, and read by the workflow when it next loads the case.
 *
 * The signal carries the status it moved the case to, so the workflow routes on it without reading the case
 * again. A status that has moved on once more by then is still safe to route on: every step re-reads the case
 * and acts only on condition of the status it finds.
 */
export async function recordAndResume(
  deps: Pick<Dependencies, 'cases' | 'workflows'>,
  ref: { readonly electionId: string; readonly caseId: string },
  change: (current: NominationCase) => NominationCase,
  reason: WakeReason,
  seen?: NominationCase,
): Promise<NominationCase> {
  // The signal of the attempt that was written (a lost race runs `change` again).
  const pending: { signal: { readonly token: string; readonly output: WakeOutput } | null } = {
    signal: null,
  };
  const updated = await deps.cases.update(
    ref.electionId,
    ref.caseId,
    (current) => {
      pending.signal = null;
      const next = change(current);
      if (next === current || next.status === current.status) return next;
      const token = current.waitingFor?.taskToken ?? null;
      if (token === null) return { ...next, waitingFor: null };
      // Kept until the execution stores its next wait: if this signal is lost, the reconciler sends it again.
      const output = wakeOutput(reason, next.status);
      pending.signal = { token, output };
      const at = next.lastEntry.at;
      return { ...next, waitingFor: null, sentSignal: { taskToken: token, output, at, repeated: false } };
    },
    seen,
  );
  await deps.cases.releaseSlot(updated);
  if (pending.signal !== null)
    await deps.workflows.sendTaskSuccess(pending.signal.token, pending.signal.output);
  return updated;
}

/** Records the one decision of a step with the event it causes, then resumes the waiting execution. */
export function decideAndResume(
  deps: Pick<Dependencies, 'cases' | 'workflows'>,
  nominationCase: NominationCase,
  step: DecisionStep,
  decision: { readonly outcome: string; readonly details: Record<string, unknown> },
  event: CaseEvent,
  meta: EventMeta,
): Promise<NominationCase> {
  return recordAndResume(
    deps,
    nominationCase,
    (current) => decideStep(current, step, decision, event, meta),
    'decided',
    nominationCase,
  );
}
