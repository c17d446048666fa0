import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { momentInWords } from './wording.ts';

/**
 * Messages of the cancellation of registration, of reinstatement on appeal, and the public wording of the
 * categories of legal grounds published next to the registered list. Codes are never put inside a sentence: the
 * field an issue names says which ground or date is at fault.
 */

const CLE = {
  kk: '«Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның',
  ru: 'Конституционного закона «О выборах в Республике Казахстан»',
  en: 'the Constitutional Law “On Elections in the Republic of Kazakhstan”',
};

export const cancellationAndReinstatementMessages = {
  CANCELLATION_GROUND_UNKNOWN: () => ({
    kk: 'Бұл негіз осы сайлауда тіркеудің күшін жою негіздерінің тізімінде жоқ.',
    ru: 'Этого основания нет в перечне оснований отмены регистрации на этих выборах.',
    en: 'This ground is not on this election’s list of grounds for cancelling a registration.',
  }),
  REINSTATEMENT_ALREADY_RECORDED: (d: Details) => {
    const at = momentInWords(d.recordedAt, d.timeZone);
    return {
      kk: `Бұл шешім осы іс бойынша ${at.kk} тіркелген; бір шешім екі рет тіркелмейді.`,
      ru: `Это решение уже внесено по этому делу ${at.ru}; одно решение не вносится дважды.`,
      en: `This decision was already recorded on this case on ${at.en}; a decision is recorded once.`,
    };
  },
  REINSTATEMENT_AFTER_REGISTRATION_CLOSE: (d: Details) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Кандидаттарды тіркеу ${at.kk} аяқталды: іс комиссияның тіркеу туралы шешіміне қайтарылмайды. Шешім кандидатты тіркесе, оны тіркелген деп енгізіңіз.`,
      ru: `Регистрация кандидатов завершилась ${at.ru}: дело нельзя вернуть на решение комиссии о регистрации. Если решение регистрирует кандидата, внесите его как регистрацию.`,
      en: `Registration of candidates closed on ${at.en}: the case cannot go back to the commission’s registration decision. If the decision registers the candidate, record it as a registration.`,
    };
  },
  DECISION_DATE_IN_FUTURE: () => ({
    kk: 'Шешімнің күні әлі келген жоқ: күні өткен шешім ғана енгізіледі.',
    ru: 'Дата решения ещё не наступила: вносится только уже принятое решение.',
    en: 'The decision’s date is still to come: only a decision already taken is recorded.',
  }),
  DECISION_DATE_BEFORE_OVERTURNED: () => ({
    kk: 'Шешімнің күні ол жойатын комиссия шешімінен бұрын болуы мүмкін емес.',
    ru: 'Решение не может быть датировано раньше решения комиссии, которое оно отменяет.',
    en: 'The decision cannot be dated before the commission’s decision it overturns.',
  }),

  // --- the categories of legal grounds, as published next to the registered list ---
  GROUND_CATEGORY_CANDIDATE_REQUIREMENTS: () => ({
    kk: `${CLE.kk} 113-2-бабында кандидатқа қойылатын талаптарға сәйкес келмейді.`,
    ru: `Не соответствует требованиям к кандидату статьи 113-2 ${CLE.ru}.`,
    en: `Does not meet the requirements for a candidate of article 113-2 of ${CLE.en}.`,
  }),
  GROUND_CATEGORY_QUALIFICATION: () => ({
    kk: `${CLE.kk} 113-2-бабы бойынша лауазымға қойылатын біліктілік талаптарына сәйкес келмейді.`,
    ru: `Не соответствует квалификационным требованиям к должности по статье 113-2 ${CLE.ru}.`,
    en: `Does not meet the qualification requirements for the post under article 113-2 of ${CLE.en}.`,
  }),
  GROUND_CATEGORY_CLE_4_4: () => ({
    kk: `${CLE.kk} 4-бабының 4-тармағының талаптарына сәйкес келмейді.`,
    ru: `Не соответствует требованиям пункта 4 статьи 4 ${CLE.ru}.`,
    en: `Does not meet the requirements of article 4, paragraph 4 of ${CLE.en}.`,
  }),
  GROUND_CATEGORY_DOCUMENTS: () => ({
    kk: 'Тіркеуге қажетті құжаттар толық ұсынылмаған.',
    ru: 'Документы, необходимые для регистрации, представлены не полностью.',
    en: 'The documents required for registration were not submitted in full.',
  }),
  GROUND_CATEGORY_FALSE_INFORMATION: () => ({
    kk: 'Ұсынылған құжаттарда анық емес мәліметтер бар.',
    ru: 'Представленные документы содержат недостоверные сведения.',
    en: 'The documents submitted contain false information.',
  }),
  GROUND_CATEGORY_NOMINATION_PROCEDURE: () => ({
    kk: `${CLE.kk} 113-3-бабында белгіленген кандидатты ұсыну тәртібі бұзылған.`,
    ru: `Нарушен порядок выдвижения кандидата, установленный статьёй 113-3 ${CLE.ru}.`,
    en: `The procedure for nominating a candidate under article 113-3 of ${CLE.en} was not followed.`,
  }),
  GROUND_CATEGORY_ELIGIBILITY_LOST: () => ({
    kk: `Тіркелгеннен кейін ${CLE.kk} 113-2-бабында кандидатқа қойылатын талаптарға сәйкес келмей қалды.`,
    ru: `После регистрации перестал соответствовать требованиям к кандидату статьи 113-2 ${CLE.ru}.`,
    en: `Ceased to meet the requirements for a candidate of article 113-2 of ${CLE.en} after registration.`,
  }),
  GROUND_CATEGORY_COURT_DECISION: () => ({
    kk: 'Соттың шешімі бойынша.',
    ru: 'По решению суда.',
    en: 'By a court decision.',
  }),
  GROUND_CATEGORY_OTHER: () => ({
    kk: 'Осы сайлаудың негіздер тізіміндегі өзге құқықтық негіз.',
    ru: 'Иное правовое основание из перечня этих выборов.',
    en: 'Another legal ground on this election’s list.',
  }),
} satisfies Record<string, (d: Details) => LocalizedText>;
