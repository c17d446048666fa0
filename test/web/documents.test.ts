import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultCancellationGrounds, defaultRefusalGrounds } from '../../shared/domain/election-rules.ts';
import type { components } from '../../web/src/api/schema.d.ts';
import {
  type CaseForDocuments,
  decisionDocument,
  decisionDocumentsOf,
} from '../../web/src/documents/decision-documents.ts';
import { type DocumentContext, documentDate } from '../../web/src/documents/document-context.ts';
import { BLANK, documentLines } from '../../web/src/documents/document-text.ts';
import {
  groundInWords,
  postPhrase,
  russianGenitiveOfUnit,
} from '../../web/src/documents/document-wording.ts';
import { registeredList } from '../../web/src/documents/registered-list.ts';
import { signatureProtocol } from '../../web/src/documents/signature-protocol.ts';

const context: DocumentContext = {
  election: {
    unit: { kind: 'rural-district', nameKk: 'Ақтоғай ауылдық округі', nameRu: 'Актогайский сельский округ' },
    electionDay: '2026-03-15',
    timeZone: 'Asia/Almaty',
  },
  commission: {
    nameKk: 'Ақтоғай аудандық аумақтық сайлау комиссиясы',
    nameRu: 'Актогайская районная территориальная избирательная комиссия',
    chair: 'Серікбаев Нұрлан Асқарұлы',
    secretary: 'Ахметова Гүлнар Қайратқызы',
  },
  partyName: (id) => (id === 'amanat' ? 'AMANAT' : id),
};

/** 19:30 UTC on 24 February is 00:30 on 25 February in Almaty: the document is dated by local time. */
const refused: CaseForDocuments = {
  route: 'self',
  nominator: null,
  candidate: { fullName: 'Жұмабаев Ерлан Серікұлы' },
  decisions: {
    'registration-decision': {
      at: '2026-02-24T19:30:00.000Z',
      outcome: 'refused',
      details: {
        number: '5/12',
        grounds: ['age-requirement', 'documents-incomplete', 'local-ground-7'],
        reasons: 'Кандидатқа сайлау күні 25 жас толмайды; білімі туралы құжат ұсынылмаған.',
      },
    },
  },
};

const registered: CaseForDocuments = {
  route: 'party',
  nominator: { partyId: 'amanat' },
  candidate: { fullName: 'Серікова Әлия Маратқызы' },
  decisions: {
    'registration-decision': { at: '2026-02-20T06:00:00.000Z', outcome: 'registered', details: {} },
    cancellation: {
      at: '2026-03-05T06:00:00.000Z',
      outcome: 'cancelled',
      details: {
        number: '7/3',
        grounds: ['false-information'],
        reasons: 'Декларацияда анық емес мәліметтер.',
      },
    },
  },
};

/** Kazakh and Russian text only: no Latin word, except names the record holds (a party's, a ground's). */
function expectNoLatin(lines: readonly string[], allowed: readonly string[] = []) {
  for (const line of lines) {
    let text = line;
    for (const word of allowed) text = text.replaceAll(word, '');
    expect(text, line).not.toMatch(/[A-Za-z]{2,}/);
  }
}

type Schemas = components['schemas'];

it('takes the API’s answers as the generated client types them', () => {
  expectTypeOf<Schemas['Case']>().toExtend<CaseForDocuments>();
  expectTypeOf<Schemas['SignatureVerdict']>().toExtend<Parameters<typeof signatureProtocol>[1]>();
  expectTypeOf<Schemas['CandidateList']>().toExtend<Parameters<typeof registeredList>[0]>();
});

