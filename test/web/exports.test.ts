import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, expectTypeOf, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { components } from '../../web/src/api/schema.d.ts';
import { quoteField, toCsv } from '../../web/src/lib/exports/csv.ts';
import { type ExportTable, inertText } from '../../web/src/lib/exports/export-table.ts';
import {
  type CasesLabels,
  casesTable,
  type RegisteredListLabels,
  registeredListTable,
  type SignatureVerdictLabels,
  signatureVerdictTable,
} from '../../web/src/lib/exports/tables.ts';
import { xlsxSheet } from '../../web/src/lib/exports/xlsx-sheet.ts';

const ZONE = 'Asia/Almaty';

const listLabels: RegisteredListLabels = {
  sheetName: 'Тіркелген кандидаттар',
  number: '№',
  fullName: 'Аты-жөні',
  route: 'Ұсыну тәсілі',
  nominator: 'Кім ұсынды',
  registeredAt: 'Тіркелген күні',
  routeName: (route) => ({ party: 'саяси партия', self: 'өзін-өзі ұсыну', akimat: 'аудан әкімі' })[route],
  nominatorName: (n) =>
    n === null ? '' : 'partyId' in n ? `партия: ${n.partyId}` : `әкімдік ${n.akimatDistrict}`,
};

const casesLabels: CasesLabels = {
  sheetName: 'Дела',
  caseId: 'Дело',
  fullName: 'ФИО',
  iin: 'ИИН',
  route: 'Способ выдвижения',
  nominator: 'Кем выдвинут',
  status: 'Статус',
  waitingFor: 'Ждёт',
  deadline: 'Срок',
  filedAt: 'Подано',
  routeName: (route) => route,
  nominatorName: () => '',
  statusName: (status) => (status === 'AwaitingSignatures' ? 'сбор подписей' : status),
  whoName: (who) => (who === 'candidate' ? 'кандидат' : who),
};

const verdictLabels: SignatureVerdictLabels = {
  sheetName: 'Подписи',
  sheet: 'Лист',
  line: 'Строка',
  status: 'Итог',
  reason: 'Причина',
  fullName: 'ФИО',
  iin: 'ИИН',
  statusName: (s) =>
    ({ valid: 'действительна', rejected: 'недействительна', 'not-checked': 'не проверена' })[s],
  reasonText: (reason, line) =>
    reason === 'DUPLICATE_SIGNER' && line.firstCounted !== undefined
      ? `Повтор: уже учтена на листе ${line.firstCounted.sheet}, строка ${line.firstCounted.line}`
      : `Причина ${reason}`,
};

async function xlsxRows(table: ExportTable) {
  const sheet = xlsxSheet(table);
  const buffer = await writeXlsxFile(sheet.data, sheet.options).toBuffer();
  const [first] = await readXlsxFile(buffer);
  if (first === undefined) throw new Error('The workbook has no sheet');
  return { name: first.sheet, rows: first.data };
}

function csvRows(text: string, options: { trim?: boolean } = {}) {
  return parse(text, { bom: true, relax_column_count: false, ...options }) as string[][];
}

const commissionCases = {
  cases: [
    {
      caseId: 'case-1',
      route: 'self' as const,
      status: 'AwaitingSignatures',
      candidate: { fullName: 'Әлия Серікқызы', iin: '061211600012' },
      nominator: null,
      filedAt: '2026-02-01T04:00:00.000Z',
      waitingFor: { from: 'candidate' as const, deadline: '2026-02-20T13:00:00.000Z' },
    },
    {
      caseId: 'case-2',
      route: 'party' as const,
      status: 'Registered',
      candidate: { fullName: '=HYPERLINK("http://evil.example","Нажмите")', iin: '900101300018' },
      nominator: { partyId: 'amanat' },
      filedAt: '2026-02-02T04:00:00.000Z',
      waitingFor: null,
    },
  ],
};

type Schemas = components['schemas'];

