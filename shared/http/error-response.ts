import { type ErrorCode, localize } from '../domain/error-catalogue.ts';
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
      readonly issues?: readonly { field: string; code: ErrorCode; message: string }[];
    };
  };
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
  if (!(error instanceof DomainError)) return requestError(500, 'INTERNAL', language);
  const issues =
    error instanceof ValidationError
      ? error.issues.map((issue) => ({
          field: issue.field,
          code: issue.code,
          message: issue.message[language],
        }))
      : undefined;
  return {
    status: statusOfKind[error.kind],
    body: {
      error: {
        code: error.code,
        message: error.messageIn(language),
        details: error.details,
        ...(issues === undefined ? {} : { issues }),
      },
    },
  };
}