describe('paper: the decisions on a candidate', () => {
  it('prints a refusal in Russian with its number, its local date, each ground in words, the reasons and both signatories', () => {
    const doc = decisionDocument(refused, 'refusal', context, 'ru');
    expect(doc).not.toBeNull();
    const lines = documentLines(doc as NonNullable<typeof doc>);
    expect(lines).toEqual([
      'Актогайская районная территориальная избирательная комиссия',
      'РЕШЕНИЕ',
      '25 февраля 2026 г. № 5/12',
      'Об отказе в регистрации кандидата в акимы Актогайского сельского округа',
      'Рассмотрев документы, представленные для регистрации кандидата в акимы Актогайского сельского округа — Жұмабаев Ерлан Серікұлы, выдвинутого в порядке самовыдвижения, и руководствуясь статьёй 113-5 Конституционного закона «О выборах в Республике Казахстан», территориальная избирательная комиссия установила:',
      'Основания отказа в регистрации:',
      '1) Не соответствует требованиям к кандидату статьи 113-2 Конституционного закона «О выборах в Республике Казахстан».',
      '2) Документы, необходимые для регистрации, представлены не полностью.',
      '3) Основание «local-ground-7» из перечня оснований этих выборов.',
      'Обоснование комиссии: Кандидатқа сайлау күні 25 жас толмайды; білімі туралы құжат ұсынылмаған.',
      'РЕШИЛА:',
      '1. Отказать в регистрации кандидату в акимы Актогайского сельского округа — Жұмабаев Ерлан Серікұлы.',
      'Председатель комиссии Серікбаев Нұрлан Асқарұлы',
      'Секретарь комиссии Ахметова Гүлнар Қайратқызы',
    ]);
  });

  it('prints the same refusal in Kazakh, whole in Kazakh', () => {
    const doc = decisionDocument(refused, 'refusal', context, 'kk');
    const lines = documentLines(doc as NonNullable<typeof doc>);
    expect(lines.slice(0, 4)).toEqual([
      'Ақтоғай аудандық аумақтық сайлау комиссиясы',
      'ШЕШІМ',
      '2026 жылғы 25 ақпан № 5/12',
      'Ақтоғай ауылдық округі әкімі лауазымына кандидатты тіркеуден бас тарту туралы',
    ]);
    expect(lines).toContain('Тіркеуден бас тарту негіздері:');
    expect(lines).toContain(
      '1) «Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның 113-2-бабында кандидатқа қойылатын талаптарға сәйкес келмейді.',
    );
    expect(lines).toContain('ШЕШІМ ҚАБЫЛДАДЫ:');
    expect(lines).toContain(
      '1. Жұмабаев Ерлан Серікұлы Ақтоғай ауылдық округі әкімі лауазымына кандидат ретінде тіркеуден бас тартылсын.',
    );
    expect(lines.slice(-2)).toEqual([
      'Комиссия төрағасы Серікбаев Нұрлан Асқарұлы',
      'Комиссия хатшысы Ахметова Гүлнар Қайратқызы',
    ]);
    expectNoLatin(lines, ['local-ground-7']);
  });

  it('prints a registration and a later cancellation of the same case, each from its own decision record', () => {
    expect(decisionDocumentsOf(registered)).toEqual(['registration', 'cancellation']);
    const registration = documentLines(decisionDocument(registered, 'registration', context, 'ru') as never);
    expect(registration).toContain('О регистрации кандидата в акимы Актогайского сельского округа');
    expect(registration).toContain(
      '1. Зарегистрировать кандидата в акимы Актогайского сельского округа — Серікова Әлия Маратқызы.',
    );
    expect(registration.join('\n')).toContain('выдвинутого политической партией «AMANAT»');
    // The registration record has no number: the document leaves a blank to fill in by hand.
    expect(registration).toContain(`20 февраля 2026 г. № ${BLANK}`);
    const cancellation = documentLines(decisionDocument(registered, 'cancellation', context, 'kk') as never);
    expect(cancellation).toContain('2026 жылғы 5 наурыз № 7/3');
    expect(cancellation).toContain('Тіркеудің күшін жою негіздері:');
    expect(cancellation).toContain('1) Ұсынылған құжаттарда анық емес мәліметтер бар.');
    expect(cancellation).toContain(
      '1. Серікова Әлия Маратқызы Ақтоғай ауылдық округі әкімі лауазымына кандидат ретінде тіркеудің күші жойылсын.',
    );
    expectNoLatin(cancellation, ['AMANAT']);
  });

  it('has no document for a decision the case does not hold', () => {
    expect(decisionDocument(refused, 'registration', context, 'ru')).toBeNull();
    expect(decisionDocument(refused, 'cancellation', context, 'kk')).toBeNull();
    expect(decisionDocumentsOf({ ...refused, decisions: {} })).toEqual([]);
  });

  it('leaves blank lines for the commission’s name and signatories when the election does not hold them', () => {
    const bare: DocumentContext = { election: context.election };
    const lines = documentLines(decisionDocument(refused, 'refusal', bare, 'ru') as never);
    expect(lines[0]).toBe('Территориальная избирательная комиссия');
    expect(lines.slice(-2)).toEqual([`Председатель комиссии ${BLANK}`, `Секретарь комиссии ${BLANK}`]);
    const kk = documentLines(
      decisionDocument(refused, 'refusal', { ...bare, commission: { chair: '  ' } }, 'kk') as never,
    );
    expect(kk[0]).toBe('Аумақтық сайлау комиссиясы');
    expect(kk.at(-2)).toBe(`Комиссия төрағасы ${BLANK}`);
  });

  it('keeps a refusal readable when its record lacks grounds or reasons (an older record): blanks, not errors', () => {
    const old: CaseForDocuments = {
      ...refused,
      decisions: {
        'registration-decision': { at: 'not a date', outcome: 'refused', details: { grounds: 'x' } },
      },
    };
    const lines = documentLines(decisionDocument(old, 'refusal', context, 'ru') as never);
    expect(lines[2]).toBe(`${BLANK} № ${BLANK}`);
    expect(lines).toContain(BLANK);
    expect(lines).toContain(`Обоснование комиссии: ${BLANK}`);
  });
});

