import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvParseRecords, csvRows, onePassRecords } from '../../shared/http/csv-rows.ts';
import { tableRows } from '../../shared/http/file-rows.ts';

const LIMIT = 100_002;
/** The one-pass reader's offsets count UTF-16 units, csv-parse's UTF-8 bytes: compared as bytes. */
const asParsed = (text: string, records: ReturnType<typeof onePassRecords>) =>
  records?.records.map(({ cells, end }) => ({ cells, end: Buffer.byteLength(text.slice(0, end)) }));

/** What csv-parse reads, or null where it refuses the text. */
function parsed(text: string, separator: ';' | ',') {
  try {
    return csvParseRecords(text, separator, LIMIT).records;
  } catch {
    return null;
  }
}

// Pieces a CSV is made of, and the ones that trip readers: quotes, separators, every line break, the whitespace
// csv-parse trims (tab, NBSP, BOM, line separator), Cyrillic and Kazakh letters, and whole quoted cells.
const pieces = [
  ...['"', '""', ';', ',', '\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\ufeff', '\u2028', '\u000b'],
  ...['a', 'Қ', 'ә', 'Иванов', '850402300011', '1985-04-02'],
  ...['"a;b"', '"""x"""', '"\r\n"', '" , "', '""\u00a0', '"ә" '],
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

/** The rows of a text as csv-parse reads it, each with its line counted on the UTF-8 bytes: csvRows before. */
function rowsByCsvParse(text: string, separator: ';' | ',') {
  const bytes = Buffer.from(text);
  const lineAt = (offset: number) =>
    1 +
    bytes.subarray(0, offset).filter((b, i) => b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)).length;
  const skipped = new Set([0x20, 0x09, 0x0a, 0x0d, separator.charCodeAt(0)]);
  const startFrom = (offset: number) => {
    let at = offset;
    while (at < bytes.length && skipped.has(bytes[at] ?? 0)) at += 1;
    return at;
  };
  const [header, ...rest] = csvParseRecords(text, separator, LIMIT).records;
  if (header === undefined) return [];
  return tableRows(
    header.cells,
    rest.map(({ cells }, i) => ({ line: lineAt(startFrom((rest[i - 1] ?? header).end)), cells })),
  );
}

describe('the one-pass CSV reader', () => {
  it('gives csvRows the rows and lines it gave when csv-parse read every file', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<';' | ','>(';', ','), (body, separator) => {
        const text = `iin${separator}fullName${separator}address\n${body}`;
        if (onePassRecords(text, separator, LIMIT) === null) return;
        expect(csvRows(Buffer.from(text), undefined)).toEqual(rowsByCsvParse(text, separator));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads every text it reads at all exactly as csv-parse does: the same cells, the same offsets', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom<';' | ','>(';', ','), (text, separator) => {
        const onePass = onePassRecords(text, separator, LIMIT);
        // Null hands the text to csv-parse: nothing to compare.
        if (onePass === null) return;
        if (
          process.env.DEBUG_CSV &&
          JSON.stringify(asParsed(text, onePass)) !== JSON.stringify(parsed(text, separator))
        )
          console.log(
            'MISMATCH',
            JSON.stringify(text),
            separator,
            JSON.stringify(asParsed(text, onePass)),
            JSON.stringify(parsed(text, separator)),
            JSON.stringify(parsed(text, separator)),
          );
        expect(asParsed(text, onePass)).toEqual(parsed(text, separator));
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves to csv-parse what it refuses', () => {
    for (const text of ['iin;a\n1;"b', 'iin;a\n1;b"c', 'iin;a\n1;"b"c', 'iin;a\n"1"  x;2']) {
      expect(parsed(text, ';')).toBeNull();
      expect(onePassRecords(text, ';', LIMIT)).toBeNull();
    }
  });

  it('reads a register as Excel writes it without csv-parse: quoted cells, CRLF, blank and empty lines', () => {
    const text =
      'iin;fullName;address\r\n850402300011;Асқар;"ж/м ""Жаңа"", д. 5"\r\n\r\n;;\r\n 1 ; "a;\r\nb" ;c\r\n';
    const onePass = onePassRecords(text, ';', LIMIT);
    expect(onePass?.records.map((r) => r.cells)).toEqual([
      ['iin', 'fullName', 'address'],
      ['850402300011', 'Асқар', 'ж/м "Жаңа", д. 5'],
      ['1', 'a;\r\nb', 'c'],
    ]);
    expect(asParsed(text, onePass)).toEqual(parsed(text, ';'));
  });

  it('stops where csv-parse stops: after as many records as it is asked for', () => {
    const text = `iin\n${'1\n\n'.repeat(12)}`;
    expect(onePassRecords(text, ';', 10)?.records).toHaveLength(10);
    expect(asParsed(text, onePassRecords(text, ';', 10))).toEqual(
      csvParseRecords(text, ';', 10).records.map(({ cells, end }) => ({ cells, end })),
    );
  });
});

describe('a table read as rows', () => {
  it('keeps a column headed __proto__ as a field the schema can name, not as the row’s prototype', () => {
    const [row] = tableRows(['iin', '__proto__'], [{ line: 2, cells: ['850402300011', 'x'] }]);
    expect(Object.getPrototypeOf(row?.value)).toBe(Object.prototype);
    expect(Object.keys(row?.value ?? {})).toEqual(['iin', '__proto__']);
  });

  it('names a value under no column, or under a repeated one, and leaves out an empty one', () => {
    const [row] = tableRows(['iin', 'iin', ''], [{ line: 2, cells: ['1', '2', ''] }]);
    expect(row?.value).toEqual({ iin: '1', 'column 2': '2' });
  });
});
