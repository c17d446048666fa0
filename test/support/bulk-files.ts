import { crc32, deflateRawSync } from 'node:zlib';
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import type { VoterRow } from '../../shared/domain/voter-register.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const windows1251Decoder = new TextDecoder('windows-1251');
const windows1251Byte = new Map(
  Array.from({ length: 256 }, (_, byte) => [windows1251Decoder.decode(Uint8Array.of(byte)), byte]),
);

/** A text as Windows-1251 bytes, as Excel saves "CSV" on a Russian-language Windows (no Kazakh letters there). */
export function windows1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (c) => {
      const byte = windows1251Byte.get(c);
      if (byte === undefined) throw new Error(`not in Windows-1251: ${c}`);
      return byte;
    }),
  );
}

/** A text as UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" saves it. */
export function utf8WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
}

/** CSV text: a header line, then a line per row; a cell with the separator, a quote or a line break is quoted. */
export function csvOf(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  separator = ',',
): string {
  const cell = (value: unknown) => {
    const text = String(value ?? '');
    return /["\r\n;,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(separator)).join('\r\n');
}

export const VOTER_COLUMNS = ['iin', 'fullName', 'birthDate', 'address'] as const;
export const SIGNATURE_COLUMNS = [
  'sheet',
  'line',
  'iin',
  'fullName',
  'birthDate',
  'sex',
  'address',
  'signedOn',
  'collector',
] as const;

export function voterCells(voters: readonly VoterRow[]): string[][] {
  return voters.map((v) => VOTER_COLUMNS.map((column) => v[column]));
}

export function signatureCells(lines: readonly SignatureLine[]): unknown[][] {
  return lines.map((l) => SIGNATURE_COLUMNS.map((column) => l[column] ?? ''));
}

/** Voters with Russian names and addresses (what Windows-1251 holds); the third one's address spans three lines. */
export function cyrillicVoters(voters: readonly VoterRow[]): VoterRow[] {
  return voters.map((v, i) => ({
    ...v,
    fullName: `Иванов${i % 2 === 0 ? 'а' : ''} Ёлка ${i}`,
    address: i === 2 ? 'с. Актогай,\nул. Абая,\nд. «2»' : `с. Актогай, ул. Абая, д. ${i}; кв. "${i}"`,
  }));
}

/** An XLSX of one sheet: strings as text cells, numbers as number cells, dates as date cells. */
export async function xlsxOf(rows: readonly (readonly (string | number | Date | null)[])[]): Promise<Buffer> {
  const sheet: Cell[][] = rows.map((row) =>
    row.map((value) =>
      value instanceof Date
        ? { value, type: Date, format: 'dd.mm.yyyy' }
        : typeof value === 'number'
          ? { value, type: Number }
          : value,
    ),
  );
  return writeXlsxFile(sheet).toBuffer();
}

/** A ZIP header of `size` bytes, each [offset, width, value] written little-endian. */
function zipHeader(size: number, fields: readonly (readonly [number, 2 | 4, number])[]): Buffer {
  const header = Buffer.alloc(size);
  for (const [at, width, value] of fields) header.writeUIntLE(value, at, width);
  return header;
}

/** A ZIP archive of the given entries, each deflated: to build an XLSX no spreadsheet program would write. */
export function zipOf(entries: Readonly<Record<string, string | Buffer>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name);
    // Deflated, the checksum, both sizes and the name's length: the same fields in both headers, from `at` on.
    const sizes = (at: number) =>
      [
        [at, 2, 8],
        [at + 6, 4, crc32(data)],
        [at + 10, 4, packed.length],
        [at + 14, 4, data.length],
        [at + 18, 2, fileName.length],
      ] as const;
    const local = zipHeader(30, [[0, 4, 0x04034b50], [4, 2, 20], ...sizes(8)]);
    const central = zipHeader(46, [
      [0, 4, 0x02014b50],
      [4, 2, 20],
      [6, 2, 20],
      ...sizes(10),
      [42, 4, offset],
    ]);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const count = centrals.length / 2;
  const end = zipHeader(22, [
    [0, 4, 0x06054b50],
    [8, 2, count],
    [10, 2, count],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal XLSX around one sheet's XML. */
export function xlsxParts(sheetData: string): Record<string, string> {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
}
