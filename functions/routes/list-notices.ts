import { DistrictCodeSchema } from '../../shared/domain/kato.ts';
import { NoticesResponseSchema } from '../../shared/http/responses/notices.ts';
import * as listNotices from '../list-notices.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation listNotices. */
export const route = defineRoute({
  operationId: 'listNotices',
  tag: 'notices',
  responseSchema: NoticesResponseSchema,
  summary:
    'The caller’s inbox, newest first, with its unread count: the calendar’s notices to its body, what waits for it, deadlines near, decisions on its cases.',
  method: 'GET',
  path: '/notices',
  public: false,
  successStatus: 200,
  query: {
    district: {
      description:
        'For a party or candidate: the district whose elections it follows (a commission or akimat reads its own).',
      schema: DistrictCodeSchema,
    },
  },
  createHandler: listNotices.createHandler,
});
