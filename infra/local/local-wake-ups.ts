import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Instant } from '../../shared/domain/local-date.ts';
import type { WakeUps } from '../../shared/ports/wake-ups.ts';
import type { Workflows } from '../../shared/ports/workflows.ts';
import { deleteAll } from '../../shared/storage/batch.ts';
import { putIfAbsent } from '../../shared/storage/conditional-put.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { keys } from '../../shared/storage/keys.ts';

export type DueWakeUp = z.infer<typeof WakeUpItemSchema>;

const WakeUpItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  at: z.string(),
  taskToken: z.string(),
  output: z.record(z.string(), z.unknown()),
});

/**
 * The local stand-in for EventBridge Scheduler: a wake-up is an item in the table, so it survives a restart,
 * and the engine's clock fires those that are due. Firing a token nobody waits on any more is harmless.
 */
export class LocalWakeUps implements WakeUps {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  async wakeAt(at: Instant, taskToken: string, output: Record<string, unknown>): Promise<void> {
    await putIfAbsent(this.#table, { ...keys.wakeUp(at, randomUUID()), at, taskToken, output });
  }

  /** The earliest wake-up still pending, if any. */
  async next(): Promise<Instant | null> {
    const [first] = await this.#due(null, 1);
    return first?.at ?? null;
  }

  /** The wake-ups due at `now`, earliest first (a page of them: fire them and ask again). */
  due(now: Instant): Promise<DueWakeUp[]> {
    return this.#due(now);
  }

  /**
   * Signals these wake-ups, then forgets them (BatchWriteItem, 25 a request). A crash between the two fires them
   * again after the restart: signalling a token nobody waits on any more is harmless.
   */
  async fire(wakeUps: readonly DueWakeUp[], workflows: Workflows): Promise<void> {
    for (const wakeUp of wakeUps) await workflows.sendTaskSuccess(wakeUp.taskToken, wakeUp.output);
    await deleteAll(
      this.#table,
      wakeUps.map(({ pk, sk }) => ({ pk, sk })),
    );
  }

  async #due(now: Instant | null, limit?: number) {
    const until = keys.wakeUpsUntil(now ?? '9999');
    const page = await this.#table.db.send(
      new QueryCommand({
        TableName: this.#table.name,
        KeyConditionExpression: 'pk = :pk AND sk <= :until',
        ExpressionAttributeValues: { ':pk': until.pk, ':until': until.skBefore },
        ConsistentRead: true,
        ...(limit === undefined ? {} : { Limit: limit }),
      }),
    );
    return (page.Items ?? []).map((item) => WakeUpItemSchema.parse(item));
  }
}
