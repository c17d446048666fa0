import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitingSteps } from '../../shared/domain/election-calendar.ts';
import {
  type Details,
  type ErrorCode,
  errorCatalogue,
  localize,
} from '../../shared/domain/error-catalogue.ts';
import { type LocalizedText, languages } from '../../shared/domain/language.ts';
import { stepName, termTables } from '../../shared/domain/messages/case-terms.ts';
import { legalGround } from '../../shared/domain/messages/legal-grounds.ts';
import {
  dateInWords,
  kazakhLocativeOfNumber,
  momentInWords,
  russianCount,
  russianDays,
} from '../../shared/domain/messages/wording.ts';
import { decisionSteps } from '../../shared/domain/nomination-case.ts';
import { messageProblems } from '../support/message-language.ts';

const ALMATY = 'Asia/Almaty';
/** The fixture's extended close: 18:00 in Almaty (UTC+5 since 1 March 2024), 13:00 UTC. */
const CLOSE = '2026-02-20T13:00:00.000Z';

/** Details as the code's raisers give them: every code of this catalogue, with the facts its message quotes. */
const representative: Partial<Record<ErrorCode, Details>> = {
  INVALID_TYPE: { expected: 'boolean' },
  TOO_SMALL: { minimum: 1, origin: 'string', inclusive: true },
  TOO_BIG: { maximum: 20, origin: 'array', inclusive: true },
  INVALID_FORMAT: { format: 'datetime' },
  INVALID_VALUE: { allowed: ['party', 'self', 'akimat'] },
  UNKNOWN_FIELD: { keys: 'nickname' },
  KATO_REGION_UNKNOWN: { region: '99' },
  CALENDAR_INCONSISTENT: { reason: 'the election is called after nomination would close' },
  EXTENSION_OVER_LIMIT: { maximum: 5 },
  REFUSAL_GROUND_UNKNOWN: { ground: 'bad-looks' },
  UNDER_MINIMUM_AGE: { minimum: 25, on: '2026-03-15' },
  CONSECUTIVE_TERMS_LIMIT: { maximum: 2 },
  DOCUMENTS_MISSING: { missing: ['service-record', 'spouse-declaration'] },
  EDUCATION_INSUFFICIENT: { minimum: 'higher' },
  DISQUALIFIED: { ground: 'непогашенная судимость' },
  CONSENT_QUORUM_NOT_MET: { attendance: 4, required: 6 },
  CONSENT_MAJORITY_NOT_REACHED: { votesFor: 3, attendance: 8 },
  NOMINATION_NOT_OPEN: { opensAt: '2026-02-05T04:00:00.000Z', timeZone: ALMATY },
  NOMINATION_CLOSED: { closedAt: CLOSE, timeZone: ALMATY },
  ADDITIONAL_CANDIDATE_NOT_ALLOWED: { liveNominations: 3 },
  ADDITIONAL_CANDIDATE_WINDOW_CLOSED: { closedAt: CLOSE, timeZone: ALMATY },
  ADDITIONAL_CANDIDATE_LIMIT_REACHED: { limit: 2 },
  SUBMISSION_LIMIT_REACHED: { limit: 5, on: '2026-02-10' },
  PARTY_NOMINEE_EXISTS: { caseId: 'c-01JABCDEF' },
  ADDITIONAL_CANDIDATE_PENDING: { caseId: 'c-01JABCDEF' },
  CANDIDATE_ALREADY_NOMINATED: { caseId: 'c-01JABCDEF' },
  CONSENT_NOTICE_TOO_SHORT: { minimumDays: 3 },
  INVALID_TRANSITION: { status: 'Registered', event: 'SignaturesVerified' },
  STEP_ALREADY_DECIDED: { step: 'party-confirmation', status: 'CheckingEligibility' },
  CONCURRENT_UPDATE: { version: 7 },
  RECORD_UNREADABLE: { record: 'case', id: 'c-01JABCDEF', fields: ['status', 'filing'] },
  DEADLINE_PASSED: { step: 'party-confirmation', deadline: CLOSE, timeZone: ALMATY },
  REGISTRATION_BLOCKED: {
    findings: [
      {
        code: 'DOCUMENTS_MISSING',
        ground: 'CLE 113-2 (qualification documents)',
        details: { missing: ['application'] },
      },
      { code: 'DISQUALIFIED', ground: 'CLE 4 p.4', details: { ground: 'недееспособность' } },
      { code: 'SPECIAL_CHECK_PENDING', ground: 'Civil Service Law 19 p.1', details: {} },
    ],
  },
  ELECTION_ALREADY_CALLED: { electionId: '195230100-2026-03-15' },
  DUPLICATE_VOTER: { line: 7, firstLine: 3 },
  SIGNATURE_POSITION_REPEATED: { sheet: 2, line: 4, first: 1, again: 9 },
  NESTED_TOO_DEEP: { maximum: 32 },
  PAYLOAD_TOO_LARGE: { maximumBytes: 6_291_456 },
  RESPONSE_TOO_LARGE: { maximumBytes: 6_291_456 },
  SPREADSHEET_TOO_LARGE: { maximumMegabytes: 200, maximumRow: 100_001, maximumColumn: 'AZ' },
  REGISTER_AFTER_CLOSE: { closedAt: CLOSE, timeZone: ALMATY },
  JOBS_RUNNING: { jobs: 2 },
  UPLOAD_NOT_AS_DECLARED: { contentType: 'text/csv', bytes: 1024 },
  NOT_FOUND: { entity: 'election' },
  NOMINATION_EXTENDED: { liveNominations: 1, until: CLOSE, timeZone: ALMATY },
  ADDITIONAL_CANDIDATE_WINDOW_OPEN: {
    liveNominations: 0,
    until: '2026-02-22T13:00:00.000Z',
    timeZone: ALMATY,
  },
  REGISTERED_LIST_PUBLISHED: { registered: 2, unreadableCases: 1 },
  CALENDAR_FAILED: { error: 'States.TaskFailed', cause: 'timeout', at: CLOSE, timeZone: ALMATY },
  ELECTION_DAY_TOO_CLOSE_TO_TERM_END: {
    termEndsOn: '2026-03-24',
    latestElectionDay: '2026-03-14',
    electionDay: '2026-03-15',
  },
  ELECTION_CALLED_LATE_AFTER_EARLY_END: {
    powersEndedOn: '2026-01-10',
    latestCallOn: '2026-02-10',
    calledOn: '2026-02-11',
  },
};

