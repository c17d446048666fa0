import { documentKindName, educationLevelName } from './case-terms.ts';
import { num, s, type Template } from './details.ts';
import { dateInWords, joined, literal, russianCount } from './wording.ts';

/** The findings of the eligibility check (CLE 113-2, LGA 36, Civil Service Law 19), in kk/ru/en; grounds are added where they are listed. */
export const eligibilityFindingMessages = {
  UNDER_MINIMUM_AGE: (d) => {
    const on = dateInWords(d.on);
    return {
      kk: `Кандидат ${on.kk} ${s(d.minimum)} жасқа толмайды.`,
      ru: `Кандидату не исполнится ${russianCount(num(d.minimum), { one: 'год', few: 'года', many: 'лет' })} к ${on.ru}.`,
      en: `The candidate will not be ${s(d.minimum)} by ${on.en}.`,
    };
  },
  NOT_A_CITIZEN: () => ({
    kk: 'Кандидат Қазақстан Республикасының азаматы емес.',
    ru: 'Кандидат не является гражданином Республики Казахстан.',
    en: 'The candidate is not a citizen of Kazakhstan.',
  }),
  CONSECUTIVE_TERMS_LIMIT: (d) => ({
    kk: `Бір адам осы лауазымды қатарынан ${s(d.maximum)} реттен артық атқара алмайды.`,
    ru: `Одно лицо не может занимать эту должность более ${russianCount(num(d.maximum), { one: 'раза', few: 'раз', many: 'раз' })} подряд.`,
    en: `The same person cannot hold this post more than ${s(d.maximum)} times in a row.`,
  }),
  DOCUMENTS_MISSING: (d) => {
    const missing = joined((Array.isArray(d.missing) ? d.missing : [d.missing]).map(documentKindName));
    return {
      kk: `Құжаттар жетіспейді: ${missing.kk}.`,
      ru: `Не хватает документов: ${missing.ru}.`,
      en: `Documents missing: ${missing.en}.`,
    };
  },
  EDUCATION_INSUFFICIENT: (d) => {
    const minimum = educationLevelName(d.minimum);
    return {
      kk: `Білім деңгейі талапқа сай емес: кемінде ${minimum.kk} керек.`,
      ru: `Уровень образования ниже требуемого (требуется не ниже: ${minimum.ru}).`,
      en: `Education below the requirement (at least: ${minimum.en}).`,
    };
  },
  SPECIAL_CHECK_PENDING: () => ({
    kk: 'Арнаулы тексерудің нәтижесі әлі келмеді.',
    ru: 'Результат специальной проверки ещё не получен.',
    en: 'The special check has not reported yet.',
  }),
  SPECIAL_CHECK_FAILED: () => ({
    kk: 'Арнаулы тексеру кандидаттың мемлекеттік қызметке кедергілері бар екенін анықтады.',
    ru: 'Специальная проверка выявила препятствия к поступлению на государственную службу.',
    en: 'The special check found the candidate unfit for public service.',
  }),
  DECLARATIONS_PENDING: () => ({
    kk: 'Кірістер мен мүлік туралы декларациялардың тапсырылғаны расталмаған.',
    ru: 'Не подтверждена подача деклараций о доходах и имуществе.',
    en: 'The filing of the income and asset declarations is not confirmed yet.',
  }),
  // The ground here is the commission's own words: quoted as it was typed.
  DISQUALIFIED: (d) => ({
    kk: `Кандидаттың сайлануына кедергі бар: ${literal(d.ground)}.`,
    ru: `У кандидата есть препятствие к избранию: ${literal(d.ground)}.`,
    en: `The candidate is barred from standing: ${literal(d.ground)}.`,
  }),
} satisfies Record<string, Template>;
