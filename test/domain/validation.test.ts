import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CandidateSchema } from '../../shared/domain/eligibility.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { parseOrThrow, toFieldIssues } from '../../shared/domain/validation.ts';
import { aCandidate } from '../support/candidates.ts';
import { messageProblems } from '../support/message-language.ts';

function issuesOf(schema: z.ZodType, input: unknown) {
  try {
    parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('parsed');
}

describe('field issues from zod 4', () => {
  it('reports a wrong type as a wrong type, not as a missing field ("citizen": "yes")', () => {
    const [issue] = issuesOf(CandidateSchema, { ...aCandidate(), citizen: 'yes' });
    expect(issue?.field).toBe('citizen');
    expect(issue?.code).toBe('INVALID_TYPE');
    expect((issue && issueInWords(issue))?.message.ru).toBe(
      'Неверный тип значения; ожидается: «true» или «false».',
    );
  });

  it('reports a field that is not there as required', () => {
    const { citizen: _, ...withoutCitizen } = aCandidate();
    expect(issuesOf(CandidateSchema, withoutCitizen).map((i) => [i.field, i.code])).toEqual([
      ['citizen', 'REQUIRED'],
    ]);
  });

  it('never calls a present value of the wrong type "required", whatever the value', () => {
    const schema = z.strictObject({ flag: z.boolean() });
    fc.assert(
      fc.property(
        fc.jsonValue().filter((v) => typeof v !== 'boolean'),
        (value) => {
          const issues = issuesOf(schema, { flag: value });
          expect(issues.map((i) => i.code)).toEqual(['INVALID_TYPE']);
        },
      ),
    );
  });

  it('tells without the input, from zod alone, a missing field from a wrong one', () => {
    const schema = z.strictObject({ a: z.string(), b: z.number() });
    const result = schema.safeParse({ b: 'x' });
    if (result.success) throw new Error('parsed');
    expect(toFieldIssues(result.error).map((i) => [i.field, i.code])).toEqual([
      ['a', 'REQUIRED'],
      ['b', 'INVALID_TYPE'],
    ]);
  });

  it('lists the values a discriminated union takes, and says nothing in English for a plain union', () => {
    const schema = z.strictObject({
      route: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('party') }),
        z.object({ kind: z.literal('self') }),
      ]),
      either: z.union([z.string(), z.number()]),
    });
    const issues = issuesOf(schema, { route: { kind: 'nobody' }, either: true });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['route.kind', 'INVALID_VALUE'],
      ['either', 'INVALID_VALUE'],
    ]);
    expect((issues[0] && issueInWords(issues[0]))?.message.kk).toBe(
      'Рұқсат етілмеген мән. Рұқсат етілгендері: «party», «self».',
    );
    expect((issues[1] && issueInWords(issues[1]))?.message.ru).toBe('Недопустимое значение.');
  });

  it('says a length bound of text, of a list and of a number each as what it is', () => {
    const schema = z.strictObject({
      name: z.string().min(2),
      docs: z.array(z.string()).max(1),
      share: z.number().gt(0),
    });
    const issues = issuesOf(schema, { name: 'a', docs: ['x', 'y'], share: 0 });
    expect(issues.map((i) => issueInWords(i).message.ru)).toEqual([
      'Слишком короткий текст: нужно не менее 2 символов.',
      'В списке может быть не более 1 записи.',
      'Значение слишком мало: должно быть больше 0.',
    ]);
    for (const issue of issues) expect(messageProblems(issueInWords(issue).message)).toEqual([]);
  });

  it('keeps zod’s English out of a refinement that names no code of its own', () => {
    const schema = z.strictObject({ x: z.string().refine((v) => v === 'ok', 'must be ok') });
    const [issue] = issuesOf(schema, { x: 'no' });
    expect(issue?.code).toBe('INVALID_FORMAT');
    expect((issue && issueInWords(issue))?.message).toEqual({
      kk: 'Пішімі қате.',
      ru: 'Неверный формат.',
      en: 'Invalid format.',
    });
  });
});
