import * as z from 'zod';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import { SYNCHRONOUS_ROWS } from '../shared/domain/bulk-job.ts';
import { ValidationError } from '../shared/domain/errors.ts';
import { checkRegisterRows, inRowOrder, packedList } from '../shared/domain/register-rows.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { VoterRowSchema } from '../shared/domain/voter-register.ts';
import { MAX_ROWS } from '../shared/http/file-rows.ts';
import { bodyOf, startJob, UploadedFileSchema } from './jobs/start-job.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';
import { putRegisterInForce } from './support/register-import.ts';

export const ImportVoterRegisterSchema = z.strictObject({
  source: z.string().trim().min(1).max(200),
  voters: z.array(VoterRowSchema).min(1).max(MAX_ROWS),
});

/** The list's envelope, its rows checked one by one after (checkRegisterRows), as a job checks them. */
export const ImportVoterRegisterEnvelopeSchema = ImportVoterRegisterSchema.extend({
  voters: z.array(z.unknown()).min(1).max(MAX_ROWS),
});

/** What the route takes: the list's rows, or an upload of the list (a file too large for a request). */
export const ImportVoterRegisterRequestSchema = z.union([ImportVoterRegisterSchema, UploadedFileSchema]);

/**
 * importVoterRegister: the district's voter list, every row checked before anything is written; it becomes the
 * snapshot the 1% threshold is counted on. Only IINs are kept; the same list imported again is the same snapshot.
 * A new list counts again the signatures already counted on the old one.
 */
export function createHandler(
  deps: Pick<
    Dependencies,
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger' | 'jobs' | 'objects'
  >,
) {
  return async (request: OperationRequest) => {
    const electionId = pathParam(request, 'electionId');
    const election = await deps.elections.get(electionId);
    requireCommissionOf(request.caller, election.district);
    if (typeof request.body === 'object' && request.body !== null && 'upload' in request.body) {
      const { upload, source } = parseOrThrow(UploadedFileSchema, request.body);
      return startJob(deps, {
        caller: request.caller,
        kind: 'voter-register',
        electionId,
        source: source ?? 'upload',
        file: { upload },
      });
    }
    const { source, voters } = parseOrThrow(ImportVoterRegisterEnvelopeSchema, request.body);
    if (voters.length > SYNCHRONOUS_ROWS['voter-register']) {
      return startJob(deps, {
        caller: request.caller,
        kind: 'voter-register',
        electionId,
        source,
        file: bodyOf(request),
      });
    }
    const checked = checkRegisterRows(voters, 0, election.electionDay, request.rowLines);
    const list = packedList(checked.voters, request.rowLines);
    const issues = inRowOrder([...checked.issues, ...list.repeated]);
    if (issues.length > 0) throw new ValidationError(issues);
    return putRegisterInForce(deps, election, { packed: list.packed, source });
  };
}
