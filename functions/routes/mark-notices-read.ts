import { MarkNoticesReadSchema, ReadMarkResponseSchema } from '../../shared/http/responses/notices.ts';
import * as markNoticesRead from '../mark-notices-read.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation markNoticesRead. */
export const route = defineRoute({
  operationId: 'markNoticesRead',
  tag: 'notices',
  responseSchema: ReadMarkResponseSchema,
  requestSchema: MarkNoticesReadSchema,
  summary:
    'The caller has read its inbox up to an instant (never past the engine’s now; a mark never moves back).',
  method: 'POST',
  path: '/notices/read',
  public: false,
  successStatus: 200,
  createHandler: markNoticesRead.createHandler,
});
