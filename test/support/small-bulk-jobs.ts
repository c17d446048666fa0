import type * as BulkJob from '../../shared/domain/bulk-job.ts';

/**
 * The bulk-job module with a tenth of the real sizes for sheets of signatures, for in-process tests of the jobs'
 * behaviour (counting, timing, checkpoints), not of their sizes: a job of 201 lines in chunks of 100 takes the same
 * paths as one of 2,001 in chunks of 1,000 with a tenth of the storage requests (each line is a conditional write or
 * two). Registers keep their sizes (a chunk of them is only checked). The end-to-end tests keep the real sizes.
 * In a test file:
 * `vi.mock('../../shared/domain/bulk-job.ts', async (actual) => (await import('../support/small-bulk-jobs.ts')).smallBulkJobs(await actual()))`
 */
export function smallBulkJobs(actual: typeof BulkJob): typeof BulkJob {
  return {
    ...actual,
    SYNCHRONOUS_ROWS: { ...actual.SYNCHRONOUS_ROWS, signatures: 200 },
    CHUNK_ROWS: { ...actual.CHUNK_ROWS, signatures: 100 },
  };
}
