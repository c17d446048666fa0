import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { RecordUnreadableError } from '../domain/errors.ts';
import {
  BYTES_PER_IIN,
  chunksOf,
  RegisterMembership,
  registerDigest,
  snapshotIdOf,
} from '../domain/register-snapshot.ts';
import { putIfAbsent } from './conditional-put.ts';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-all.ts';

/** A chunk's bytes stay well under DynamoDB's 400 KB item limit: 60,000 IINs a chunk. */
const CHUNK_BYTES = 300_000;
/** Longer than any import runs: chunks older than this without their manifest belong to an abandoned import. */
const ABANDONED_AFTER_MS = 15 * 60_000;
/** Registers kept in memory per process (a national cycle's 3.8 M voters take 19 MB). */
const CACHE_BYTES = 64 * 1024 * 1024;

/**
 * What names a stored snapshot: written last, so a snapshot without it does not exist. `chunks` 0: the
 * snapshot's bytes are in the manifest itself.
 */
const ManifestSchema = z.object({
  snapshotId: z.string(),
  digest: z.string(),
  voters: z.int().min(0),
  chunks: z.int().min(0),
});
export type RegisterManifest = z.infer<typeof ManifestSchema>;
const StoredManifestSchema = ManifestSchema.extend({ bytes: z.instanceof(Uint8Array).optional() });

const ChunkSchema = z.object({ bytes: z.instanceof(Uint8Array) });
const ChunkAgeSchema = z.object({ snapshotId: z.string(), n: z.int(), writtenAt: z.string() });

/** Snapshots never change, so one read per process serves every later check; the oldest go past the budget. */
const cache = new Map<string, RegisterMembership>();
let cachedBytes = 0;

function remember(key: string, membership: RegisterMembership): void {
  cache.set(key, membership);
  cachedBytes += membership.size * BYTES_PER_IIN;
  for (const [oldest, dropped] of cache) {
    if (cachedBytes <= CACHE_BYTES || oldest === key) break;
    cache.delete(oldest);
    cachedBytes -= dropped.size * BYTES_PER_IIN;
  }
}

/**
 * Voter registers as immutable snapshots: the packed IINs in a few chunk items, then a manifest naming them
 * (count, digest, chunks). The snapshot id comes from the content, so the same list imported again is the same
 * snapshot, and its chunks are rewritten with the same bytes. A register is read once per process and checked
 * in memory.
 */
export class VoterRegisterRepository {
  readonly #table: Table;
  readonly #now: () => string;

  constructor(table: Table, now: () => string = () => new Date().toISOString()) {
    this.#table = table;
    this.#now = now;
  }

  /**
   * Stores the packed IINs (packIins) as a snapshot (or finds it already stored) and answers its manifest. A register that fits
   * in one chunk, as every rural district's does, is one item: the manifest holding the bytes, written at once,
   * so that nothing of it can be left without its manifest. A larger one (an upload, run as a job) is its chunks,
   * then the manifest naming them; chunks an earlier such import left without their manifest are removed.
   */
  async saveSnapshot(electionId: string, packed: Buffer): Promise<RegisterManifest> {
    const digest = registerDigest(packed);
    const snapshotId = snapshotIdOf(digest);
    const chunks = chunksOf(packed, CHUNK_BYTES);
    const voters = packed.length / BYTES_PER_IIN;
    const manifestKey = keys.registerManifest(electionId, snapshotId);
    if (chunks.length <= 1) {
      const manifest: RegisterManifest = { snapshotId, digest, voters, chunks: 0 };
      // The same content makes the same item: one already there is this one.
      await putIfAbsent(this.#table, { ...manifestKey, ...manifest, bytes: packed });
      return manifest;
    }
    const writtenAt = this.#now();
    await Promise.all(
      chunks.map((bytes, n) =>
        this.#table.db.send(
          new PutCommand({
            TableName: this.#table.name,
            Item: { ...keys.registerChunk(electionId, snapshotId, n), snapshotId, n, bytes, writtenAt },
          }),
        ),
      ),
    );
    const manifest: RegisterManifest = { snapshotId, digest, voters, chunks: chunks.length };
    await putIfAbsent(this.#table, { ...manifestKey, ...manifest });
    await this.#removeAbandonedChunks(electionId, Date.parse(writtenAt));
    return manifest;
  }

  /** The snapshot's voters, to check membership in memory; read from storage once per process. */
  async membership(electionId: string, snapshotId: string): Promise<RegisterMembership> {
    const cacheKey = `${electionId}#${snapshotId}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const manifest = await this.#manifest(electionId, snapshotId);
    if (manifest === null) throw new RecordUnreadableError('voter-register', snapshotId, ['manifest']);
    const chunks =
      manifest.chunks === 0
        ? [manifest.bytes ?? null]
        : await Promise.all(
            Array.from({ length: manifest.chunks }, async (_, n) => {
              const { Item } = await this.#table.db.send(
                new GetCommand({
                  TableName: this.#table.name,
                  Key: keys.registerChunk(electionId, snapshotId, n),
                  ConsistentRead: true,
                }),
              );
              return Item === undefined ? null : ChunkSchema.parse(Item).bytes;
            }),
          );
    const packed = Buffer.concat(chunks.map((c) => c ?? new Uint8Array()));
    const digest = registerDigest(packed);
    // A missing or changed chunk would silently move the threshold and the verdicts: refused instead. The id is
    // checked too, since it is made of the content: a manifest rewritten to match changed chunks does not pass.
    if (chunks.includes(null) || digest !== manifest.digest || snapshotIdOf(digest) !== snapshotId) {
      throw new RecordUnreadableError('voter-register', snapshotId, ['chunks']);
    }
    const membership = new RegisterMembership(packed);
    remember(cacheKey, membership);
    return membership;
  }

  /** Which of `iins` are on the snapshot. */
  async registeredAmong(
    electionId: string,
    snapshotId: string,
    iins: readonly string[],
  ): Promise<Set<string>> {
    const membership = await this.membership(electionId, snapshotId);
    return new Set(iins.filter((iin) => membership.has(iin)));
  }

  async #manifest(
    electionId: string,
    snapshotId: string,
  ): Promise<z.infer<typeof StoredManifestSchema> | null> {
    const { Item } = await this.#table.db.send(
      new GetCommand({
        TableName: this.#table.name,
        Key: keys.registerManifest(electionId, snapshotId),
        ConsistentRead: true,
      }),
    );
    return Item === undefined ? null : StoredManifestSchema.parse(Item);
  }

  /** Chunks of an import that crashed before its manifest and was never repeated: no snapshot names them. */
  async #removeAbandonedChunks(electionId: string, nowMs: number): Promise<void> {
    const { pk, skPrefix } = keys.registerChunksOf(electionId);
    // Ids and ages only: the bytes of every chunk are not needed to tell which are abandoned.
    const stored = await queryAll(this.#table, ChunkAgeSchema, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ProjectionExpression: 'snapshotId, n, writtenAt',
      ConsistentRead: true,
    });
    const named = new Map<string, boolean>();
    for (const { snapshotId, n, writtenAt } of stored) {
      if (nowMs - Date.parse(writtenAt) < ABANDONED_AFTER_MS) continue;
      if (!named.has(snapshotId))
        named.set(snapshotId, (await this.#manifest(electionId, snapshotId)) !== null);
      if (named.get(snapshotId) === true) continue;
      await this.#table.db.send(
        new DeleteCommand({
          TableName: this.#table.name,
          Key: keys.registerChunk(electionId, snapshotId, n),
        }),
      );
    }
  }
}
