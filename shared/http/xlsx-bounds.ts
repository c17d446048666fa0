import { inflateRawSync } from 'node:zlib';
import { ValidationError } from '../domain/errors.ts';
import { MAX_ROWS, unreadable } from './file-rows.ts';

/** What an XLSX may unpack to: room for the largest register with the markup XML adds to it. */
const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** How far a sheet may reach: the reader fills every row, and every column, up to the furthest cell. */
const MAX_SHEET_ROW = 2 * MAX_ROWS;
const MAX_SHEET_COLUMN = 32;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** ZIP64 marks sizes and offsets this way; an upload of 6 MB has no need of it. */
const ZIP64 = 0xffffffff;

function tooLarge(): ValidationError {
  return new ValidationError([
    {
      field: '(body)',
      code: 'SPREADSHEET_TOO_LARGE',
      details: {
        maximumMegabytes: MAX_UNPACKED_BYTES / 1024 / 1024,
        maximumRow: MAX_SHEET_ROW,
        maximumColumn: columnName(MAX_SHEET_COLUMN),
      },
    },
  ]);
}

interface Entry {
  readonly name: Buffer;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** The archive's own list of its entries (its central directory, closed by the record that ends the file). */
function centralDirectory(zip: Buffer): { readonly entries: Entry[]; readonly offset: number } {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length || end + 22 + zip.readUInt16LE(end + 20) !== zip.length)
    throw unreadable('XLSX');
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  let at = offset;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL_HEADER) throw unreadable('XLSX');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      name: zip.subarray(at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
    };
    // Encrypted, or compressed otherwise than stored or deflated: nothing a spreadsheet program writes.
    const encrypted = (zip.readUInt16LE(at + 8) & 1) !== 0;
    if (encrypted || (entry.method !== 0 && entry.method !== 8)) throw unreadable('XLSX');
    if ([entry.compressedSize, entry.size, entry.offset].includes(ZIP64)) throw unreadable('XLSX');
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  if (at !== end) throw unreadable('XLSX');
  return { entries: entries.sort((a, b) => a.offset - b.offset), offset };
}

/**
 * The bytes an entry holds, unpacked. The reader walks the entries one after the other as a stream does, so
 * the entries must follow each other exactly as the directory lists them (nothing hidden between), each local
 * header saying what the directory says, and each unpacking to exactly its listed size.
 */
function unpack(zip: Buffer, entry: Entry, at: number): { content: Buffer; next: number } {
  if (entry.offset !== at || at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER)
    throw unreadable('XLSX');
  const flags = zip.readUInt16LE(at + 6);
  const compressedSize = zip.readUInt32LE(at + 18);
  const nameLength = zip.readUInt16LE(at + 26);
  const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length || !zip.subarray(at + 30, at + 30 + nameLength).equals(entry.name))
    throw unreadable('XLSX');
  let next = end;
  // As the reader decides: sizes in the local header, or (data descriptor) the data runs to its signature.
  if ((flags & 0x08) === 0 || compressedSize > 0) {
    if (compressedSize !== entry.compressedSize || zip.readUInt32LE(at + 22) !== entry.size)
      throw unreadable('XLSX');
  } else {
    const signature = Buffer.alloc(4);
    signature.writeUInt32LE(DATA_DESCRIPTOR);
    if (zip.indexOf(signature, start) !== end) throw unreadable('XLSX');
    next = end + 16;
  }
  const data = zip.subarray(start, end);
  let content: Buffer;
  try {
    content = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw unreadable('XLSX');
  }
  if (content.length !== entry.size) throw unreadable('XLSX');
  return { content, next };
}

/** Column letters as a number: A is 1, Z 26, AA 27. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

function columnName(n: number): string {
  return n <= 26
    ? String.fromCharCode(64 + n)
    : columnName(Math.floor((n - 1) / 26)) + columnName(((n - 1) % 26) + 1);
}

const SHEET_TAG = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const REFERENCE = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Every row and cell of a sheet's XML within reach; a reference written any other way than plainly is refused. */
function requireSheetWithinReach(xml: string): void {
  let rows = 0;
  for (const [, tag, attributes = ''] of xml.matchAll(SHEET_TAG)) {
    const match = REFERENCE.exec(attributes);
    const reference = match?.[1] ?? match?.[2];
    if (tag === 'row') {
      rows += 1;
      if (rows > MAX_SHEET_ROW) throw tooLarge();
      if (reference === undefined) continue;
      if (!/^\d{1,9}$/.test(reference)) throw unreadable('XLSX');
      if (Number(reference) > MAX_SHEET_ROW) throw tooLarge();
    } else if (reference !== undefined) {
      const cell = /^([A-Z]{1,3})(\d{1,9})$/.exec(reference);
      if (cell === null) throw unreadable('XLSX');
      if (columnNumber(cell[1] ?? '') > MAX_SHEET_COLUMN || Number(cell[2]) > MAX_SHEET_ROW) throw tooLarge();
    }
  }
}

/**
 * Refuses an XLSX the reader could not hold before it is given to it: one that unpacks to more than the bound
 * (a "zip bomb" of a few megabytes can unpack to gigabytes), or whose sheets reach further than any list.
 */
export function requireXlsxWithinBounds(bytes: Uint8Array): void {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (zip.length < 22) throw unreadable('XLSX');
  const directory = centralDirectory(zip);
  if (directory.entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED_BYTES) throw tooLarge();
  let at = 0;
  for (const entry of directory.entries) {
    const { content, next } = unpack(zip, entry, at);
    if (entry.name.toString('latin1').endsWith('.xml')) requireSheetWithinReach(content.toString('latin1'));
    at = next;
  }
  if (at !== directory.offset) throw unreadable('XLSX');
}
