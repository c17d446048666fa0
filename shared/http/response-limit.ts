import type { Language } from '../domain/language.ts';
import { requestError } from './error-response.ts';

/**
 * Lambda's limit on a synchronous answer. It applies to the whole API Gateway proxy result, in which the body
 * travels as an escaped JSON string, so that is what is measured.
 */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

/**
 * The answer, or, when it would not fit Lambda's limit, the error AWS would give in its place (there, the
 * invocation fails and the caller sees a 500). Checked on both infrastructures, so an operation that could
 * answer too much fails on one machine first.
 */
export function withinResponseLimit<A extends { readonly status: number; readonly body: unknown }>(
  answer: A,
  language: Language,
): A | ReturnType<typeof requestError> {
  const bytes = Buffer.byteLength(JSON.stringify(JSON.stringify(answer.body) ?? ''));
  if (bytes <= MAX_RESPONSE_BYTES) return answer;
  return requestError(500, 'RESPONSE_TOO_LARGE', language, { maximumBytes: MAX_RESPONSE_BYTES });
}
