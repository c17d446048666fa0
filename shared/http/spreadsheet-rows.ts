import { csvRows } from './csv-rows.ts';
import { type SpreadsheetReader, UnsupportedMediaTypeError, XLSX_MEDIA_TYPE } from './request-body.ts';
import { xlsxRows } from './xlsx-rows.ts';

/** What a CSV's declared charset asks for: Windows-1251, or UTF-8 (ASCII is part of it). Any other is refused. */
function csvEncoding(charset: string | undefined): 'windows-1251' | undefined {
  if (charset === undefined || ['utf-8', 'utf8', 'us-ascii'].includes(charset)) return undefined;
  if (['windows-1251', 'cp1251', 'x-cp1251'].includes(charset)) return 'windows-1251';
  throw new UnsupportedMediaTypeError(`text/csv; charset=${charset}`);
}

/**
 * The rows of a CSV (UTF-8, or Windows-1251: see `csvText`) or an XLSX (its first sheet), for the bulk routes'
 * files; null for any other type.
 */
export const spreadsheetRows: SpreadsheetReader = async (type, charset, bytes) => {
  if (type === 'text/csv') return csvRows(bytes, csvEncoding(charset));
  if (type === XLSX_MEDIA_TYPE) return xlsxRows(bytes);
  return null;
};
