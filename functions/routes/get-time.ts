import { TimeResponseSchema } from '../../shared/http/responses/time.ts';
import * as getTime from '../get-time.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation getTime. */
export const route = defineRoute({
  operationId: 'getTime',
  tag: 'time',
  responseSchema: TimeResponseSchema,
  summary:
    'The engine’s current instant: deadlines are judged by it (the manual clock locally, CLOCK=manual), so countdowns start from it rather than the client’s clock; and whether it runs by itself (`real`) or stands until an operator moves it (`manual`), when a countdown must stand too.',
  method: 'GET',
  path: '/time',
  public: true,
  successStatus: 200,
  createHandler: getTime.createHandler,
});
