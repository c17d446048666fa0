import type { z } from 'zod';
import { type ErrorCode, isErrorCode, localize } from './error-catalogue.ts';
import { type FieldIssue, ValidationError } from './errors.ts';

/**
 * Turns zod's issues into the product's field issues: one per problem, a dotted path, a stable code
 * and kk/ru/en text. Custom refinements carry their code in `params.code` (see `refineWith`).
 */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldIssue([...at, key], 'UNKNOWN_FIELD', { keys: key }));
    }
    // Whatever the field should have been, a field that is not there at all is simply required.
    if (
      input !== undefined &&
      issue.code !== 'custom' &&
      at.length > 0 &&
      valueAt(input, issue.path) === undefined
    ) {
      return [fieldIssue(at, 'REQUIRED', {})];
    }
    const [code, details] = classify(issue);
    return [fieldIssue(at, code, details)];
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Parses `input` or throws a ValidationError listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(toFieldIssues(result.error, input));
  return result.data;
}

/** The params a refinement attaches so that `toFieldIssues` can name the rule it broke. */
export function issueParams(code: ErrorCode, details: Record<string, unknown> = {}) {
  return { params: { code, details } };
}

function fieldIssue(path: readonly string[], code: ErrorCode, details: Record<string, unknown>): FieldIssue {
  return { field: path.join('.') || '(body)', code, message: localize(code, details) };
}

function classify(issue: z.core.$ZodIssue): [ErrorCode, Record<string, unknown>] {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? ['REQUIRED', {}] : ['INVALID_TYPE', { expected: issue.expected }];
    case 'too_small':
      return ['TOO_SMALL', { minimum: issue.minimum }];
    case 'too_big':
      return ['TOO_BIG', { maximum: issue.maximum }];
    case 'invalid_format':
      return issue.format === 'date' ? ['DATE_INVALID', {}] : ['INVALID_FORMAT', { format: issue.format }];
    case 'invalid_value':
      return ['INVALID_VALUE', { allowed: issue.values.map(String) }];
    case 'invalid_union':
      return ['INVALID_VALUE', { allowed: 'see the API description' }];
    case 'custom': {
      const code: unknown = issue.params?.code;
      const details: unknown = issue.params?.details;
      if (isErrorCode(code)) return [code, isRecord(details) ? details : {}];
      return ['INVALID_FORMAT', { format: issue.message }];
    }
    default:
      return ['INVALID_FORMAT', { format: issue.code }];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