/**
 * Codes other areas add (messages/*.ts spread into the catalogue) get these: the facts such messages quote, by the
 * names the areas use. A new name shows up as a bare value in a message, which the checks below catch.
 */
const common: Details = {
  closedAt: CLOSE,
  opensAt: CLOSE,
  deadline: CLOSE,
  at: CLOSE,
  recordedAt: CLOSE,
  timeZone: ALMATY,
  on: '2026-02-20',
  closedOn: '2026-02-20',
  dueOn: '2026-02-22',
  termEndsOn: '2026-04-01',
  latestCallOn: '2026-02-20',
  registrationClosesOn: '2026-02-22',
  days: 2,
  minimumDays: 3,
  noticeDays: 3,
  maximumExtension: 1,
  minimumWages: 5,
  limit: 3,
  maximum: 5,
  minimum: 1,
  caseId: 'c-01JABCDEF',
  step: 'registration-decision',
  status: 'Registered',
};

function detailsOf(code: ErrorCode): Details {
  return representative[code] ?? common;
}

const allCodes = Object.keys(errorCatalogue) as ErrorCode[];

describe('the message catalogue, every code', () => {
  it.each(allCodes)('%s is whole in kk, ru and en, each in its own language', (code) => {
    const text = localize(code, detailsOf(code));
    expect(messageProblems(text), JSON.stringify(text)).toEqual([]);
  });

  it.each(allCodes)('%s still reads in three languages when its details are missing', (code) => {
    const text = localize(code, {});
    for (const language of languages) expect(text[language].trim().length, language).toBeGreaterThan(0);
  });

  it('has words for every step a deadline or a second decision can name', () => {
    for (const step of [...waitingSteps, ...decisionSteps]) {
      expect(stepName(step).ru, step).not.toMatch(/^«/);
    }
  });

  it('knows every term it puts in a sentence in all three languages', () => {
    for (const [table, terms] of Object.entries(termTables)) {
      for (const [name, text] of Object.entries(terms)) {
        expect(messageProblems(text), `${table}.${name}: ${JSON.stringify(text)}`).toEqual([]);
      }
    }
  });
});

describe('what the checks catch (each fails on the wrongs the issue found)', () => {
  const whole: LocalizedText = {
    kk: 'Кандидат тіркелді.',
    ru: 'Кандидат зарегистрирован.',
    en: 'Registered.',
  };
  it.each([
    [
      'English inside Russian',
      { ...whole, ru: 'Недопустимое значение. Допустимые: see the API description.' },
    ],
    ['an API name inside Kazakh', { ...whole, kk: 'Табылмады: election.' }],
    [
      'a finding code inside a sentence',
      { ...whole, ru: 'Кандидата нельзя зарегистрировать: DOCUMENTS_MISSING.' },
    ],
    ['a raw UTC instant', { ...whole, kk: 'Мерзімі 2026-02-20T13:00:00.000Z өтті.' }],
    ['a back vowel after ЖСН', { ...whole, kk: 'ЖСН-дағы туған күн нақты күн емес.' }],
    ['a language missing', { ...whole, ru: '' }],
    ['Kazakh given as Russian', { ...whole, ru: whole.kk }],
    ['«за 5 дня»', { ...whole, ru: 'Нужно оповестить за 5 дня.' }],
  ])('finds %s', (_, text) => {
    expect(messageProblems(text)).not.toEqual([]);
  });
});