describe('paper: the signature verification protocol and the registered list', () => {
  const verdict = {
    validCount: 11,
    required: 13,
    shortfall: 2,
    sufficient: false,
    rejectedCount: 3,
    notChecked: 0,
    rejected: [
      { sheet: 2, line: 4, reason: 'DUPLICATE_SIGNER', firstCounted: { sheet: 1, line: 3 } },
      { sheet: 1, line: 7, reason: 'SIGNER_NOT_ON_REGISTER' },
      { sheet: 1, line: 2, reason: 'IIN_CHECKSUM' },
    ],
  };
  const candidate = { fullName: 'Жұмабаев Ерлан Серікұлы', route: 'self' as const, nominator: null };

  it('prints the protocol in Russian: counts, threshold, the shortfall and each invalid line by place with its reason', () => {
    const doc = signatureProtocol(
      candidate,
      verdict,
      { at: '2026-02-10T09:00:00.000Z', number: '3' },
      context,
      'ru',
    );
    const lines = documentLines(doc);
    expect(lines.slice(0, 4)).toEqual([
      'Актогайская районная территориальная избирательная комиссия',
      'ПРОТОКОЛ',
      '10 февраля 2026 г. № 3',
      'проверки подписных листов в поддержку кандидата в акимы Актогайского сельского округа — Жұмабаев Ерлан Серікұлы',
    ]);
    expect(lines).toContain('Проверено строк: 14.');
    expect(lines).toContain('Действительных подписей: 11.');
    expect(lines).toContain('Недействительных подписей: 3.');
    expect(lines).toContain('Необходимо подписей (не менее 1% избирателей округа): 13.');
    expect(lines).toContain('Количество действительных подписей недостаточно: не хватает 2.');
    expect(doc.table?.columns).toEqual(['Лист', 'Строка', 'Причина']);
    expect(doc.table?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['1', '2'],
      ['1', '7'],
      ['2', '4'],
    ]);
    expect(doc.table?.rows[1]?.[2]).toBe('Подписавшегося нет в списке избирателей этого округа.');
    expect(doc.table?.rows[2]?.[2]).toContain('(впервые учтена: лист 1, строка 3)');
  });

  it('prints the protocol in Kazakh with no Latin word, and says how many lines a sample left unchecked', () => {
    const sampled = {
      ...verdict,
      validCount: 40,
      required: 13,
      shortfall: 0,
      sufficient: true,
      rejectedCount: 1,
      notChecked: 459,
      rejected: [verdict.rejected[1] as never],
    };
    const lines = documentLines(
      signatureProtocol(candidate, sampled, { at: '2026-02-10T09:00:00.000Z' }, context, 'kk'),
    );
    expect(lines).toContain('Тексерілген жолдар: 41.');
    expect(lines).toContain('Іріктеп тексеру кезінде тексерілмеген жолдар: 459.');
    expect(lines).toContain('Жарамды қолдар саны жеткілікті.');
    expect(lines).toContain(`2026 жылғы 10 ақпан № ${BLANK}`);
    expectNoLatin(lines);
  });

  it('never prints a signer’s IIN: lines are named by sheet and line', () => {
    const lines = documentLines(
      signatureProtocol(candidate, verdict, { at: '2026-02-10T09:00:00.000Z' }, context, 'ru'),
    );
    expect(lines.join('\n')).not.toMatch(/\d{12}/);
  });

  it('prints the registered list with who nominated each candidate and the day of registration, and says while it may still change', () => {
    const list = {
      final: false,
      candidates: [
        {
          fullName: 'Серікова Әлия Маратқызы',
          route: 'party' as const,
          nominator: { partyId: 'amanat' },
          registeredAt: '2026-02-20T06:00:00.000Z',
        },
        {
          fullName: 'Омаров Бауыржан',
          route: 'akimat' as const,
          nominator: { akimatDistrict: '1952' },
          registeredAt: '2026-02-24T19:30:00.000Z',
        },
      ],
    };
    const ru = registeredList(list, { at: '2026-02-26T05:00:00.000Z', number: '9/1' }, context, 'ru');
    expect(ru.kind).toBe('СПИСОК');
    expect(ru.subject).toBe('зарегистрированных кандидатов в акимы Актогайского сельского округа');
    expect(ru.body).toContain('День выборов: 15 марта 2026 г.');
    expect(ru.body).toContain(
      'Список не окончательный: отмена регистрации или восстановление ещё могут его изменить.',
    );
    expect(ru.table?.rows).toEqual([
      ['1', 'Серікова Әлия Маратқызы', 'политическая партия «AMANAT»', '20 февраля 2026 г.'],
      ['2', 'Омаров Бауыржан', 'аким района (дополнительный кандидат)', '25 февраля 2026 г.'],
    ]);
    const kk = registeredList({ ...list, final: true }, { at: '2026-02-26T05:00:00.000Z' }, context, 'kk');
    expect(kk.subject).toBe('Ақтоғай ауылдық округі әкімі лауазымына тіркелген кандидаттардың тізімі');
    expect(kk.table?.columns).toEqual(['№', 'Тегі, аты, әкесінің аты', 'Кім ұсынды', 'Тіркелген күні']);
    expect(kk.body.join(' ')).not.toContain('түпкілікті емес');
    expectNoLatin(documentLines(kk), ['AMANAT']);
  });

  it('prints an empty registered list as saying there is none', () => {
    const doc = registeredList(
      { final: true, candidates: [] },
      { at: '2026-02-26T05:00:00.000Z' },
      context,
      'kk',
    );
    expect(doc.table).toBeNull();
    expect(doc.body).toContain('Тіркелген кандидат жоқ.');
  });
});

