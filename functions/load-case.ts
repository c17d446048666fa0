import { parseOrThrow } from '../shared/domain/validation.ts';
import type { Dependencies } from './support/dependencies.ts';
import { lambdaTaskHandler } from './support/lambda-task.ts';
import { CaseRefSchema } from './support/workflow-inputs.ts';

/** LoadCase: the status recorded on the case decides where the workflow goes next (re-entrancy). */
export function createHandler(deps: Pick<Dependencies, 'cases'>) {
  return async (event: unknown) => {
    const { electionId, caseId } = parseOrThrow(CaseRefSchema, event);
    const nominationCase = await deps.cases.get(electionId, caseId);
    return { status: nominationCase.status, route: nominationCase.filing.route };
  };
}

/** The Lambda entry point. */
export const handler = lambdaTaskHandler(createHandler, {});
