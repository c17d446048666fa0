import type { CaseEvent } from '../../shared/domain/case-lifecycle.ts';
import {
  type DecisionStep,
  decideStep,
  type EventMeta,
  type NominationCase,
} from '../../shared/domain/nomination-case.ts';
import type { WakeReason } from '../../shared/ports/workflows.ts';
import type { Dependencies } from './dependencies.ts';

/**
 * Record first, then signal: the change is written to the case under optimistic locking; only then is the
 * execution waiting on the case (if any) resumed. A change that arrives while nothing waits is therefore
 * kept, and read by the workflow when it next loads the case.
 */
export async function recordAndResume(
  deps: Pick<Dependencies, 'cases' | 'workflows'>,
  ref: { readonly electionId: string; readonly caseId: string },
  change: (current: NominationCase) => NominationCase,
  reason: WakeReason,
): Promise<NominationCase> {
  const output = { reason };
  let token: string | null = null;
  const updated = await deps.cases.update(ref.electionId, ref.caseId, (current) => {
    const next = change(current);
    if (next === current || next.status === current.status) return next;
    token = current.waitingFor?.taskToken ?? null;
    if (token === null) return { ...next, waitingFor: null };
    // Kept until the execution stores its next wait: if this signal is lost, the reconciler sends it again.
    const at = next.lastEntry.at;
    return { ...next, waitingFor: null, sentSignal: { taskToken: token, output, at, repeated: false } };
  });
  await deps.cases.releaseSlot(updated);
  if (token !== null) await deps.workflows.sendTaskSuccess(token, output);
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
  );
}
