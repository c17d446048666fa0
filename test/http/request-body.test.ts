import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors.ts';
import { readBody, UnsupportedMediaTypeError } from '../../shared/http/request-body.ts';
import { spreadsheetRows } from '../../shared/http/spreadsheet-rows.ts';
import {
  csvOf,
  cyrillicVoters,
  utf8WithBom,
  VOTER_COLUMNS,
  voterCells,
  windows1251,
  XLSX,
  xlsxOf,
  xlsxParts,
  zipOf,
} from '../support/bulk-files.ts';
import { makeIin } from '../support/iins.ts';
import { voterRows } from '../support/signers.ts';

const bulk = { rows: spreadsheetRows };

async function rowsOf(contentType: string, bytes: Uint8Array) {
  const body = await readBody(contentType, bytes, bulk);
  if (body.kind !== 'rows') throw new Error('expected rows');
  return body.rows;
}

/** The issues a body is refused with, as [field, code, line]. */
async function refusal(contentType: string, bytes: Uint8Array) {
  try {
    await readBody(contentType, bytes, bulk);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((i) => [i.field, i.code, i.line]);
  }
  throw new Error('expected a refusal');
}

describe('a CSV as commissions save it', () => {
  const voters = cyrillicVoters(voterRows(5));

  it('reads a Windows-1251 list separated by ; as the same list in UTF-8 with BOM separated by ,', async () => {
    const ansi = await rowsOf('text/csv', windows1251(csvOf(VOTER_COLUMNS, voterCells(voters), ';')));
    const utf8 = await rowsOf('text/csv', utf8WithBom(csvOf(VOTER_COLUMNS, voterCells(voters), ',')));
    expect(ansi.map((r) => r.value)).toEqual(voters);
    expect(utf8).toEqual(ansi);
    // The third voter's address spans three lines: the rows after it start three lines further on.
    expect(ansi.map((r) => r.line)).toEqual([2, 3, 4, 7, 8]);
  });

  it('reads Windows-1251 where it is declared, even when the bytes happen to be UTF-8', async () => {
    const bytes = windows1251('iin,fullName\r\n1,ЖЁ'); // C6 A8: also the UTF-8 of "ƨ"
    expect((await rowsOf('text/csv', bytes))[0]?.value).toEqual({ iin: '1', fullName: 'ƨ' });
    expect((await rowsOf('text/csv; charset="Windows-1251"', bytes))[0]?.value).toEqual({
      iin: '1',
      fullName: 'ЖЁ',
    });
    await expect(readBody('text/csv; charset=koi8-r', bytes, bulk)).rejects.toThrow(
      UnsupportedMediaTypeError,
    );
  });

  it('names the line each row starts on, past blank lines, empty records, cells over lines, any line ends', async () => {
    const text = 'iin;fullName\r\n\r\n1;a\r\n;;\r\n2;"b\nc\r\nd"\r\n3;e\n\n4;f\r5;g';
    const rows = await rowsOf('text/csv', Buffer.from(text));
    expect(rows.map((r) => [r.line, r.value])).toEqual([
      [3, { iin: '1', fullName: 'a' }],
      [5, { iin: '2', fullName: 'b\nc\r\nd' }],
      [8, { iin: '3', fullName: 'e' }],
      [10, { iin: '4', fullName: 'f' }],
      [11, { iin: '5', fullName: 'g' }],
    ]);
  });

  it('takes the separator from the header line alone', async () => {
    const rows = await rowsOf('text/csv', Buffer.from('\r\niin;fullName\n1;"a;b, c"\n2;d,e,f'));
    expect(rows).toEqual([
      { line: 3, value: { iin: '1', fullName: 'a;b, c' } },
      { line: 4, value: { iin: '2', fullName: 'd,e,f' } },
    ]);
  });

  it('keeps a value under no column or under a repeated one, for the schema to name', async () => {
    const rows = await rowsOf('text/csv', Buffer.from('iin,fullName,iin\n1,a,2,x\n3,b,,'));
    expect(rows.map((r) => r.value)).toEqual([
      { iin: '1', fullName: 'a', 'column 3': '2', 'column 4': 'x' },
      { iin: '3', fullName: 'b' },
    ]);
  });

  it('refuses a malformed file naming the line, and more rows than any list has', async () => {
    expect(await refusal('text/csv', Buffer.from('iin,fullName\n1,a\n2,"b'))).toEqual([
      ['line 3', 'INVALID_FORMAT', 3],
    ]);
    expect(await refusal('text/csv', Buffer.from(`iin\n${'1\n'.repeat(100_001)}`))).toEqual([
      ['(body)', 'TOO_BIG', undefined],
    ]);
  });

  it('answers any bytes at all with rows or a ValidationError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        for (const type of ['text/csv', XLSX, 'application/x-ndjson']) {
          await readBody(type, bytes, bulk).catch((error: unknown) => {
            if (!(error instanceof ValidationError)) throw error;
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON and JSON lines', () => {
  it('stay UTF-8 only', async () => {
    const notUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0x22, 0x7d]);
    expect(await refusal('application/json', notUtf8)).toEqual([['(body)', 'INVALID_ENCODING', undefined]]);
    expect(await refusal('application/x-ndjson', notUtf8)).toEqual([
      ['(body)', 'INVALID_ENCODING', undefined],
    ]);
  });

  it('name the line of a JSON line that is no JSON', async () => {
    expect(await refusal('application/x-ndjson', Buffer.from('{"a":1}\n\n{"a":'))).toEqual([
      ['line 3', 'INVALID_FORMAT', 3],
    ]);
  });
});

describe('an XLSX', () => {
  it('reads its first sheet: a numeric IIN gets its leading zero back, a date cell its day', async () => {
    const iin = makeIin('2005-01-10', 'female'); // 0501104…: Excel shows it as 501104…
    const file = await xlsxOf([
      [...VOTER_COLUMNS, 'sheet'],
      [Number(iin), 'Әлия Сәрсенқызы', new Date('2005-01-10T00:00:00Z'), 'Ақтоғай', 3],
      [null, null, null, null, null],
      [iin, 'Ivan', '1985-04-02', 'Aul', null],
    ]);
    expect(await rowsOf(XLSX, file)).toEqual([
      {
        line: 2,
        value: { iin, fullName: 'Әлия Сәрсенқызы', birthDate: '2005-01-10', address: 'Ақтоғай', sheet: '3' },
      },
      { line: 4, value: { iin, fullName: 'Ivan', birthDate: '1985-04-02', address: 'Aul', sheet: '' } },
    ]);
  });

  it('reads an archive written by other means than a spreadsheet program', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>sheet</t></is></c></row><row r="3"><c r="A3"><v>7</v></c></row>';
    expect(await rowsOf(XLSX, zipOf(xlsxParts(sheet)))).toEqual([{ line: 3, value: { sheet: '7' } }]);
  });

  it('refuses what is no XLSX', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    expect(await refusal(XLSX, noise)).toEqual([['(body)', 'INVALID_FORMAT', undefined]]);
    const truncated = (await xlsxOf([['iin'], ['1']])).subarray(0, 500);
    expect(await refusal(XLSX, truncated)).toEqual([['(body)', 'INVALID_FORMAT', undefined]]);
  });

  it('answers an XLSX with any bytes changed with rows or a ValidationError, never anything else', async () => {
    const file = await xlsxOf([[...VOTER_COLUMNS], ['850402300011', 'Асқар', '1985-04-02', 'Ақтоғай']]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (changes) => {
          const changed = Buffer.from(file);
          for (const [at, byte] of changes) changed[at] = byte;
          await readBody(XLSX, changed, bulk).catch((error: unknown) => {
            if (!(error instanceof ValidationError)) throw error;
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses, before reading it, an archive that unpacks beyond bounds or a sheet that reaches too far', async () => {
    const bomb = zipOf(xlsxParts(`<row r="1"><c r="A1"><v>1</v></c></row>${' '.repeat(40 * 1024 * 1024)}`));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(XLSX, bomb)).toEqual([['(body)', 'SPREADSHEET_TOO_LARGE', undefined]]);
    for (const far of [
      '<row r="1"><c r="AZ1"><v>1</v></c></row>',
      '<row r="999999999"><c r="A999999999"><v>1</v></c></row>',
    ]) {
      expect(await refusal(XLSX, zipOf(xlsxParts(far)))).toEqual([
        ['(body)', 'SPREADSHEET_TOO_LARGE', undefined],
      ]);
    }
    const hidden = '<row r="1"><c r="&#65;&#90;1"><v>1</v></c></row>';
    expect(await refusal(XLSX, zipOf(xlsxParts(hidden)))).toEqual([['(body)', 'INVALID_FORMAT', undefined]]);
  });
});
