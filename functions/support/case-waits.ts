import {
  type CaseEvent,
  type CaseStatus,
  nextStatus,
  waitingStepOf,
} from '../../shared/domain/case-lifecycle.ts';
import type { WaitingStep } from '../../shared/domain/election-calendar.ts';
import { InvalidTransitionError } from '../../shared/domain/errors.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import { applyCaseEvent, type NominationCase } from '../../shared/domain/nomination-case.ts';
import { type WakeReason, wakeOutput } from '../../shared/ports/workflows.ts';
import { type Dependencies, engineActor } from './dependencies.ts';
import { recordAndResume } from './record-and-resume.ts';

/**
 * Applies an event the engine itself raises (a deadline) and resumes the execution waiting on the case:
 * recorded first, then signalled, so a crash in between loses nothing (the resumed workflow reads the status).
 */
export function applyEngineEvent(
  deps: Pick<Dependencies, 'cases' | 'workflows'>,
  ref: { readonly electionId: string; readonly caseId: string },
  event: CaseEvent,
  now: Instant,
  note: Record<string, unknown>,
  seen?: NominationCase,
): Promise<NominationCase> {
  const change = (current: NominationCase) => {
    try {
      nextStatus(current.status, event);
    } catch (error) {
      // Someone decided first: the event no longer applies, and that is fine.
      if (error instanceof InvalidTransitionError) return current;
      throw error;
    }
    return applyCaseEvent(current, event, { at: now, actor: engineActor, note });
  };
  return recordAndResume(deps, ref, change, 'deadline', seen);
}

/** Ends a wait at its deadline: the step's own status moves on (Lapsed, SignaturesInsufficient). */
export function endWait(
  deps: Pick<Dependencies, 'cases' | 'workflows'>,
  nominationCase: NominationCase,
  step: WaitingStep,
  deadline: Instant,
  now: Instant,
): Promise<NominationCase> {
  if (waitingStepOf(nominationCase.status) !== step && step !== 'registration-decision') {
    return Promise.resolve(nominationCase);
  }
  const event = { type: 'DeadlineReached', step } as const;
  return applyEngineEvent(deps, nominationCase, event, now, { step, deadline }, nominationCase);
}

/** Ends a wait; a case's wait is told the status the case is in, so that its workflow need not read it. */
export function signal(
  deps: Pick<Dependencies, 'workflows'>,
  taskToken: string,
  reason: WakeReason,
  status?: CaseStatus,
): Promise<void> {
  return deps.workflows.sendTaskSuccess(taskToken, wakeOutput(reason, status));
}
