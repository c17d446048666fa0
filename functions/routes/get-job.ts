import { JobViewSchema } from '../../shared/http/responses/job.ts';
import * as getJob from '../get-job.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation getJob. */
export const route = defineRoute({
  operationId: 'getJob',
  tag: 'uploads and jobs',
  responseSchema: JobViewSchema,
  summary:
    'A bulk job (register import, signatures count): state, rows done of total, rate, time left, errors so far, and its result once done.',
  method: 'GET',
  path: `${election}/jobs/{jobId}`,
  public: false,
  successStatus: 200,
  createHandler: getJob.createHandler,
});
