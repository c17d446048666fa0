import { type ErrorCode, issueInWords, localize } from '../domain/error-catalogue.ts';
import { DomainError, type ErrorKind, ValidationError } from '../domain/errors.ts';
import type { Language } from '../domain/language.ts';

const statusOfKind: Readonly<Record<ErrorKind, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

export interface ErrorResponse {
  readonly status: number;
  readonly body: {
    readonly error: {
      readonly code: ErrorCode;
      readonly message: string;
      readonly details?: Readonly<Record<string, unknown>>;
      readonly issues?: readonly { field: string; code: ErrorCode; message: string; line?: number }[];
    };
  };
}

/** At most this many field issues in one answer: enough to fix a form, small enough for any body. */
export const MAX_ISSUES = 100;
/** Longest text quoted back from a request (a field name, an unknown key): a bad request is not echoed whole. */
const MAX_QUOTED_CHARS = 200;

function quoted(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** A detail bounded like the rest of an error: long texts cut, long lists shortened. */
function bounded(value: unknown): unknown {
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) return value.slice(0, MAX_ISSUES).map(bounded);
  if (typeof value === 'object' && value !== null) return boundedDetails(value);
  return value;
}

function boundedDetails(details: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, bounded(value)]));
}

/** An error the request itself caused, at the HTTP layer (bad JSON, too large, no such route). */
export function requestError(
  status: number,
  code: ErrorCode,
  language: Language,
  details: Record<string, unknown> = {},
): ErrorResponse {
  return { status, body: { error: { code, message: localize(code, details)[language], details } } };
}

/**
 * The response for an error: a domain error becomes its status with code, message in the caller's language,
 * details and field issues; anything else is a 500 that says nothing about the inside.
 */
export function errorResponse(error: unknown, language: Language): ErrorResponse {
  const name = error instanceof Error ? error.name : '';
  // Idempotency (Powertools) and body formats: the request's own doing, not a fault.
  if (name === 'IdempotencyValidationError') return requestError(422, 'IDEMPOTENCY_KEY_REUSED', language);
  if (name === 'IdempotencyAlreadyInProgressError') return requestError(409, 'REQUEST_IN_PROGRESS', language);
  if (name === 'UnsupportedMediaTypeError') return requestError(415, 'UNSUPPORTED_MEDIA_TYPE', language);
  // The account directory (Cognito) still throttling after the client's retries: try again shortly.
  if (name === 'AccountDirectoryBusyError') return requestError(429, 'ACCOUNT_DIRECTORY_BUSY', language);
  if (!(error instanceof DomainError)) return requestError(500, 'INTERNAL', language);
  const issues =
    error instanceof ValidationError
      ? error.issues.slice(0, MAX_ISSUES).map((issue) => {
          const { code, message } = issueInWords(issue);
          return {
            field: quoted(issue.field),
            code,
            message: quoted(message[language]),
            ...(issue.line === undefined ? {} : { line: issue.line }),
          };
        })
      : undefined;
  const details = boundedDetails(error.details);
  return {
    status: statusOfKind[error.kind],
    body: {
      error: {
        code: error.code,
        message: localize(error.code, details)[language],
        details:
          error instanceof ValidationError && error.issues.length > MAX_ISSUES
            ? { ...details, issuesTotal: error.issues.length, issuesShown: MAX_ISSUES }
            : details,
        ...(issues === undefined ? {} : { issues }),
      },
    },
  };
}
