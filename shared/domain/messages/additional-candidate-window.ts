import type { LocalizedText } from '../language.ts';
import { s, type Template } from './details.ts';
import { groundNote } from './legal-grounds.ts';
import { momentInWords } from './wording.ts';

/**
 * Where the district akim's window for an additional candidate stands, and why (CLE 113-3 p.6), as the election's
 * view says it (`additional-candidate-window.ts`): one code per state, moments in the election's local time.
 */

const GROUND = 'CLE 113-3 p.6';

/** The count at the close of nomination, when it was made; nothing before it. */
function countAtClose(liveNominations: unknown): LocalizedText {
  if (typeof liveNominations !== 'number') return { kk: '', ru: '', en: '' };
  return {
    kk: `Кандидаттарды ұсыну аяқталғанда кандидаттар саны: ${liveNominations}. `,
    ru: `По окончании выдвижения кандидатов: ${liveNominations}. `,
    en: `Candidates at the close of nomination: ${liveNominations}. `,
  };
}

export const additionalCandidateWindowMessages = {
  ADDITIONAL_CANDIDATE_WINDOW_NOT_YET_OPEN: (d) => {
    const at = momentInWords(d.opensAt, d.timeZone);
    const ground = groundNote(GROUND);
    return {
      kk: `Қосымша кандидатты ұсыну мерзімі әлі ашылған жоқ. Аудан әкімі қосымша кандидатты кандидаттарды ұсыну (ұзартылған мерзімімен қоса) аяқталғанда кандидат болмаса не біреу ғана болса ғана ұсына алады${ground.kk}. Мерзім ең ерте ${at.kk} ашылуы мүмкін.`,
      ru: `Срок выдвижения дополнительного кандидата ещё не открыт. Аким района вправе выдвинуть дополнительного кандидата, только если по окончании выдвижения (с учётом продления) нет кандидатов или выдвинут один${ground.ru}. Самое раннее срок откроется ${at.ru}.`,
      en: `The window for an additional candidate is not open yet. The district akim may put forward an additional candidate only when nomination (after any extension) closes with no candidate or a single one${ground.en}. It can open on ${at.en} at the earliest.`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_OPEN_UNTIL: (d) => {
    const until = momentInWords(d.closedAt, d.timeZone);
    const count = countAtClose(d.liveNominations);
    const ground = groundNote(GROUND);
    return {
      kk: `${count.kk}Аудан әкімі жергілікті қоғамдастық жиналысының келісімімен қосымша кандидатты ұсына алады${ground.kk}; ұсыну мерзімі ${until.kk} бітеді.`,
      ru: `${count.ru}Аким района может выдвинуть дополнительного кандидата с согласия собрания местного сообщества${ground.ru}; срок истекает ${until.ru}.`,
      en: `${count.en}The district akim may put forward an additional candidate with the local community meeting’s consent${ground.en}; the window closes on ${until.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_ENDED: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    const ground = groundNote(GROUND);
    return {
      kk: `Аудан әкімінің қосымша кандидатын ұсыну мерзімі ${at.kk} аяқталды${ground.kk}.`,
      ru: `Срок выдвижения дополнительного кандидата акима района истёк ${at.ru}${ground.ru}.`,
      en: `The window for the district akim’s additional candidate closed on ${at.en}${ground.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_NOT_APPLICABLE: (d) => {
    const count = countAtClose(d.liveNominations);
    const ground = groundNote(GROUND);
    return {
      kk: `${count.kk}Аудан әкімі қосымша кандидатты ұсыну аяқталғанда кандидат болмаса не біреу ғана болса ғана ұсына алады${ground.kk}, сондықтан бұл сайлауда қосымша кандидат ұсынылмайды.`,
      ru: `${count.ru}Аким района вправе выдвинуть дополнительного кандидата, только если по окончании выдвижения нет кандидатов или выдвинут один${ground.ru}, поэтому на этих выборах дополнительный кандидат не выдвигается.`,
      en: `${count.en}The district akim may put forward an additional candidate only when nomination closed with no candidate or a single one${ground.en}, so there is none in this election.`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_USED_UP: (d) => ({
    kk: `Бұл сайлауда қосымша кандидат ұсыныстарының шегі (${s(d.limit)}) таусылды: жаңа ұсыныс қабылданбайды.`,
    ru: `На этих выборах исчерпан предел предложений дополнительного кандидата (${s(d.limit)}): новые предложения не принимаются.`,
    en: `The limit of additional-candidate proposals in this election (${s(d.limit)}) is used up: no further proposal is accepted.`,
  }),
} satisfies Record<string, Template>;
