import { dateInWords, momentInWords, russianDays } from '../../../shared/domain/messages/wording.ts';
import type { Language } from '../i18n/language.ts';

/**
 * Moments and dates in the words the product's messages use (../shared/glossary.md), from the same functions
 * the API's messages are written with: every instant in the election's own zone (never the browser's), every
 * calendar date as it is written. Browsers' Intl may lack Kazakh month names; these do not.
 */
export function formatInstant(instant: string, language: Language, timeZone: string): string {
  return momentInWords(instant, timeZone)[language];
}

/** A calendar date (YYYY-MM-DD) has no zone: it is shown as the same day everywhere. */
export function formatLocalDate(date: string, language: Language): string {
  return dateInWords(date)[language];
}

const dayWords: Readonly<Record<Language, (days: number) => string>> = {
  kk: (days) => `${days} күн`,
  ru: russianDays,
  en: (days) => `${days} ${days === 1 ? 'day' : 'days'}`,
};

/** Time left as days (a Russian count agrees with its noun) and hh:mm:ss. */
export function formatDuration(milliseconds: number, language: Language): string {
  const totalSeconds = Math.max(0, Math.floor(milliseconds / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const clock = [
    Math.floor((totalSeconds % 86_400) / 3600),
    Math.floor((totalSeconds % 3600) / 60),
    totalSeconds % 60,
  ]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
  return days === 0 ? clock : `${dayWords[language](days)} ${clock}`;
}
