import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { assessEligibility } from '../shared/domain/eligibility.ts';
import { localDateOf } from '../shared/domain/local-date.ts';
import { applyCaseEvent } from '../shared/domain/nomination-case.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { type Dependencies, engineActor } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { CaseStepInputSchema } from './support/workflow-inputs.ts';

/**
 * CheckEligibility: the automatic check of CLE 113-2, CLE 4 p.4 and LGA 36. Its findings go on the case for
 * the commission, which then decides; an ineligible candidate can only be refused.
 */
export function createHandler(deps: Pick<Dependencies, 'cases' | 'elections' | 'clock' | 'logger'>) {
  return async (event: unknown) => {
    const input = parseOrThrow(CaseStepInputSchema, event);
    const { electionId, caseId } = input;
    // Its election day and rules never change once it is called: the execution carries them.
    const election = input.election ?? (await deps.elections.get(electionId));
    const now = deps.clock.now();
    const checked = await deps.cases.update(electionId, caseId, (current) => {
      if (current.status !== 'CheckingEligibility') return current;
      const eligibility = assessEligibility(current.filing.candidate, current.checks, {
        electionDay: election.electionDay,
        filedOn: localDateOf(current.filedAt, timeZoneOf(election.rules)),
        rules: election.rules,
      });
      const note = { outcome: eligibility.outcome, findings: eligibility.findings.map((f) => f.code) };
      return {
        ...applyCaseEvent(current, { type: 'EligibilityAssessed' }, { at: now, actor: engineActor, note }),
        findings: { ...current.findings, eligibility },
      };
    });
    deps.logger.info('eligibility checked', { caseId, status: checked.status });
    return { status: checked.status };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {});
