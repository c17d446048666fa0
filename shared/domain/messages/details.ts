import type { LocalizedText } from '../language.ts';
import { literal } from './wording.ts';

/** Facts about the request or the case a message may quote: never personal data. */
export type Details = Readonly<Record<string, unknown>>;
/** A message of the catalogue: its text in kk/ru/en from the details. */
export type Template = (d: Details) => LocalizedText;

/** A detail as text; a list as its items, comma-separated. */
export const s = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
/** A detail, or each item of a list of them, quoted as a person typed it. */
export const quotedList = (value: unknown): string =>
  (Array.isArray(value) ? value : [value]).map((item) => literal(item)).join(', ');
/** A detail as a number. */
export const num = (value: unknown): number => Number(value);
