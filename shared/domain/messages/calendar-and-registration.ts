import type { LocalizedText } from '../language.ts';
import type { Details } from './details.ts';
import { dateInWords, russianCount } from './wording.ts';

/**
 * Messages of the calendar's checks (the akimat's window, calling), the meeting's notice, the special check's
 * clock and the election deposit, in kk/ru/en. Dates are the election's local dates, in words.
 */

/** «остаётся 0 дней», «через 3 дня». */
const ruDays = (value: unknown) => russianCount(Number(value), { one: 'день', few: 'дня', many: 'дней' });
/** After «не менее», «не более»: the genitive, «1 дня», «4 дней». */
const ruDaysGenitive = (value: unknown) =>
  russianCount(Number(value), { one: 'дня', few: 'дней', many: 'дней' });
/** Kazakh and English: «3 күн», «1 day», «3 days». */
const kkDays = (value: unknown) => `${Number(value)} күн`;
const enDays = (value: unknown) => `${Number(value)} ${Number(value) === 1 ? 'day' : 'days'}`;

export const calendarAndRegistrationMessages = {
  ADDITIONAL_CANDIDATE_WINDOW_TOO_SHORT: (d: Details) =>
    typeof d.maximumExtension === 'number'
      ? {
          kk: `Ұзартудан кейін аудан әкімінің қосымша кандидатты ұсынуына ${kkDays(d.days)} қалады, ал кемінде ${kkDays(d.minimumDays)} керек. Кандидаттарды ұсыну мерзімін ұзарту ең көбі ${kkDays(d.maximumExtension)} болуы керек.`,
          ru: `После продления у акима района на выдвижение дополнительного кандидата остаётся ${ruDays(d.days)}, а нужно не менее ${ruDaysGenitive(d.minimumDays)}. Продление срока выдвижения кандидатов — не более ${ruDaysGenitive(d.maximumExtension)}.`,
          en: `After the extension the district akim would have ${enDays(d.days)} to put forward an additional candidate, and at least ${enDays(d.minimumDays)} are needed. Extend the nomination period by at most ${enDays(d.maximumExtension)}.`,
        }
      : {
          kk: `Аудан әкімінің қосымша кандидатты ұсыну мерзімі кандидаттарды ұсыну аяқталғаннан кейін ${kkDays(d.days)} ғана, ал кемінде ${kkDays(d.minimumDays)} керек. Бұл мерзімді кешірек аяқтаңыз.`,
          ru: `Срок для дополнительного кандидата акима района длится после окончания выдвижения лишь ${ruDays(d.days)}, а нужно не менее ${ruDaysGenitive(d.minimumDays)}. Установите более поздний срок.`,
          en: `The district akim’s period for an additional candidate lasts only ${enDays(d.days)} after nomination closes, and at least ${enDays(d.minimumDays)} are needed. End it later.`,
        },
  ADDITIONAL_CANDIDATE_NOTICE_DOES_NOT_FIT: (d: Details) => ({
    kk: `Аудан әкімінің қосымша кандидатты ұсыну мерзімі кандидаттарды ұсынудың жоспарлы аяқталуынан кейін ${kkDays(d.days)} ғана. Жергілікті қоғамдастық жиналысының мүшелеріне кемінде ${kkDays(d.noticeDays)} бұрын хабарлануы керек, сондықтан бұл мерзімді кешірек аяқтаңыз.`,
    ru: `Срок для дополнительного кандидата акима района заканчивается через ${ruDays(d.days)} после планового окончания выдвижения. Членов собрания местного сообщества оповещают не менее чем за ${ruDays(d.noticeDays)}, поэтому установите более поздний срок.`,
    en: `The district akim’s period for an additional candidate ends ${enDays(d.days)} after the planned close of nomination. Members of the local community meeting are notified at least ${enDays(d.noticeDays)} ahead, so end it later.`,
  }),
  CONSENT_NOTICE_BEFORE_CLOSE: (d: Details) => {
    const closedOn = dateInWords(d.closedOn);
    return {
      kk: `Жергілікті қоғамдастық жиналысының мүшелеріне кандидаттарды ұсыну аяқталғанға дейін хабарланған. Аудан әкімі қосымша кандидат қажет болуы мүмкін екенін кандидаттарды ұсыну ${closedOn.kk} аяқталғанда ғана біледі, жиналыс содан кейін шақырылады.`,
      ru: `Члены собрания местного сообщества оповещены до окончания выдвижения кандидатов. Аким района узнаёт, что нужен дополнительный кандидат, лишь когда выдвижение заканчивается (${closedOn.ru}), и собрание созывается после этого.`,
      en: `The members of the local community meeting were notified before nomination closed. The district akim learns that an additional candidate may be needed only when nomination closes (${closedOn.en}); the meeting is called after that.`,
    };
  },
  DEPOSIT_NOT_RECORDED: (d: Details) => ({
    kk: `Бұл сайлауда сайлау жарнасы (${Number(d.minimumWages)} ең төменгі жалақы) талап етіледі, ол әлі тіркелмеген. Аумақтық сайлау комиссиясы жарнаның төленгенін тіркегенге дейін кандидат тіркелмейді.`,
    ru: `На этих выборах требуется избирательный взнос (${russianCount(Number(d.minimumWages), { one: 'минимальная заработная плата', few: 'минимальные заработные платы', many: 'минимальных заработных плат' })}), он ещё не учтён. Кандидат не регистрируется, пока территориальная избирательная комиссия не отметит уплату взноса.`,
    en: `This election requires an election deposit (${Number(d.minimumWages)} minimum wages), and none is recorded yet. The candidate is not registered until the territorial election commission records its payment.`,
  }),
  ELECTION_CALLED_LATE: (d: Details) => {
    const termEndsOn = dateInWords(d.termEndsOn);
    const latestCallOn = dateInWords(d.latestCallOn);
    return {
      kk: `Сайлау кешігіп тағайындалды: әкімнің өкілеттік мерзімі ${termEndsOn.kk} аяқталады, сондықтан сайлау кемінде 40 күн бұрын, ең кешінде ${latestCallOn.kk} тағайындалуы керек еді («Қазақстан Республикасындағы сайлау туралы» Конституциялық заңның 113-1-бабы).`,
      ru: `Выборы назначены с опозданием: срок полномочий акима истекает ${termEndsOn.ru}, поэтому их следовало назначить не менее чем за 40 дней, не позднее ${latestCallOn.ru} (статья 113-1 Конституционного закона «О выборах в Республике Казахстан»).`,
      en: `The election was called late: the akim’s term ends on ${termEndsOn.en}, so it had to be called at least 40 days before, by ${latestCallOn.en} (CLE art. 113-1).`,
    };
  },
  SPECIAL_CHECK_DUE_AFTER_REGISTRATION_CLOSE: (d: Details) => {
    const dueOn = dateInWords(d.dueOn);
    const registrationClosesOn = dateInWords(d.registrationClosesOn);
    return {
      kk: `Арнаулы тексерудің мерзімі ${dueOn.kk} аяқталады (құжаттар алынған күннен бастап 30 күн, «Қазақстан Республикасының мемлекеттік қызметі туралы» Заңның 19-бабының 1-тармағы), ал кандидаттарды тіркеу ${registrationClosesOn.kk} аяқталады: нәтижені ерте сұраңыз.`,
      ru: `Результат специальной проверки может прийти до ${dueOn.ru} (30 дней со дня получения документов, пункт 1 статьи 19 Закона «О государственной службе Республики Казахстан»), а регистрация кандидатов заканчивается ${registrationClosesOn.ru}: запросите результат заранее.`,
      en: `The special check may take until ${dueOn.en} (30 days from the receipt of the documents, Civil Service Law art. 19 p.1), and registration closes on ${registrationClosesOn.en}: ask for the result early.`,
    };
  },
} satisfies Record<string, (d: Details) => LocalizedText>;
