import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';

/**
 * What the evidence verifier finds when it recomputes a submission's signature check from the pack
 * (`recomputeCheck`, `signature-check-audit.ts`), in kk/ru/en: what was recorded and what the stored lines give,
 * in words. Details are outcomes, counts, places and ids, never personal data.
 */

const outcomes: Readonly<Record<string, LocalizedText>> = {
  'counted-in-full': {
    kk: 'барлық жол тексерілген',
    ru: 'проверены все строки',
    en: 'every line checked',
  },
  'minimum-verified': {
    kk: 'қажетті ең аз сан расталғанға дейін тексерілген',
    ru: 'проверено до подтверждения необходимого минимума',
    en: 'checked until the minimum was verified',
  },
  'sample-qualifies': {
    kk: 'іріктеу бойынша қолдар жеткілікті',
    ru: 'по выборке подписей достаточно',
    en: 'enough signatures by the sample',
  },
  'sample-fails': {
    kk: 'іріктеу бойынша қолдар жеткіліксіз',
    ru: 'по выборке подписей недостаточно',
    en: 'not enough signatures by the sample',
  },
};
const unknownOutcome: LocalizedText = { kk: 'белгісіз', ru: 'неизвестно', en: 'unknown' };

/** A check's outcome and sufficiency in words: «барлық жол тексерілген, қолдар жеткілікті». */
function verdictInWords(value: unknown): LocalizedText {
  const verdict = typeof value === 'object' && value !== null ? (value as Details) : {};
  const outcome =
    typeof verdict.outcome === 'string' && Object.hasOwn(outcomes, verdict.outcome)
      ? (outcomes[verdict.outcome] ?? unknownOutcome)
      : unknownOutcome;
  const enough = verdict.sufficient === true;
  return {
    kk: `${outcome.kk}, ${enough ? 'қолдар жеткілікті' : 'қолдар жеткіліксіз'}`,
    ru: `${outcome.ru}, ${enough ? 'подписей достаточно' : 'подписей недостаточно'}`,
    en: `${outcome.en}, ${enough ? 'enough signatures' : 'not enough signatures'}`,
  };
}

const n = (value: unknown): string => String(value ?? '—');

export const evidenceSignatureCheckProblems = {
  SIGNATURE_CHECK_CONTENT_CHANGED: (d: Details) => ({
    kk: `Бұл жіберілімнің жинақтағы жолдары тапсырылған жолдар емес: олардың хеші ${n(d.seq)}-оқиға атаған жіберілімнің сәйкестендіргішіне тең емес, сондықтан іріктеу де басқа болар еді.`,
    ru: `Строки этой подачи в пакете не те, что были сданы: их хеш не равен идентификатору подачи из события ${n(d.seq)}, поэтому и выборка была бы иной.`,
    en: `This submission’s lines in the pack are not those handed in: their hash is not the submission id event ${n(d.seq)} names, so the sample would differ too.`,
  }),
  SIGNATURE_CHECK_LINES_NOT_AS_POLICY: (d: Details) => ({
    kk: `Бұл жіберілімде тексерілмеген деп белгіленген жолдар (${n(d.notChecked)}) ереже тексермейтін жолдар емес: іріктеуге түскен жолдар немесе ең аз санға дейінгі жолдар ғана тексерілуі керек еді.`,
    ru: `Строки этой подачи, отмеченные как непроверенные (${n(d.notChecked)}), не те, что правило оставляет без проверки: проверяются только строки выборки или строки до достижения минимума.`,
    en: `The lines of this submission marked unchecked (${n(d.notChecked)}) are not those the rule leaves unchecked: only the drawn lines, or the lines up to the minimum, are checked.`,
  }),
  SIGNATURE_CHECK_VERDICT_DIFFERS: (d: Details) => {
    const recorded = verdictInWords(d.recorded);
    const recomputed = verdictInWords(d.recomputed);
    return {
      kk: `Жинақтағы жолдардан қайта есептелген шешім ${n(d.seq)}-оқиға жазған шешімнен өзгеше: жазылғаны — ${recorded.kk}; қайта есептелгені — ${recomputed.kk}.`,
      ru: `Решение, пересчитанное по строкам пакета, отличается от записанного в событии ${n(d.seq)}: записано — ${recorded.ru}; по пересчёту — ${recomputed.ru}.`,
      en: `The verdict recomputed from the pack’s lines differs from the one event ${n(d.seq)} recorded: recorded, ${recorded.en}; recomputed, ${recomputed.en}.`,
    };
  },
  SIGNATURE_CHECK_UNREADABLE: (d: Details) => ({
    kk: `${n(d.seq)}-оқиғадағы қолдарды тексеру тәсілінің жазбасы оқылмайды: шешімді қайта есептеу мүмкін емес.`,
    ru: `Запись о способе проверки подписей в событии ${n(d.seq)} не читается: решение нельзя пересчитать.`,
    en: `The record of how the signatures were checked in event ${n(d.seq)} cannot be read: the verdict cannot be recomputed.`,
  }),
} satisfies Record<string, (d: Details) => LocalizedText>;
