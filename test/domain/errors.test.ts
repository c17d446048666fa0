import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { type ErrorCode, errorCatalogue, localize, messageOf } from '../../shared/domain/error-catalogue.ts';
import {
  DeadlinePassedError,
  NominationClosedError,
  RegistrationBlockedError,
  ValidationError,
} from '../../shared/domain/errors.ts';
import { negotiateLanguage } from '../../shared/domain/language.ts';
import { parseOrThrow } from '../../shared/domain/validation.ts';

describe('errors and their messages', () => {
  it('has a distinct, non-empty message in kk, ru and en for every code', () => {
    for (const code of Object.keys(errorCatalogue) as ErrorCode[]) {
      const text = localize(code, { closedAt: 'T', caseId: 'c', limit: 1 });
      expect(new Set([text.kk, text.ru, text.en]).size, code).toBe(3);
      expect(text.kk).toMatch(/[әғқңөұүһіА-я]/);
    }
  });

  it('keeps a stable name for the ASL and a code for clients, and speaks each language', () => {
    const error = new NominationClosedError('2026-02-17T13:00:00.000Z', 'Asia/Almaty');
    expect(error.name).toBe('NominationClosedError');
    expect(error.code).toBe('NOMINATION_CLOSED');
    // The instant stays in the details for programs; people read the election's local time.
    expect(error.details).toEqual({ closedAt: '2026-02-17T13:00:00.000Z', timeZone: 'Asia/Almaty' });
    expect(messageOf(error).ru).toBe(
      'Выдвижение кандидатов завершилось 17 февраля 2026 г. в 18:00 по местному времени.',
    );
    expect(messageOf(error).kk).toContain('2026 жылғы 17 ақпанда сағат 18:00-де (жергілікті уақыт)');
    // The error carries no words (the edge renders them): its message, for logs, is its code.
    expect(error.message).toBe('NOMINATION_CLOSED');
  });

  it('names the step and the deadline of DEADLINE_PASSED in fields of their own', () => {
    const error = new DeadlinePassedError('signatures', '2026-02-17T13:00:00.000Z', 'Asia/Almaty');
    expect(error.details).toEqual({
      step: 'signatures',
      deadline: '2026-02-17T13:00:00.000Z',
      timeZone: 'Asia/Almaty',
    });
    expect(messageOf(error).ru).toBe(
      'Срок шага «представление подписных листов» истёк 17 февраля 2026 г. в 18:00 по местному времени.',
    );
  });

  it('gives REGISTRATION_BLOCKED the findings’ codes and grounds as data, and their texts in the message', () => {
    const error = new RegistrationBlockedError([
      { code: 'NOT_A_CITIZEN', ground: 'CLE 113-2', details: {} },
      { code: 'SPECIAL_CHECK_FAILED', ground: 'Civil Service Law 19 p.1', details: {} },
    ]);
    expect(error.details).toEqual({
      findings: [
        { code: 'NOT_A_CITIZEN', ground: 'CLE 113-2', details: {} },
        { code: 'SPECIAL_CHECK_FAILED', ground: 'Civil Service Law 19 p.1', details: {} },
      ],
    });
    const ru = messageOf(error).ru;
    expect(ru).toContain(
      '1) Кандидат не является гражданином Республики Казахстан (правовое основание: статья 113-2',
    );
    expect(ru).toContain('2) Специальная проверка');
    expect(ru).not.toMatch(/[A-Z]{3,}/);
  });

  it('lists every invalid field of a request at once', () => {
    const schema = z.strictObject({ a: z.int().min(1), b: z.string(), c: z.enum(['x', 'y']) });
    const call = () => parseOrThrow(schema, { a: 0, c: 'z', d: true });
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      expect(error.issues.map((i) => [i.field, i.code])).toEqual([
        ['a', 'TOO_SMALL'],
        ['b', 'REQUIRED'],
        ['c', 'INVALID_VALUE'],
        ['d', 'UNKNOWN_FIELD'],
      ]);
    }
  });

  it('picks the caller’s language from Accept-Language, Kazakh by default', () => {
    expect(negotiateLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(negotiateLanguage('de, en;q=0.5')).toBe('en');
    expect(negotiateLanguage('kk;q=0.2, ru;q=0.8')).toBe('ru');
    expect(negotiateLanguage(undefined)).toBe('kk');
    expect(negotiateLanguage('fr')).toBe('kk');
  });
});
