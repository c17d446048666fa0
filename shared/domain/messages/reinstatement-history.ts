import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { russianCount } from './wording.ts';

/**
 * Messages of a case's history of reinstatements: every decision that overturned its refusal or cancellation is
 * kept (by fingerprint) so that none is recorded twice, up to a bound that keeps the case one small record.
 */

export const reinstatementHistoryMessages = {
  REINSTATEMENT_LIMIT_REACHED: (d: Details) => {
    const n = Number(d.limit);
    return {
      kk: `Бұл іс бойынша тіркеуден бас тартуды немесе тіркеудің күшін жоюды жойған ${n} шешім енгізілген: бір іске бұдан көп шешім енгізілмейді. Жүйе операторына хабарласыңыз.`,
      ru: `По этому делу уже внесено ${russianCount(n, { one: 'решение', few: 'решения', many: 'решений' })}, отменивших отказ в регистрации или отмену регистрации: больше по одному делу не вносится. Обратитесь к оператору системы.`,
      en: `This case already holds ${n} decisions overturning a refusal or a cancellation of registration, the most one case keeps: ask the system operator.`,
    };
  },
} satisfies Record<string, (d: Details) => LocalizedText>;
