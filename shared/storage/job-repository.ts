import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { isActive, type Job, JobSchema } from '../domain/bulk-job.ts';
import { NotFoundError } from '../domain/errors.ts';
import { putIfAbsent, putIfVersion } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { fromItem } from './item-codec.ts';
import { keys } from './keys.ts';
import { queryAll, type ReadConsistency } from './query-all.ts';

/** A job as stored: its version, which every write raises, makes each checkpoint a conditional write. */
const StoredJobSchema = JobSchema.extend({ version: z.int().min(1) });
export type StoredJob = z.infer<typeof StoredJobSchema>;

/**
 * Bulk jobs, one item each under their election (`JOBS#<electionId>` / `JOB#<jobId>`), so that a close can ask
 * which of the election's jobs still run with one query. A job item is its checkpoint: every step reads it,
 * does the work it names, and records what it did on condition that nobody recorded anything since.
 */
export class JobRepository {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Creates the job unless one of its id exists; either way the job under that id, and whether this call made it. */
  async create(job: Job): Promise<{ job: StoredJob; created: boolean }> {
    const stored: StoredJob = { ...job, version: 1 };
    const item = { ...keys.job(job.electionId, job.jobId), ...StoredJobSchema.parse(stored) };
    if (await putIfAbsent(this.#table, item)) return { job: stored, created: true };
    return { job: await this.get(job.electionId, job.jobId), created: false };
  }

  async find(electionId: string, jobId: string): Promise<StoredJob | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({ TableName: this.#table.name, Key: keys.job(electionId, jobId), ConsistentRead: true }),
    );
    return Item === undefined ? null : fromItem(StoredJobSchema, Item);
  }

  async get(electionId: string, jobId: string): Promise<StoredJob> {
    const job = await this.find(electionId, jobId);
    if (job === null) throw new NotFoundError('job');
    return job;
  }

  /** Records `next` over `seen`; false when another step recorded something first (then read it again). */
  async record(seen: StoredJob, next: Job): Promise<StoredJob | null> {
    const stored: StoredJob = { ...next, version: seen.version + 1 };
    const item = { ...keys.job(next.electionId, next.jobId), ...StoredJobSchema.parse(stored) };
    return (await putIfVersion(this.#table, item, seen.version)) ? stored : null;
  }

  /** Every job of the election, done or not (a few per case at most: small items). */
  async ofElection(electionId: string, consistency: ReadConsistency = {}): Promise<StoredJob[]> {
    const { pk, skPrefix } = keys.jobsOf(electionId);
    return queryAll(this.#table, StoredJobSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: consistency.consistent ?? true,
    });
  }

  /** The election's jobs with work left. */
  async activeOf(electionId: string, consistency: ReadConsistency = {}): Promise<StoredJob[]> {
    return (await this.ofElection(electionId, consistency)).filter(isActive);
  }
}
