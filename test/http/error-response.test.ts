import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { localize } from '../../shared/domain/error-catalogue.ts';
import { NominationClosedError } from '../../shared/domain/errors.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';
import { errorResponse } from '../../shared/http/error-response.ts';

/** What a refused parse answers a caller reading `language`. */
function refusalOf(schema: z.ZodType, input: unknown, language: 'kk' | 'ru' | 'en') {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    return errorResponse(error, language);
  }
  throw new Error('expected a refusal');
}

// Errors and field issues carry codes and details only; the answer is where they are put in words.
describe('an error answer, worded at the edge', () => {
  it('words a rule of the law in the caller’s language, while the error itself holds only its code', () => {
    const error = new NominationClosedError('2026-02-17T13:00:00.000Z', 'Asia/Almaty');
    expect(error.message).toBe('NOMINATION_CLOSED');
    const answer = errorResponse(error, 'ru');
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toBe(
      'Выдвижение кандидатов завершилось 17 февраля 2026 г. в 18:00 по местному времени.',
    );
    expect(errorResponse(error, 'kk').body.error.message).toBe(
      localize('NOMINATION_CLOSED', error.details).kk,
    );
  });

  it('words every field issue with its details, in each language', () => {
    const schema = z.strictObject({ name: z.string().max(3) });
    for (const language of ['kk', 'ru', 'en'] as const) {
      const answer = refusalOf(schema, { name: 'abcdef', extra: 1 }, language);
      expect(answer.body.error.issues).toEqual([
        {
          field: 'name',
          code: 'TOO_BIG',
          message: localize('TOO_BIG', { maximum: 3, origin: 'string', inclusive: true })[language],
        },
        {
          field: 'extra',
          code: 'UNKNOWN_FIELD',
          message: localize('UNKNOWN_FIELD', { keys: 'extra' })[language],
        },
      ]);
    }
  });

  it('answers a refinement’s code that the catalogue does not know as a format problem, never a fault', () => {
    const schema = z.string().refine(() => false, { params: { code: 'NO_SUCH_CODE_ANYWHERE' } });
    const answer = refusalOf(schema, 'x', 'en');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual([
      { field: '(body)', code: 'INVALID_FORMAT', message: localize('INVALID_FORMAT').en },
    ]);
  });
});
