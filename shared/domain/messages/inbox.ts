import type { LocalizedText } from '../language.ts';
import { stepName } from './case-terms.ts';
import { type Details, s, type Template } from './details.ts';
import { momentInWords } from './wording.ts';

/**
 * What a case tells the account it waits for, or whose it is (the inbox, `inbox.ts`), in kk/ru/en, moments in
 * the election's local time. In the inbox the candidate's name is quoted as filed; beyond the desk (SNS, where no
 * name goes) the details carry only the case's id, and the words name the case by it.
 */

/** Whether the details name the candidate (the inbox) or only the case (a published notice). */
const named = (d: Details): boolean => d.candidate !== undefined;
const caseNo = (d: Details) => `№ «${s(d.caseId)}»`;

const decided = (d: Details): LocalizedText => {
  const name = s(d.candidate);
  if (d.step === 'cancellation') {
    return named(d)
      ? {
          kk: `«${name}» кандидатының тіркелуінің күші жойылды.`,
          ru: `Регистрация кандидата «${name}» отменена.`,
          en: `The registration of «${name}» was cancelled.`,
        }
      : {
          kk: `${caseNo(d)} іс бойынша кандидаттың тіркелуінің күші жойылды.`,
          ru: `По делу ${caseNo(d)} регистрация кандидата отменена.`,
          en: `Case ${caseNo(d)}: the candidate's registration was cancelled.`,
        };
  }
  if (d.outcome === 'registered') {
    return named(d)
      ? {
          kk: `«${name}» кандидат болып тіркелді.`,
          ru: `Кандидат «${name}» зарегистрирован.`,
          en: `«${name}» was registered as a candidate.`,
        }
      : {
          kk: `${caseNo(d)} іс бойынша кандидат тіркелді.`,
          ru: `По делу ${caseNo(d)} кандидат зарегистрирован.`,
          en: `Case ${caseNo(d)}: the candidate was registered.`,
        };
  }
  return named(d)
    ? {
        kk: `«${name}» кандидатын тіркеуден бас тартылды.`,
        ru: `В регистрации кандидата «${name}» отказано.`,
        en: `Registration of «${name}» was refused.`,
      }
    : {
        kk: `${caseNo(d)} іс бойынша кандидатты тіркеуден бас тартылды.`,
        ru: `По делу ${caseNo(d)} в регистрации кандидата отказано.`,
        en: `Case ${caseNo(d)}: registration of the candidate was refused.`,
      };
};

export const inboxMessages = {
  CASE_WAITING_FOR_YOU: (d) => {
    const step = stepName(d.step);
    const by = momentInWords(d.deadline, d.timeZone);
    const whose = named(d)
      ? {
          kk: `«${s(d.candidate)}» кандидатының ісі`,
          ru: `Дело кандидата «${s(d.candidate)}»`,
          en: `The case of «${s(d.candidate)}»`,
        }
      : { kk: `${caseNo(d)} іс`, ru: `Дело ${caseNo(d)}`, en: `Case ${caseNo(d)}` };
    return {
      kk: `${whose.kk} сізді күтіп тұр: ${step.kk}. Мерзімі ${by.kk} бітеді.`,
      ru: `${whose.ru} ждёт вас: ${step.ru}. Срок истекает ${by.ru}.`,
      en: `${whose.en} waits for you: ${step.en}. The deadline is ${by.en}.`,
    };
  },
  DEADLINE_NEAR: (d) => {
    const step = stepName(d.step);
    const by = momentInWords(d.deadline, d.timeZone);
    const whose = named(d)
      ? {
          kk: `«${s(d.candidate)}» кандидатының ісі`,
          ru: `По делу кандидата «${s(d.candidate)}»`,
          en: `in the case of «${s(d.candidate)}»`,
        }
      : { kk: `${caseNo(d)} іс`, ru: `По делу ${caseNo(d)}`, en: `in case ${caseNo(d)}` };
    return {
      kk: `${whose.kk} бойынша мерзім жақындады: ${step.kk} ${by.kk} дейін.`,
      ru: `${whose.ru} близок срок: ${step.ru} до ${by.ru}.`,
      en: `A deadline is near ${whose.en}: ${step.en} by ${by.en}.`,
    };
  },
  SIGNATURES_SHORT: (d) => {
    const by = momentInWords(d.deadline, d.timeZone);
    return named(d)
      ? {
          kk: `«${s(d.candidate)}» кандидатын қолдайтын жарамды қолдар әлі жеткіліксіз. Қол қою парақтарын ${by.kk} дейін тапсыруға болады.`,
          ru: `Действительных подписей в поддержку кандидата «${s(d.candidate)}» пока недостаточно. Подписные листы можно представить до ${by.ru}.`,
          en: `There are not yet enough valid signatures supporting «${s(d.candidate)}». Signature sheets may be handed in until ${by.en}.`,
        }
      : {
          kk: `${caseNo(d)} іс бойынша жарамды қолдар әлі жеткіліксіз. Қол қою парақтарын ${by.kk} дейін тапсыруға болады.`,
          ru: `По делу ${caseNo(d)} действительных подписей пока недостаточно. Подписные листы можно представить до ${by.ru}.`,
          en: `Case ${caseNo(d)}: there are not yet enough valid signatures. Signature sheets may be handed in until ${by.en}.`,
        };
  },
  CASE_DECIDED: decided,
} satisfies Record<string, Template>;
