import { keepIssues } from '../../shared/domain/bulk-job.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import {
  checkRegisterRows,
  inRowOrder,
  type ListedVoter,
  packedList,
} from '../../shared/domain/register-rows.ts';
import { toFieldIssues } from '../../shared/domain/validation.ts';
import { ImportVoterRegisterEnvelopeSchema } from '../import-voter-register.ts';
import { putRegisterInForce } from '../support/register-import.ts';
import { keepChunks, readChunk, readJobFile } from './job-file.ts';
import { issueOfRule, type JobWork, refused } from './job-work.ts';

/**
 * A voter register as a job: the file read and cut into chunks; each chunk's rows checked (schema, age on
 * election day); then, only if no row failed, the list checked for repeated voters and put in force. A list with
 * any bad row is refused whole, each bad row named by its line, as a request's list is.
 */
export const registerJob: JobWork = {
  async prepare(deps, job) {
    const read = await readJobFile(deps, job);
    if (!read.ok) return refused(job, read.issues);
    const envelope = ImportVoterRegisterEnvelopeSchema.safeParse({
      source: job.source ?? 'upload',
      ...read.body,
    });
    if (!envelope.success) return refused(job, toFieldIssues(envelope.error, read.body));
    const chunks = await keepChunks(deps, job, read.rows, read.lines);
    return { ...job, state: 'running', rowsTotal: read.rows.length, chunks, source: envelope.data.source };
  },

  async chunk(deps, job) {
    const election = await deps.elections.get(job.electionId);
    const chunk = await readChunk(deps, job, job.nextChunk);
    const lines = chunk.lines === undefined ? undefined : sparseLines(chunk.from, chunk.lines);
    const { issues } = checkRegisterRows(chunk.rows, chunk.from, election.electionDay, lines);
    return {
      ...job,
      nextChunk: job.nextChunk + 1,
      rowsDone: job.rowsDone + chunk.rows.length,
      errorsSoFar: job.errorsSoFar + issues.length,
      issues: keepIssues(job.issues, issues),
    };
  },

  async finish(deps, job) {
    const election = await deps.elections.get(job.electionId);
    const voters: ListedVoter[] = [];
    const lines: number[] = [];
    for (let n = 0; n < (job.chunks ?? 0); n += 1) {
      const chunk = await readChunk(deps, job, n);
      voters.push(...checkRegisterRows(chunk.rows, chunk.from, election.electionDay, undefined).voters);
      chunk.lines?.forEach((line, i) => {
        lines[chunk.from + i] = line;
      });
    }
    // Repeated voters are found over the whole list, and named with the rows' own faults, in row order.
    const { packed, repeated } = packedList(voters, lines.length === 0 ? undefined : lines);
    if (job.errorsSoFar > 0 || repeated.length > 0) {
      return {
        ...job,
        state: 'refused',
        errorsSoFar: job.errorsSoFar + repeated.length,
        issues: inRowOrder(keepIssues(job.issues, repeated)),
      };
    }
    try {
      const result = await putRegisterInForce(deps, election, { packed, source: job.source ?? 'upload' });
      return { ...job, state: 'succeeded', result };
    } catch (error) {
      // A rule of the law (the register comes after the close) refuses the list; a fault is retried.
      if (error instanceof DomainError && error.kind === 'rule') return refused(job, [issueOfRule(error)]);
      throw error;
    }
  },
};

/** Lines of a chunk's rows, indexed as the whole list is (row `from + i` at index `from + i`). */
function sparseLines(from: number, lines: readonly number[]): number[] {
  const all: number[] = [];
  lines.forEach((line, i) => {
    all[from + i] = line;
  });
  return all;
}
