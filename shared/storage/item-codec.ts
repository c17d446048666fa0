import type { z } from 'zod';
import { keyAttributes } from './table.ts';

/** Reads a stored item back into its domain type: key attributes and the write mark dropped, the rest checked by the schema. */
export function fromItem<S extends z.ZodType>(schema: S, item: Record<string, unknown>): z.output<S> {
  const data = Object.fromEntries(
    Object.entries(item).filter(([name]) => !keyAttributes.includes(name) && name !== 'writeId'),
  );
  return schema.parse(data);
}

/** DynamoDB refused a write because its condition did not hold: the signal of every lost race. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
