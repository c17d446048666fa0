import { DistrictCodeSchema } from '../../shared/domain/kato.ts';
import { ElectionsResponseSchema } from '../../shared/http/responses/notices.ts';
import * as listElections from '../list-elections.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation listElections. */
export const route = defineRoute({
  operationId: 'listElections',
  tag: 'elections',
  responseSchema: ElectionsResponseSchema,
  summary: 'A district’s elections by election day, read by anyone like each election.',
  method: 'GET',
  path: '/elections',
  public: true,
  successStatus: 200,
  query: {
    district: {
      description: 'The district’s four-digit code.',
      schema: DistrictCodeSchema,
    },
  },
  createHandler: listElections.createHandler,
});
