import type * as z from 'zod';
import { keyAttributes } from './table.ts';

/** Attributes storage keeps on an item for itself: a write's mark, a case's trail head. */
const storageOwned: readonly string[] = ['writeId', 'trailHead'];

function dataOf(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !keyAttributes.includes(name) && !storageOwned.includes(name)),
  );
}

/** Reads a stored item back into its domain type: key attributes and the write mark dropped, the rest checked by the schema. */
export function fromItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> {
  return schema.parse(dataOf(item));
}

/** A stored item its schema refuses: where it is, and which fields are wrong (names only, never values). */
export interface UnreadableItem {
  readonly sk: string;
  readonly fields: readonly string[];
}

/** Reads an item like `fromItem`, or says why it cannot be read. */
export function readItem<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown>,
): { ok: true; value: z.output<S> } | { ok: false; unreadable: UnreadableItem } {
  const parsed = schema.safeParse(dataOf(item));
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(item)'))];
  return { ok: false, unreadable: { sk: String(item.sk ?? ''), fields: fields.slice(0, 20) } };
}

/** DynamoDB refused a write because its condition did not hold: the signal of every lost race. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
