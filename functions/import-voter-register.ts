import { z } from 'zod';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import { withVoterRegister } from '../shared/domain/election.ts';
import { localize } from '../shared/domain/error-catalogue.ts';
import { type FieldIssue, ValidationError } from '../shared/domain/errors.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { VoterRowSchema, votesOn } from '../shared/domain/voter-register.ts';
import type { Dependencies } from './support/dependencies.ts';
import { type OperationRequest, pathParam } from './support/operation.ts';
import { recountSignatures } from './support/recount-signatures.ts';

export const ImportVoterRegisterSchema = z.strictObject({
  source: z.string().trim().min(1).max(200),
  voters: z.array(VoterRowSchema).min(1).max(100_000),
});

/** Where a repeated row and its first occurrence stand: their lines in the uploaded file, else their places in the list. */
function repeatDetails(at: number, first: number, lines: readonly number[] | undefined) {
  const line = lines?.[at];
  const firstLine = lines?.[first];
  return line === undefined || firstLine === undefined
    ? { entry: at + 1, firstEntry: first + 1 }
    : { line, firstLine };
}

/** Rows that are well formed but cannot be on the list: under 18 on election day, or listed twice. */
function listIssues(
  voters: z.infer<typeof VoterRowSchema>[],
  electionDay: string,
  lines: readonly number[] | undefined,
): FieldIssue[] {
  const firstAt = new Map<string, number>();
  return voters.flatMap((row, i) => {
    const issues: FieldIssue[] = [];
    if (!votesOn(row, electionDay))
      issues.push({
        field: `voters.${i}.birthDate`,
        code: 'VOTER_UNDER_18',
        message: localize('VOTER_UNDER_18'),
      });
    const first = firstAt.get(row.iin);
    if (first === undefined) firstAt.set(row.iin, i);
    else
      issues.push({
        field: `voters.${i}.iin`,
        code: 'DUPLICATE_VOTER',
        message: localize('DUPLICATE_VOTER', repeatDetails(i, first, lines)),
      });
    return issues;
  });
}

/**
 * importVoterRegister: the district's voter list, every row checked before anything is written; it becomes the
 * snapshot the 1% threshold is counted on. Only IINs are kept; the same list imported again is the same snapshot.
 * A new list counts again the signatures already counted on the old one.
 */
export function createHandler(
  deps: Pick<
    Dependencies,
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger'
  >,
) {
  return async (request: OperationRequest) => {
    const electionId = pathParam(request, 'electionId');
    const election = await deps.elections.get(electionId);
    requireCommissionOf(request.caller, election.district);
    const { source, voters } = parseOrThrow(ImportVoterRegisterSchema, request.body);
    const issues = listIssues(voters, election.electionDay, request.rowLines);
    if (issues.length > 0) throw new ValidationError(issues);

    const manifest = await deps.voters.saveSnapshot(
      electionId,
      voters.map((row) => row.iin),
    );
    const now = deps.clock.now();
    const snapshot = { snapshotId: manifest.snapshotId, voters: manifest.voters, importedAt: now, source };
    const updated = await deps.elections.update(electionId, (current) =>
      withVoterRegister(current, snapshot, now),
    );
    deps.logger.info('voter register imported', {
      electionId,
      snapshotId: manifest.snapshotId,
      voters: manifest.voters,
    });
    // Signatures counted on another list are counted again on the one in force (a repeated import finishes a
    // cut run); that is this one unless another import has replaced it meanwhile.
    await recountSignatures(deps, electionId);
    return { electionId, voterRegister: updated.voterRegister };
  };
}
