import { CommunityConsentSchema } from '../../shared/domain/community-consent.ts';
import { CaseViewSchema } from '../../shared/http/responses/case.ts';
import * as recordCommunityConsent from '../record-community-consent.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation recordCommunityConsent. */
export const route = defineRoute({
  operationId: 'recordCommunityConsent',
  tag: 'cases',
  responseSchema: CaseViewSchema,
  summary: 'The akimat records the local community meeting’s decision on its candidate (LGA 39-3).',
  requestSchema: CommunityConsentSchema,
  method: 'POST',
  path: `${aCase}/community-consent`,
  public: false,
  successStatus: 200,
  createHandler: recordCommunityConsent.createHandler,
});