it('takes the API’s answers as the generated client types them', () => {
  expectTypeOf<Schemas['CandidateList']>().toExtend<Parameters<typeof registeredListTable>[0]>();
  expectTypeOf<Schemas['CaseList']>().toExtend<Parameters<typeof casesTable>[0]>();
  expectTypeOf<Schemas['SignatureVerdict']['rejected']>().toExtend<
    Parameters<typeof signatureVerdictTable>[0]
  >();
});

describe('exports: the registered list, the cases and a signature verdict as XLSX and CSV', () => {
  it('keeps an IIN with its leading zero as text in the XLSX, read back as the same string', async () => {
    const { rows } = await xlsxRows(casesTable(commissionCases, casesLabels, ZONE));
    expect(rows[0]).toEqual([
      'Дело',
      'ФИО',
      'ИИН',
      'Способ выдвижения',
      'Кем выдвинут',
      'Статус',
      'Ждёт',
      'Срок',
      'Подано',
    ]);
    expect(rows[1]?.[2]).toBe('061211600012');
    expect(rows[2]?.[2]).toBe('900101300018');
  });

  it('writes a formula-like name as inert text in the XLSX: read back as the text, with an apostrophe in front', async () => {
    const { rows } = await xlsxRows(casesTable(commissionCases, casesLabels, ZONE));
    expect(rows[2]?.[1]).toBe(`'=HYPERLINK("http://evil.example","Нажмите")`);
  });

  it('writes deadlines in the election’s local time, not UTC, in both formats', async () => {
    const table = casesTable(commissionCases, casesLabels, ZONE);
    // 13:00 UTC is 18:00 in Almaty (UTC+5 since 1 March 2024).
    expect((await xlsxRows(table)).rows[1]?.[7]).toBe('2026-02-20 18:00');
    expect(csvRows(toCsv(table))[1]?.[7]).toBe('2026-02-20 18:00');
  });

  it('starts the CSV with a UTF-8 byte order mark, ends every line with CRLF and keeps Kazakh letters', () => {
    const csv = toCsv(
      registeredListTable(
        {
          candidates: [
            {
              fullName: 'Әлия Серікқызы',
              route: 'self',
              nominator: null,
              registeredAt: '2026-02-25T13:00:00.000Z',
            },
          ],
        },
        listLabels,
        ZONE,
      ),
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csvRows(csv)).toEqual([
      ['№', 'Аты-жөні', 'Ұсыну тәсілі', 'Кім ұсынды', 'Тіркелген күні'],
      ['1', 'Әлия Серікқызы', 'өзін-өзі ұсыну', '', '2026-02-25 18:00'],
    ]);
  });

  it('keeps an IIN as text in the CSV: a tab before the digits, never a formula; a reader that trims gets the IIN', () => {
    const csv = toCsv(casesTable(commissionCases, casesLabels, ZONE));
    expect(csv).not.toContain('="');
    const raw = csvRows(csv);
    expect(raw[1]?.[2]).toBe('\t061211600012');
    expect(csvRows(csv, { trim: true })[1]?.[2]).toBe('061211600012');
  });

  it('makes every formula-like cell of the CSV inert with an apostrophe, as OWASP advises', () => {
    const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', 'плюс+'];
    const table: ExportTable = {
      sheetName: 'x',
      columns: [{ header: '=header', kind: 'text' }],
      rows: hostile.map((text) => [text]),
    };
    const rows = csvRows(toCsv(table));
    expect(rows.map((row) => row[0])).toEqual([
      "'=header",
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\t=1",
      "'\r=1",
      'плюс+',
    ]);
  });

  it('treats a mistyped IIN in an identifier column as text, so a formula there is made inert too', () => {
    const table = signatureVerdictTable(
      [
        { sheet: 1, line: 2, reason: 'IIN_MALFORMED', valid: false, iin: '=cmd|calc', fullName: 'Ерлан' },
        { sheet: 1, line: 1, reason: null, valid: true, iin: '061211600012', fullName: 'Айгүл' },
      ],
      verdictLabels,
    );
    const rows = csvRows(toCsv(table));
    expect(rows[1]).toEqual(['1', '1', 'Айгүл', '\t061211600012', 'действительна', '']);
    expect(rows[2]).toEqual(['1', '2', 'Ерлан', "'=cmd|calc", 'недействительна', 'Причина IIN_MALFORMED']);
  });

  it('exports a verdict in sheet and line order with each rejected line’s reason in words and no IIN column when the verdict has none', async () => {
    const table = signatureVerdictTable(
      [
        { sheet: 2, line: 1, reason: 'DUPLICATE_SIGNER', firstCounted: { sheet: 1, line: 4 } },
        { sheet: 1, line: 7, reason: 'SIGNER_NOT_ON_REGISTER' },
        { sheet: 1, line: 9, reason: null, checked: false },
      ],
      verdictLabels,
    );
    const { rows, name } = await xlsxRows(table);
    expect(name).toBe('Подписи');
    expect(rows).toEqual([
      ['Лист', 'Строка', 'Итог', 'Причина'],
      [1, 7, 'недействительна', 'Причина SIGNER_NOT_ON_REGISTER'],
      [1, 9, 'не проверена', null],
      [2, 1, 'недействительна', 'Повтор: уже учтена на листе 1, строка 4'],
    ]);
  });

  it('leaves the IIN column out of the cases a party sees (the API gave no IINs)', () => {
    const table = casesTable(
      {
        cases: commissionCases.cases.map(({ candidate, ...c }) => ({
          ...c,
          candidate: { fullName: candidate.fullName },
        })),
      },
      casesLabels,
      ZONE,
    );
    expect(table.columns.map((c) => c.header)).not.toContain('ИИН');
    expect(toCsv(table)).not.toContain('061211600012');
  });

  it('writes an empty list as its header row only, in both formats', async () => {
    const table = registeredListTable({ candidates: [] }, listLabels, ZONE);
    expect(csvRows(toCsv(table))).toHaveLength(1);
    expect((await xlsxRows(table)).rows).toHaveLength(1);
  });

  it('names the XLSX sheet within Excel’s rules whatever the label', async () => {
    const table = registeredListTable(
      { candidates: [] },
      { ...listLabels, sheetName: 'Тізім [2026/03/15]: тіркелген кандидаттар' },
      ZONE,
    );
    const { name } = await xlsxRows(table);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[\\/?*[\]:]/);
  });

  it('exports a verdict of 20,000 lines, the most one submission holds, and reads every line back', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => ({
      sheet: Math.floor(i / 20) + 1,
      line: (i % 20) + 1,
      reason: i % 3 === 0 ? 'SIGNER_NOT_ON_REGISTER' : null,
      valid: i % 3 !== 0,
      iin: '061211600012',
      fullName: `Қол қоюшы ${i}`,
    }));
    const table = signatureVerdictTable(lines, verdictLabels);
    expect(csvRows(toCsv(table), { trim: true })).toHaveLength(20_001);
    const { rows } = await xlsxRows(table);
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]?.[3]).toBe('061211600012');
  });

  it('round-trips any string through RFC 4180 quoting', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',' as const, ';' as const),
        (fields, delimiter) => {
          const line = `${fields.map((f) => quoteField(f, delimiter)).join(delimiter)}\r\n`;
          const [parsed] = parse(line, { delimiter, relax_quotes: false }) as string[][];
          // A lone empty field is an empty line, which csv-parse skips; RFC 4180 says nothing else of it.
          if (fields.length === 1 && fields[0] === '') return;
          expect(parsed).toEqual(fields);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads back any text cell of the CSV as the text, made inert where it starts like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 20 }), (texts) => {
        const table: ExportTable = {
          sheetName: 's',
          columns: [
            { header: 'h', kind: 'text' },
            { header: 'n', kind: 'number' },
          ],
          rows: texts.map((t, i) => [t, i]),
        };
        const rows = csvRows(toCsv(table));
        expect(rows.slice(1).map((row) => row[0])).toEqual(texts.map(inertText));
        for (const row of rows) expect(row[0]).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});