describe('the wrongs of issue 12, one by one', () => {
  it('shows a deadline in the election’s local time, in words, with the 18:00 the law names', () => {
    const text = localize('DEADLINE_PASSED', { step: 'signatures', deadline: CLOSE, timeZone: ALMATY });
    expect(text.kk).toBe(
      '«Қол қою парақтарын тапсыру» қадамының мерзімі 2026 жылғы 20 ақпанда сағат 18:00-де (жергілікті уақыт) өтті.',
    );
    expect(text.ru).toBe(
      'Срок шага «представление подписных листов» истёк 20 февраля 2026 г. в 18:00 по местному времени.',
    );
    expect(text.en).toContain('20 February 2026 at 18:00 local time');
  });

  it('counts a deadline before 1 March 2024 in the offset of its own date (UTC+6 then in Almaty)', () => {
    expect(momentInWords('2023-07-09T12:00:00.000Z', ALMATY).ru).toBe(
      '9 июля 2023 г. в 18:00 по местному времени',
    );
    expect(momentInWords('2023-07-09T12:00:00.000Z', 'Asia/Aqtobe').ru).toBe(
      '9 июля 2023 г. в 17:00 по местному времени',
    );
  });

  it('says it is UTC when the zone is unknown, rather than pass UTC off as local time', () => {
    expect(momentInWords(CLOSE, 'Mars/Olympus').ru).toBe('20 февраля 2026 г. в 13:00 по UTC');
  });

  it('gives the findings that block registration as texts with their grounds, naming the commission', () => {
    const text = localize('REGISTRATION_BLOCKED', detailsOf('REGISTRATION_BLOCKED'));
    expect(text.kk).toMatch(
      /^Аумақтық сайлау комиссиясы кандидатты тіркей алмайды\. 1\) Құжаттар жетіспейді: өтініш/,
    );
    expect(text.kk).toContain('Конституциялық заңның 113-2-бабы');
    expect(text.ru).toContain('правовое основание: пункт 4 статьи 4 Конституционного закона');
    expect(text.ru).toContain('Закона «О государственной службе Республики Казахстан»');
    expect(text.en).not.toContain('DOCUMENTS_MISSING');
  });

  it('names a step, a status and an event in words, never by their API names', () => {
    const text = localize('INVALID_TRANSITION', { status: 'Registered', event: 'SignaturesVerified' });
    expect(text.ru).toBe(
      'Действие «проверка подписей» невозможно в нынешнем состоянии дела: кандидат зарегистрирован.',
    );
  });

  it('agrees Russian numerals with their noun', () => {
    expect(localize('CONSENT_NOTICE_TOO_SHORT', { minimumDays: 3 }).ru).toContain('не менее чем за 3 дня');
    expect(localize('EXTENSION_OVER_LIMIT', { maximum: 5 }).ru).toContain('не более чем на 5 дней');
    expect(localize('EXTENSION_OVER_LIMIT', { maximum: 1 }).ru).toContain('не более чем на 1 день');
    expect(localize('UNDER_MINIMUM_AGE', { minimum: 21, on: '2026-03-15' }).ru).toContain(
      '21 год к 15 марта 2026 г.',
    );
  });
});

describe('wording helpers', () => {
  it('picks the Russian form Intl names for every count', () => {
    fc.assert(
      fc.property(fc.nat(100_000), (n) => {
        const form = russianDays(n).split(' ')[1];
        const lastTwo = n % 100;
        const last = n % 10;
        const expected =
          lastTwo >= 11 && lastTwo <= 14
            ? 'дней'
            : last === 1
              ? 'день'
              : last >= 2 && last <= 4
                ? 'дня'
                : 'дней';
        expect(form).toBe(expected);
      }),
    );
  });

  it('gives the Kazakh locative of a clock reading by its last spoken word', () => {
    expect([0, 1, 3, 6, 9, 10, 18, 20, 30, 40, 45, 50].map(kazakhLocativeOfNumber)).toEqual([
      'де', // нөл
      'де', // бір
      'те', // үш
      'да', // алты
      'да', // тоғыз
      'да', // он
      'де', // он сегіз
      'да', // жиырма
      'да', // отыз
      'та', // қырық
      'те', // қырық бес
      'де', // елу
    ]);
    expect(momentInWords('2026-02-20T04:30:00.000Z', ALMATY).kk).toContain('сағат 09:30-да');
  });

  it('writes any date of the calendar whole in each language', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const text = dateInWords(d.toISOString().slice(0, 10));
          expect(messageProblems({ kk: `${text.kk}.`, ru: `Дата: ${text.ru}`, en: text.en })).toEqual([]);
        },
      ),
    );
  });

  it('says every ground the domain cites in full, and leaves out one it cannot read', () => {
    expect(legalGround('CLE 113-3 p.6')?.ru).toBe(
      'пункт 6 статьи 113-3 Конституционного закона «О выборах в Республике Казахстан»',
    );
    expect(legalGround('LGA 39-3 p.8')?.kk).toBe(
      '«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Заңның 39-3-бабының 8-тармағы',
    );
    expect(legalGround('Decree 5')).toBeNull();
    expect(russianCount(22, { one: 'год', few: 'года', many: 'лет' })).toBe('22 года');
  });
});
