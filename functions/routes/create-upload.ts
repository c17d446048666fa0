import { UploadSchema } from '../../shared/http/responses/upload.ts';
import * as createUpload from '../create-upload.ts';
import { defineRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation createUpload. */
export const route = defineRoute({
  operationId: 'createUpload',
  tag: 'uploads and jobs',
  responseSchema: UploadSchema,
  summary:
    'Where to send a file too large for a request (a voter register, signature sheets): a URL taking one PUT of the declared type and size within 15 minutes; then POST `{"upload": "<uploadId>"}` to the register or signatures route.',
  requestSchema: createUpload.UploadRequestSchema,
  method: 'POST',
  path: `${election}/uploads`,
  public: false,
  successStatus: 201,
  createHandler: createUpload.createHandler,
});
