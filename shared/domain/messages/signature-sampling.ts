import type { LocalizedText } from '../language.ts';

/** Messages of sample-based signature checking (`signature-sampling.ts`), in kk/ru/en. */
export const signatureSamplingMessages = {
  SIGNATURE_SAMPLE_EMPTY: () => ({
    kk: 'Іріктеп тексеру ережесі бірде-бір жолды таңдамайды: жолдардың үлесін немесе ең аз жол санын нөлден артық етіп көрсетіңіз.',
    ru: 'Правило выборочной проверки не выбирает ни одной строки: укажите долю строк или наименьшее число строк больше нуля.',
    en: 'The sampling rule draws no line: give a share of lines or a minimum number of lines above zero.',
  }),
  SIGNATURE_CHECK_CONTENT_CHANGED: () => ({
    kk: 'Сақталған жолдар тапсырылған жолдармен сәйкес келмейді: олардың хэші тапсырманың сәйкестендіргішіне тең емес, сондықтан іріктеу де басқа болар еді.',
    ru: 'Сохранённые строки не совпадают со сданными: их хеш не равен идентификатору сдачи, поэтому и выборка была бы иной.',
    en: 'The stored lines are not those handed in: their hash is not the submission’s id, so the sample would differ too.',
  }),
  SIGNATURE_CHECK_LINES_NOT_AS_POLICY: () => ({
    kk: 'Тексерілген жолдар ереже талап ететін жолдар емес: іріктеуге түскен жолдар немесе ең аз санға дейінгі жолдар ғана тексерілуі керек еді.',
    ru: 'Проверены не те строки, которые требует правило: должны были быть проверены только строки выборки или строки до достижения минимума.',
    en: 'The lines checked are not those the rule calls for: only the drawn lines, or the lines up to the minimum, should have been checked.',
  }),
  SIGNATURE_CHECK_VERDICT_DIFFERS: () => ({
    kk: 'Сақталған жолдардан қайта есептелген шешім сақталған шешімнен өзгеше.',
    ru: 'Решение, пересчитанное по сохранённым строкам, отличается от сохранённого решения.',
    en: 'The verdict recomputed from the stored lines differs from the stored verdict.',
  }),
} satisfies Record<string, (details: Readonly<Record<string, unknown>>) => LocalizedText>;
