import type { Language, LocalizedText } from '../language.ts';
import { wallClockAt } from '../local-date.ts';

/**
 * How messages say numbers, dates, times and lists in kk/ru/en. Dates and times are the election's local time,
 * in the words people use (../shared/glossary.md), never a raw ISO instant: the law's moments are 18:00 local.
 */

/** The same text in every language: a number, an id, a value the person typed. */
export function same(text: string): LocalizedText {
  return { kk: text, ru: text, en: text };
}

/** A value the person typed or must type (an API value, a file name): quoted, not translated. */
export function literal(value: unknown): string {
  return `«${String(value ?? '')}»`;
}

/** Joins localized parts, each language with its own parts. */
export function joined(parts: readonly LocalizedText[], separator = ', '): LocalizedText {
  const of = (language: Language) => parts.map((part) => part[language]).join(separator);
  return { kk: of('kk'), ru: of('ru'), en: of('en') };
}

const russianPlural = new Intl.PluralRules('ru');

/**
 * The Russian noun form that agrees with `count` («1 день», «3 дня», «5 дней», «1,5 дня»): Intl's plural
 * categories, so that 11–14 and 21, 22… come out right.
 */
export function russianCount(
  count: number,
  forms: { readonly one: string; readonly few: string; readonly many: string },
): string {
  const category = russianPlural.select(count);
  const noun = category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
  return `${count} ${noun}`;
}

/** Russian «дня/дней» after «за», «не менее чем за» and the like: the genitive that agrees with the count. */
export const russianDays = (count: number) => russianCount(count, { one: 'день', few: 'дня', many: 'дней' });

const kazakhMonthsLocative = [
  'қаңтарда',
  'ақпанда',
  'наурызда',
  'сәуірде',
  'мамырда',
  'маусымда',
  'шілдеде',
  'тамызда',
  'қыркүйекте',
  'қазанда',
  'қарашада',
  'желтоқсанда',
] as const;
/** «25 февраля»: the month after its day, as Russian dates say it (also the desk's printed documents). */
export const russianMonthsGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;
const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The Kazakh locative ending of a spoken number (сағат 18:00-де, 09:30-да): it follows the last word said,
 * so its vowel (back а / front е) and first consonant (д after voiced sounds, т after voiceless) come from there.
 */
export function kazakhLocativeOfNumber(n: number): 'да' | 'де' | 'та' | 'те' {
  const units = n % 10;
  const tens = Math.floor(n / 10) % 10;
  // The last word said: the units when there are any, otherwise the tens (он, жиырма, отыз, қырық, елу), or нөл.
  const lastWord =
    units !== 0
      ? ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'][units]
      : tens !== 0
        ? ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'][tens]
        : 'нөл';
  return kazakhLocativeAfter(lastWord ?? 'нөл');
}

/** The locative ending a Kazakh word takes by its last vowel and last sound; у and и follow the vowel before. */
function kazakhLocativeAfter(word: string): 'да' | 'де' | 'та' | 'те' {
  const vowels = [...word].filter((letter) => 'аәеёоөұүыіэюя'.includes(letter));
  const last = vowels.at(-1) ?? 'е';
  const front = 'әеөүіиэ'.includes(last);
  const voiceless = 'кқптсфхцчшщ'.includes(word.at(-1) ?? '');
  if (voiceless) return front ? 'те' : 'та';
  return front ? 'де' : 'да';
}

/** What the clocks of `timeZone` show at `instant`, or null for a zone or an instant Intl does not take. */
function localReading(instant: string, timeZone: string) {
  const wall = wallClockAt(instant, timeZone);
  if (wall === null) return null;
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
}

function dayWords(year: number, month: number, day: number): LocalizedText {
  return {
    kk: `${year} жылғы ${day} ${kazakhMonthsLocative[month - 1] ?? ''}`,
    ru: `${day} ${russianMonthsGenitive[month - 1] ?? ''} ${year} г.`,
    en: `${day} ${englishMonths[month - 1] ?? ''} ${year}`,
  };
}

/**
 * A calendar date (YYYY-MM-DD) in words: kk in the locative («2026 жылғы 20 ақпанда»), ru «20 февраля 2026 г.»,
 * en «20 February 2026». Something that is not such a date is quoted as it is.
 */
export function dateInWords(date: unknown): LocalizedText {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date));
  if (match === null) return same(literal(date));
  return dayWords(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An instant as the clocks of the election showed it, with the words the glossary gives: «2026 жылғы 20 ақпанда
 * сағат 18:00-де (жергілікті уақыт)», «20 февраля 2026 г. в 18:00 по местному времени», «20 February 2026 at
 * 18:00 local time». Without a zone Intl takes, the moment is said in UTC, and says so.
 */
export function momentInWords(instant: unknown, timeZone: unknown): LocalizedText {
  const text = String(instant ?? '');
  const zoned = typeof timeZone === 'string' ? localReading(text, timeZone) : null;
  const reading = zoned ?? localReading(text, 'UTC');
  if (reading === null) return same(literal(text));
  const hh = String(reading.hour).padStart(2, '0');
  const mm = String(reading.minute).padStart(2, '0');
  const spoken = reading.minute === 0 ? reading.hour : reading.minute;
  const day = dayWords(reading.year, reading.month, reading.day);
  const zone =
    zoned === null
      ? { kk: 'UTC бойынша', ru: 'по UTC', en: 'UTC' }
      : { kk: 'жергілікті уақыт', ru: 'по местному времени', en: 'local time' };
  return {
    kk: `${day.kk} сағат ${hh}:${mm}-${kazakhLocativeOfNumber(spoken)} (${zone.kk})`,
    ru: `${day.ru} в ${hh}:${mm} ${zone.ru}`,
    en: `${day.en} at ${hh}:${mm} ${zone.en}`,
  };
}