describe('paper: wording', () => {
  it('puts a unit’s Russian name in the genitive, and quotes one of a shape it does not know after its kind', () => {
    expect(russianGenitiveOfUnit('Актогайский сельский округ')).toBe('Актогайского сельского округа');
    expect(russianGenitiveOfUnit('село Акколь')).toBe('села Акколь');
    expect(russianGenitiveOfUnit('поселок Жанатас')).toBe('поселка Жанатас');
    expect(russianGenitiveOfUnit('Новый сельский округ')).toBe('Нового сельского округа');
    expect(russianGenitiveOfUnit('Акколь')).toBeNull();
    const odd = {
      ...context,
      election: {
        ...context.election,
        unit: { kind: 'village' as const, nameKk: 'Ақкөл ауылы', nameRu: 'Акколь' },
      },
    };
    expect(postPhrase(odd, 'ru')).toBe('в акимы села «Акколь»');
    expect(postPhrase(odd, 'kk')).toBe('Ақкөл ауылы әкімі лауазымына');
  });

  it('writes a document’s date as the heading of a paper does, and a blank for something that is no date', () => {
    expect(documentDate('2026-12-01', 'kk')).toBe('2026 жылғы 1 желтоқсан');
    expect(documentDate('2026-12-01', 'ru')).toBe('1 декабря 2026 г.');
    expect(documentDate('01.12.2026', 'ru')).toBe(BLANK);
  });

  it('says every ground of the default lists in words in both languages', () => {
    for (const ground of new Set([...defaultRefusalGrounds, ...defaultCancellationGrounds])) {
      for (const language of ['kk', 'ru'] as const) {
        const text = groundInWords(ground, language);
        expect(text).not.toContain(ground);
        expectNoLatin([text]);
      }
    }
  });
});
