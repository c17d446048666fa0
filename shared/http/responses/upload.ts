import * as z from 'zod';
import { InstantResponseSchema } from './instant.ts';

/** createUpload's answer: where to PUT the file, with which headers, until when; then which request starts its job. */
export const UploadSchema = z.strictObject({
  uploadId: z.uuid(),
  url: z
    .string()
    .min(1)
    .describe(
      'Takes one PUT of exactly the declared type and size: on AWS an S3 URL; locally a path on the engine, to resolve against the API’s URL',
    ),
  method: z.literal('PUT'),
  headers: z
    .record(z.string(), z.string())
    .describe('To send with the PUT, as given: `content-type` and `if-none-match: *`'),
  expiresAt: InstantResponseSchema,
  startJob: z
    .strictObject({
      method: z.literal('POST'),
      path: z.string(),
      body: z.strictObject({ upload: z.uuid() }),
    })
    .describe('The request that hands the uploaded file to its route, which answers 202 with the job'),
});
