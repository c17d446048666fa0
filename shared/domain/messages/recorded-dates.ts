import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { dateInWords } from './wording.ts';

/** Messages of dates a record states (`recorded-dates.ts`), in kk/ru/en. */
export const recordedDateMessages = {
  DATE_AFTER_TODAY: (d: Details): LocalizedText => {
    const date = dateInWords(d.date);
    const today = dateInWords(d.today);
    return {
      kk: `Көрсетілген күн (${date.kk}) әлі келген жоқ: бүгін ${today.kk}. Болып өткен іс қана енгізіледі.`,
      ru: `Указанная дата (${date.ru}) ещё не наступила: сегодня ${today.ru}. Вносится только то, что уже произошло.`,
      en: `The date given (${date.en}) is still to come: today is ${today.en}. Only what has already happened is recorded.`,
    };
  },
};
