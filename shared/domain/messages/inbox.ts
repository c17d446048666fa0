import type { LocalizedText } from '../language.ts';
import { stepName } from './case-terms.ts';
import { type Details, s, type Template } from './details.ts';
import { momentInWords } from './wording.ts';

/**
 * What a case tells the account it waits for, or whose it is (the inbox, `inbox.ts`), in kk/ru/en. The
 * candidate's name is quoted as filed; moments are in the election's local time.
 */

const decided = (d: Details): LocalizedText => {
  const name = s(d.candidate);
  if (d.step === 'cancellation') {
    return {
      kk: `«${name}» кандидатының тіркелуінің күші жойылды.`,
      ru: `Регистрация кандидата «${name}» отменена.`,
      en: `The registration of «${name}» was cancelled.`,
    };
  }
  if (d.outcome === 'registered') {
    return {
      kk: `«${name}» кандидат болып тіркелді.`,
      ru: `Кандидат «${name}» зарегистрирован.`,
      en: `«${name}» was registered as a candidate.`,
    };
  }
  return {
    kk: `«${name}» кандидатын тіркеуден бас тартылды.`,
    ru: `В регистрации кандидата «${name}» отказано.`,
    en: `Registration of «${name}» was refused.`,
  };
};

export const inboxMessages = {
  CASE_WAITING_FOR_YOU: (d) => {
    const step = stepName(d.step);
    const by = momentInWords(d.deadline, d.timeZone);
    return {
      kk: `«${s(d.candidate)}» кандидатының ісі сізді күтіп тұр: ${step.kk}. Мерзімі ${by.kk} бітеді.`,
      ru: `Дело кандидата «${s(d.candidate)}» ждёт вас: ${step.ru}. Срок истекает ${by.ru}.`,
      en: `The case of «${s(d.candidate)}» waits for you: ${step.en}. The deadline is ${by.en}.`,
    };
  },
  DEADLINE_NEAR: (d) => {
    const step = stepName(d.step);
    const by = momentInWords(d.deadline, d.timeZone);
    return {
      kk: `«${s(d.candidate)}» кандидатының ісі бойынша мерзім жақындады: ${step.kk} ${by.kk} дейін.`,
      ru: `По делу кандидата «${s(d.candidate)}» близок срок: ${step.ru} до ${by.ru}.`,
      en: `A deadline is near in the case of «${s(d.candidate)}»: ${step.en} by ${by.en}.`,
    };
  },
  SIGNATURES_SHORT: (d) => {
    const by = momentInWords(d.deadline, d.timeZone);
    return {
      kk: `«${s(d.candidate)}» кандидатын қолдайтын жарамды қолдар әлі жеткіліксіз. Қол қою парақтарын ${by.kk} дейін тапсыруға болады.`,
      ru: `Действительных подписей в поддержку кандидата «${s(d.candidate)}» пока недостаточно. Подписные листы можно представить до ${by.ru}.`,
      en: `There are not yet enough valid signatures supporting «${s(d.candidate)}». Signature sheets may be handed in until ${by.en}.`,
    };
  },
  CASE_DECIDED: decided,
} satisfies Record<string, Template>;
