import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { groundNote } from './legal-grounds.ts';
import { momentInWords } from './wording.ts';

/**
 * What the engine tells a body at a calendar step (an election's `notices`), in kk/ru/en: the commission that
 * nomination is extended, the akimat that its window is open, everyone that the list is published, the operator
 * that the calendar needed mending. Moments in the election's local time (`timeZone` beside them).
 */

export const noticeMessages = {
  NOMINATION_EXTENDED: (d: Details) => {
    const until = momentInWords(d.until, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну аяқталғанда кандидаттар саны екіден аз (${String(d.liveNominations)}), сондықтан кандидаттарды ұсыну мерзімі ұзартылды: ұсыну ${until.kk} аяқталады.`,
      ru: `По окончании выдвижения кандидатов меньше двух (${String(d.liveNominations)}), поэтому срок выдвижения кандидатов продлён до ${until.ru}.`,
      en: `Fewer than two candidates were nominated at the close (${String(d.liveNominations)}), so nomination is extended until ${until.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_OPEN: (d: Details) => {
    const until = momentInWords(d.until, d.timeZone);
    const ground = groundNote('CLE 113-3 p.6');
    return {
      kk: `Кандидаттарды ұсыну аяқталғанда кандидаттар саны: ${String(d.liveNominations)}. Аудан әкімі жергілікті қоғамдастық жиналысының келісімімен қосымша кандидатты ұсына алады${ground.kk}; мерзімі ${until.kk} бітеді.`,
      ru: `По окончании выдвижения кандидатов: ${String(d.liveNominations)}. Аким района может выдвинуть дополнительного кандидата с согласия собрания местного сообщества${ground.ru}; срок истекает ${until.ru}.`,
      en: `Candidates at the close of nomination: ${String(d.liveNominations)}. The district akim may put forward an additional candidate with the local community meeting’s consent${ground.en}; the window closes on ${until.en}.`,
    };
  },
  REGISTERED_LIST_PUBLISHED: (d: Details) => {
    const ground = groundNote('CLE 113-5 p.9');
    const unreadable =
      typeof d.unreadableCases === 'number'
        ? {
            kk: ` Оқылмаған ${d.unreadableCases} іс тізімге кірмеді: жүйе әкімшісіне хабарланды.`,
            ru: ` Не прочитано дел: ${d.unreadableCases}; в список они не вошли, администратор системы извещён.`,
            en: ` ${d.unreadableCases} cases could not be read and are not on the list: the system administrator is told.`,
          }
        : { kk: '', ru: '', en: '' };
    return {
      kk: `Тіркелген кандидаттардың тізімі жарияланды (тіркелгені: ${String(d.registered)})${ground.kk}.${unreadable.kk}`,
      ru: `Список зарегистрированных кандидатов опубликован (зарегистрировано: ${String(d.registered)})${ground.ru}.${unreadable.ru}`,
      en: `The list of registered candidates is published (${String(d.registered)} registered)${ground.en}.${unreadable.en}`,
    };
  },
  CALENDAR_FAILED: () => ({
    kk: 'Сайлау күнтізбесінің кезекті қадамы орындалмады; жүйе әкімшісі оны түзетіп, күнтізбені қайта іске қосады. Істер мен шешімдер сақталған.',
    ru: 'Очередной шаг календаря выборов не выполнен; администратор системы исправит его и перезапустит календарь. Дела и решения сохранены.',
    en: 'A step of the election calendar failed; the system administrator will mend it and restart the calendar. Cases and decisions are kept.',
  }),
  WAKE_UP_REPEATED: () => ({
    kk: 'Сайлау күнтізбесі мерзімде оянбады; оятқыш қайта жіберілді.',
    ru: 'Календарь выборов не проснулся в срок; сигнал пробуждения отправлен повторно.',
    en: 'The election calendar did not wake at its deadline; its wake-up was sent again.',
  }),
  CALENDAR_RESTARTED: () => ({
    kk: 'Сайлау күнтізбесі қайта іске қосылды; ол тоқтаған жерінен жалғасады.',
    ru: 'Календарь выборов перезапущен; он продолжится с того места, где остановился.',
    en: 'The election calendar was restarted; it continues where it stopped.',
  }),
} satisfies Record<string, (details: Details) => LocalizedText>;
