import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { requireCommissionOf, requireSheetsSender } from '../shared/auth/scope.ts';
import { jobKinds, objectKeys, UPLOAD_MAX_BYTES, UPLOAD_URL_SECONDS } from '../shared/domain/bulk-job.ts';
import { issueParams, parseOrThrow } from '../shared/domain/validation.ts';
import { XLSX_MEDIA_TYPE } from '../shared/http/request-body.ts';
import { uploadHeaders } from '../shared/ports/objects.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';

/** The media types a bulk file may have: those a bulk route reads (a CSV may say its charset). */
const UPLOAD_TYPE = new RegExp(
  `^(application/json|application/x-ndjson|application/jsonl|${XLSX_MEDIA_TYPE.replace(/[.]/g, '\\.')}|text/csv(; ?charset=(utf-8|windows-1251))?)$`,
  'i',
);

export const UploadRequestSchema = z
  .strictObject({
    for: z.enum(jobKinds),
    /** The case whose sheets the file holds (`for: signatures`). */
    caseId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .optional(),
    contentType: z.string().max(100).regex(UPLOAD_TYPE),
    bytes: z.int().min(1),
  })
  .superRefine((upload, ctx) => {
    if (upload.for === 'signatures' && upload.caseId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], ...issueParams('REQUIRED') });
    }
    if (upload.for === 'voter-register' && upload.caseId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], ...issueParams('UNKNOWN_FIELD', { keys: 'caseId' }) });
    }
    const maximum = UPLOAD_MAX_BYTES[upload.for];
    if (upload.bytes > maximum) {
      ctx.addIssue({ code: 'custom', path: ['bytes'], ...issueParams('TOO_BIG', { maximum }) });
    }
  });

/**
 * createUpload: where to send a file too large for a request (a voter register, signature sheets): a URL that
 * takes one PUT of exactly the declared type and size within 15 minutes. The file is then handed to its route
 * as `{"upload": "<uploadId>"}`, which answers 202 with the job that reads it. The upload belongs to the
 * resource it was asked for: no other route or case can use it.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'objects' | 'clock'>) {
  return async (request: OperationRequest) => {
    const electionId = pathParam(request, 'electionId');
    const upload = parseOrThrow(UploadRequestSchema, request.body);
    const election = await deps.elections.get(electionId);
    if (upload.caseId === undefined) requireCommissionOf(request.caller, election.district);
    else requireSheetsSender(request.caller, election, await deps.cases.get(electionId, upload.caseId));
    const uploadId = randomUUID();
    const key = objectKeys.upload(electionId, upload.for, upload.caseId, uploadId);
    const url = await deps.objects.uploadUrl(key, {
      contentType: upload.contentType,
      bytes: upload.bytes,
      expiresInSeconds: UPLOAD_URL_SECONDS,
    });
    const expiresAt = new Date(Date.parse(deps.clock.now()) + UPLOAD_URL_SECONDS * 1000).toISOString();
    return {
      uploadId,
      url,
      method: 'PUT' as const,
      headers: uploadHeaders(upload),
      expiresAt,
      startJob: {
        method: 'POST' as const,
        path:
          upload.caseId === undefined
            ? `/elections/${electionId}/voter-register`
            : `/elections/${electionId}/cases/${upload.caseId}/signatures`,
        body: { upload: uploadId },
      },
    };
  };
}
