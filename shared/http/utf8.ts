import { ValidationError } from '../domain/errors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a body's bytes; bytes that are not UTF-8 are refused, never stored as replacement characters. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ValidationError([{ field: '(body)', code: 'INVALID_ENCODING' }]);
  }
}
