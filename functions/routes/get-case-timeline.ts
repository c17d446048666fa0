import { CaseTimelineSchema } from '../../shared/http/responses/case.ts';
import * as getCaseTimeline from '../get-case-timeline.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation getCaseTimeline. */
export const route = defineRoute({
  operationId: 'getCaseTimeline',
  tag: 'cases',
  responseSchema: CaseTimelineSchema,
  summary: 'The audit trail of a case: who, what, when, from which status to which.',
  method: 'GET',
  path: `${aCase}/timeline`,
  public: false,
  successStatus: 200,
  createHandler: getCaseTimeline.createHandler,
});
