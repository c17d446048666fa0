import type * as z from 'zod';
import type { ErrorCode } from './error-catalogue.ts';
import { type FieldIssue, ValidationError } from './errors.ts';

/**
 * Turns zod's issues into the product's field issues: one per problem, a dotted path, a stable code and the
 * details its kk/ru/en text quotes. Custom refinements carry their code in `params.code` (see `issueParams`).
 */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldIssue([...at, key], 'UNKNOWN_FIELD', { keys: key }));
    }
    // Whatever the field should have been, a field that is not there at all is simply required.
    if (issue.code !== 'custom' && at.length > 0 && isMissing(issue, input)) {
      return [fieldIssue(at, 'REQUIRED', {})];
    }
    const [code, details] = classify(issue);
    return [fieldIssue(at, code, details)];
  });
}

/**
 * Whether the value at the issue's path is absent. Zod 4 does not put the value on the issue (`issue.input` is
 * empty unless asked for), so the input itself is looked at; without it, only zod's own words can tell, and a
 * wrong value must never be reported as a missing one.
 */
function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (input !== undefined) return valueAt(input, issue.path) === undefined;
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
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
  return { field: path.join('.') || '(body)', code, details };
}

function classify(issue: z.core.$ZodIssue): [ErrorCode, Record<string, unknown>] {
  switch (issue.code) {
    case 'invalid_type':
      return ['INVALID_TYPE', { expected: issue.expected }];
    case 'too_small':
      return [
        'TOO_SMALL',
        { minimum: issue.minimum, origin: issue.origin, inclusive: issue.inclusive ?? true },
      ];
    case 'too_big':
      return [
        'TOO_BIG',
        { maximum: issue.maximum, origin: issue.origin, inclusive: issue.inclusive ?? true },
      ];
    case 'invalid_format':
      return issue.format === 'date' ? ['DATE_INVALID', {}] : ['INVALID_FORMAT', { format: issue.format }];
    case 'invalid_value':
      return ['INVALID_VALUE', { allowed: issue.values.map(String) }];
    case 'invalid_union':
      // A discriminated union names the values its key takes; a plain union has no list worth quoting.
      return [
        'INVALID_VALUE',
        'options' in issue && issue.options ? { allowed: issue.options.map(String) } : {},
      ];
    case 'custom': {
      const code: unknown = issue.params?.code;
      const details: unknown = issue.params?.details;
      if (isProductCode(code)) return [code, isRecord(details) ? details : {}];
      // zod's own words are English: the code says what kind of problem it is, the message stays in each language.
      return ['INVALID_FORMAT', {}];
    }
    default:
      return ['INVALID_FORMAT', {}];
  }
}

/**
 * A code a refinement of the product attached (`issueParams`, typed there): checked by its form only, so that
 * validation does not carry the catalogue; the edge answers a code the catalogue does not know as INVALID_FORMAT.
 */
function isProductCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
