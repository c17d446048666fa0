import { russianMonthsGenitive } from '../../../shared/domain/messages/wording.ts';
import { localDateTime } from '../lib/exports/local-time-text.ts';
import { BLANK, type DocumentLanguage, type Signatory } from './document-text.ts';

export type UnitKind = 'village' | 'settlement' | 'rural-district' | 'city-of-district-significance';

/**
 * What every document takes besides its record: the election (its unit, day and time zone) and the commission
 * that signs (given when the election is called, optional there). Where the election has no commission, or a
 * decision no number, the document leaves a blank line to fill in by hand.
 */
export interface DocumentContext {
  readonly election: {
    readonly unit: { readonly kind: UnitKind; readonly nameKk: string; readonly nameRu: string };
    readonly electionDay: string;
    readonly timeZone: string;
  };
  readonly commission?: {
    readonly nameKk?: string | null;
    readonly nameRu?: string | null;
    readonly chair?: string | null;
    readonly secretary?: string | null;
  };
  /** A party's name for its id (the API names parties by id); the id itself when absent. */
  readonly partyName?: (partyId: string) => string;
}

const kazakhMonths = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

/** A calendar date as a document's heading writes it: «2026 жылғы 25 ақпан», «25 февраля 2026 г.». */
export function documentDate(date: string, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return BLANK;
  const [, year, month, day] = match;
  const index = Number(month) - 1;
  return language === 'kk'
    ? `${year} жылғы ${Number(day)} ${kazakhMonths[index] ?? ''}`
    : `${Number(day)} ${russianMonthsGenitive[index] ?? ''} ${year} г.`;
}

/** The local calendar date of an instant in the election's time zone. */
export function localDateOfInstant(instant: string, timeZone: string): string {
  return localDateTime(instant, timeZone).slice(0, 10);
}

/** «… № 5/12», or a blank for the number when the record has none. */
export function dateAndNumber(date: string, number: unknown, language: DocumentLanguage): string {
  const text = typeof number === 'string' && number.trim() !== '' ? number.trim() : BLANK;
  return `${documentDate(date, language)} № ${text}`;
}

export function issuerOf(context: DocumentContext, language: DocumentLanguage): string {
  const given = language === 'kk' ? context.commission?.nameKk : context.commission?.nameRu;
  if (typeof given === 'string' && given.trim() !== '') return given.trim();
  return language === 'kk' ? 'Аумақтық сайлау комиссиясы' : 'Территориальная избирательная комиссия';
}

export function signatoriesOf(context: DocumentContext, language: DocumentLanguage): Signatory[] {
  const name = (value: string | null | undefined) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  return [
    {
      role: language === 'kk' ? 'Комиссия төрағасы' : 'Председатель комиссии',
      name: name(context.commission?.chair),
    },
    {
      role: language === 'kk' ? 'Комиссия хатшысы' : 'Секретарь комиссии',
      name: name(context.commission?.secretary),
    },
  ];
}
