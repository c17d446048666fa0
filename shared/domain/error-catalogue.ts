import type { LocalizedText } from './language.ts';
import { calendarAndRegistrationMessages } from './messages/calendar-and-registration.ts';
import { callingCheckMessages } from './messages/calling-checks.ts';
import { cancellationAndReinstatementMessages } from './messages/cancellation-and-reinstatement.ts';
import {
  caseEventName,
  caseStatusName,
  documentKindName,
  educationLevelName,
  entityName,
  formatName,
  stepName,
  valueKindName,
} from './messages/case-terms.ts';
import { groundNote } from './messages/legal-grounds.ts';
import { noticeMessages } from './messages/notices.ts';
import { recordedDateMessages } from './messages/recorded-dates.ts';
import { reinstatementHistoryMessages } from './messages/reinstatement-history.ts';
import { signatureSamplingMessages } from './messages/signature-sampling.ts';
import {
  dateInWords,
  joined,
  literal,
  momentInWords,
  russianCount,
  russianDays,
} from './messages/wording.ts';

/**
 * Every message the product shows, by stable code, in kk/ru/en: each whole in its language (terms as in
 * ../shared/glossary.md), dates and times in the election's local time, the legal ground where one applies.
 * Details are facts about the request or the case, never personal data, so messages may quote them; API names in
 * details (a status, a document kind) are said in words (`messages/case-terms.ts`), values a person typed are
 * quoted («…»). Areas with many codes of their own keep them in `messages/<area>.ts`, spread in below.
 */
export type Details = Readonly<Record<string, unknown>>;
export type Template = (d: Details) => LocalizedText;

const s = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
const quotedList = (value: unknown): string =>
  (Array.isArray(value) ? value : [value]).map((item) => literal(item)).join(', ');
const num = (value: unknown): number => Number(value);

/** A bound on a value, said for what the value is: text (characters), a list (entries), or a number. */
function boundText(d: Details, bound: 'minimum' | 'maximum'): LocalizedText {
  const n = num(d[bound]);
  const inclusive = d.inclusive !== false;
  const small = bound === 'minimum';
  if (d.origin === 'string') {
    return small
      ? {
          kk: `Мәтін тым қысқа: кемінде ${n} таңба керек.`,
          ru: `Слишком короткий текст: нужно не менее ${russianCount(n, { one: 'символа', few: 'символов', many: 'символов' })}.`,
          en: `Too short: at least ${n} characters.`,
        }
      : {
          kk: `Мәтін тым ұзын: ең көбі ${n} таңба болуы мүмкін.`,
          ru: `Слишком длинный текст: не более ${russianCount(n, { one: 'символа', few: 'символов', many: 'символов' })}.`,
          en: `Too long: at most ${n} characters.`,
        };
  }
  if (d.origin === 'array' || d.origin === 'set') {
    return small
      ? {
          kk: `Тізімде кемінде ${n} жазба болуы керек.`,
          ru: `В списке должно быть не менее ${russianCount(n, { one: 'записи', few: 'записей', many: 'записей' })}.`,
          en: `The list needs at least ${n} entries.`,
        }
      : {
          kk: `Тізімде ең көбі ${n} жазба болуы мүмкін.`,
          ru: `В списке может быть не более ${russianCount(n, { one: 'записи', few: 'записей', many: 'записей' })}.`,
          en: `The list may hold at most ${n} entries.`,
        };
  }
  if (!inclusive) {
    return small
      ? {
          kk: `Мәні тым кіші: ${n} санынан үлкен болуы керек.`,
          ru: `Значение слишком мало: должно быть больше ${n}.`,
          en: `Too small: must be greater than ${n}.`,
        }
      : {
          kk: `Мәні тым үлкен: ${n} санынан кіші болуы керек.`,
          ru: `Значение слишком велико: должно быть меньше ${n}.`,
          en: `Too big: must be less than ${n}.`,
        };
  }
  return small
    ? {
        kk: `Мәні тым кіші: ең азы ${n}.`,
        ru: `Значение слишком мало: не менее ${n}.`,
        en: `Too small: at least ${n}.`,
      }
    : {
        kk: `Мәні тым үлкен: ең көбі ${n}.`,
        ru: `Значение слишком велико: не более ${n}.`,
        en: `Too big: at most ${n}.`,
      };
}

/** Why a calendar does not hold together, by the reason `election-calendar.ts` gives (in English, its own words). */
const calendarConflicts: Readonly<Record<string, LocalizedText>> = {
  'an extended nomination would end after registration closes': {
    kk: 'ұзартылған ұсыну мерзімі кандидаттарды тіркеу аяқталғаннан кейін бітер еді',
    ru: 'продлённое выдвижение закончилось бы после окончания регистрации кандидатов',
    en: 'an extended nomination would end after registration closes',
  },
  'the election is called after nomination would close': {
    kk: 'сайлау кандидаттарды ұсыну аяқталатын уақыттан кейін тағайындалған',
    ru: 'выборы назначены позже, чем закончилось бы выдвижение кандидатов',
    en: 'the election is called after nomination would close',
  },
  'the additional-candidate window ends after registration': {
    kk: 'қосымша кандидатты ұсыну мерзімі кандидаттарды тіркеу аяқталғаннан кейін бітеді',
    ru: 'срок выдвижения дополнительного кандидата истекает после окончания регистрации кандидатов',
    en: 'the additional-candidate window ends after registration',
  },
  'the additional-candidate window ends before nomination': {
    kk: 'қосымша кандидатты ұсыну мерзімі кандидаттарды ұсыну аяқталмай тұрып бітеді',
    ru: 'срок выдвижения дополнительного кандидата истекает раньше окончания выдвижения кандидатов',
    en: 'the additional-candidate window ends before nomination',
  },
  'a step deadline falls after nomination closes': {
    kk: 'қадамның мерзімі кандидаттарды ұсыну аяқталғаннан кейін келеді',
    ru: 'срок одного из шагов наступает после окончания выдвижения кандидатов',
    en: 'a step deadline falls after nomination closes',
  },
};

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** «1) Құжаттар жетіспейді: өтініш (құқықтық негізі: …).» */
function numbered(n: number, text: LocalizedText): LocalizedText {
  return { kk: `${n}) ${text.kk}.`, ru: `${n}) ${text.ru}.`, en: `${n}) ${text.en}.` };
}

/**
 * One finding of the eligibility check in a sentence: its own text, without its full stop, and its legal ground.
 * Findings are given as `{ code, ground, details }`; a bare code (an error recorded by an older version) has none.
 */
function findingInWords(finding: unknown): LocalizedText {
  const { code, ground, details } =
    typeof finding === 'object' && finding !== null
      ? (finding as { code?: unknown; ground?: unknown; details?: unknown })
      : { code: finding, ground: undefined, details: undefined };
  const text = messageOf(
    String(code),
    typeof details === 'object' && details !== null ? (details as Details) : {},
  );
  const note = groundNote(ground);
  const bare = (t: string) => t.replace(/\.$/, '');
  return { kk: bare(text.kk) + note.kk, ru: bare(text.ru) + note.ru, en: bare(text.en) + note.en };
}

export const errorCatalogue = {
  ...calendarAndRegistrationMessages,
  ...cancellationAndReinstatementMessages,
  ...signatureSamplingMessages,
  ...recordedDateMessages,
  ...noticeMessages,
  ...callingCheckMessages,
  ...reinstatementHistoryMessages,
  // --- request validation (field-level issues) ---
  VALIDATION_FAILED: () => ({
    kk: 'Сұраныс деректері қате.',
    ru: 'Данные запроса содержат ошибки.',
    en: 'The request has invalid data.',
  }),
  REQUIRED: () => ({ kk: 'Міндетті өріс.', ru: 'Обязательное поле.', en: 'This field is required.' }),
  INVALID_TYPE: (d) => {
    const kind = valueKindName(d.expected);
    return {
      kk: `Мәннің түрі қате; күтілетіні: ${kind.kk}.`,
      ru: `Неверный тип значения; ожидается: ${kind.ru}.`,
      en: `Wrong kind of value; expected ${kind.en}.`,
    };
  },
  TOO_SMALL: (d) => boundText(d, 'minimum'),
  TOO_BIG: (d) => boundText(d, 'maximum'),
  INVALID_FORMAT: (d) => {
    const format = formatName(d.format);
    return format === null
      ? { kk: 'Пішімі қате.', ru: 'Неверный формат.', en: 'Invalid format.' }
      : {
          kk: `Пішімі қате; күтілетіні: ${format.kk}.`,
          ru: `Неверный формат; ожидается: ${format.ru}.`,
          en: `Invalid format; expected ${format.en}.`,
        };
  },
  INVALID_VALUE: (d) => {
    const allowed = Array.isArray(d.allowed) ? d.allowed : d.allowed === undefined ? [] : [d.allowed];
    if (allowed.length === 0) {
      return { kk: 'Рұқсат етілмеген мән.', ru: 'Недопустимое значение.', en: 'Value not allowed.' };
    }
    return {
      kk: `Рұқсат етілмеген мән. Рұқсат етілгендері: ${quotedList(allowed)}.`,
      ru: `Недопустимое значение. Допустимые значения: ${quotedList(allowed)}.`,
      en: `Value not allowed. Allowed: ${quotedList(allowed)}.`,
    };
  },
  UNKNOWN_FIELD: (d) => ({
    kk: `Белгісіз өріс: ${quotedList(d.keys)}.`,
    ru: `Неизвестное поле: ${quotedList(d.keys)}.`,
    en: `Unknown field: ${quotedList(d.keys)}.`,
  }),
  DATE_INVALID: () => ({
    kk: 'Күн қате: ЖЖЖЖ-АА-КК пішіміндегі нақты күн керек.',
    ru: 'Неверная дата: нужна существующая дата в формате ГГГГ-ММ-ДД.',
    en: 'Invalid date: a real date in the form YYYY-MM-DD is required.',
  }),
  KATO_MALFORMED: () => ({
    kk: 'ӘАОЖ (КАТО) коды 9 цифрдан тұруы керек.',
    ru: 'Код КАТО должен состоять из 9 цифр.',
    en: 'A KATO code has exactly 9 digits.',
  }),
  KATO_REGION_UNKNOWN: (d) => ({
    kk: `ӘАОЖ (КАТО) кодындағы облыс коды белгісіз (${s(d.region)}), сондықтан жергілікті уақыт анықталмайды: кодты тексеріңіз немесе сайлау ережелерінде уақыт белдеуін көрсетіңіз.`,
    ru: `Код КАТО указывает на неизвестную область (${s(d.region)}), поэтому местное время не определить: проверьте код или укажите часовой пояс в правилах выборов.`,
    en: `The KATO code names no known region (${s(d.region)}), so its local time is unknown: check the code, or set rules.timeZone.`,
  }),
  TIME_ZONE_UNKNOWN: () => ({
    kk: `Белгісіз уақыт белдеуі: IANA дерекқорындағы атауы керек, мысалы ${literal('Asia/Almaty')}; тұрақты ығысу минутпен бөлек ережеде беріледі.`,
    ru: `Неизвестный часовой пояс: нужно имя из базы IANA, например ${literal('Asia/Almaty')}; постоянное смещение в минутах задаётся отдельным правилом.`,
    en: 'Unknown time zone: give an IANA name such as Asia/Almaty (for a fixed offset, rules.utcOffsetMinutes).',
  }),
  TIME_ZONE_CONFLICT: () => ({
    kk: 'Уақыт белдеуін немесе тұрақты ығысуды — екеуінің біреуін ғана көрсетіңіз.',
    ru: 'Укажите что-то одно: часовой пояс или постоянное смещение.',
    en: 'Set either rules.timeZone or rules.utcOffsetMinutes, not both.',
  }),
  IIN_MALFORMED: () => ({
    kk: 'ЖСН 12 цифрдан тұруы керек.',
    ru: 'ИИН должен состоять из 12 цифр.',
    en: 'An IIN has exactly 12 digits.',
  }),
  IIN_BIRTH_DATE_INVALID: () => ({
    kk: 'ЖСН-дегі туған күн нақты күн емес.',
    ru: 'Дата рождения в ИИН не является существующей датой.',
    en: 'The birth date encoded in the IIN is not a real date.',
  }),
  IIN_CENTURY_INVALID: () => ({
    kk: 'ЖСН-нің 7-цифры (ғасыр мен жыныс) 1–6 болуы керек.',
    ru: '7-я цифра ИИН (век и пол) должна быть от 1 до 6.',
    en: 'Digit 7 of an IIN (century and sex) must be 1 to 6.',
  }),
  IIN_CHECKSUM: () => ({
    kk: 'ЖСН-нің бақылау цифры сәйкес келмейді.',
    ru: 'Контрольная цифра ИИН не сходится.',
    en: 'The IIN check digit does not match.',
  }),
  IIN_BIRTH_DATE_MISMATCH: () => ({
    kk: 'ЖСН-дегі туған күн көрсетілген туған күнге сәйкес келмейді.',
    ru: 'Дата рождения в ИИН не совпадает с указанной.',
    en: 'The birth date in the IIN differs from the stated birth date.',
  }),
  IIN_SEX_MISMATCH: () => ({
    kk: 'ЖСН-дегі жыныс көрсетілген жынысқа сәйкес келмейді.',
    ru: 'Пол в ИИН не совпадает с указанным.',
    en: 'The sex digit of the IIN differs from the stated sex.',
  }),
  CALENDAR_INCONSISTENT: (d) => {
    const reason = Object.hasOwn(calendarConflicts, s(d.reason)) ? calendarConflicts[s(d.reason)] : undefined;
    return reason === undefined
      ? {
          kk: 'Сайлау күнтізбесі қайшы: мерзімдер бір-біріне сәйкес келмейді.',
          ru: 'Календарь выборов противоречив: сроки не согласуются друг с другом.',
          en: `The election calendar is inconsistent: ${s(d.reason)}.`,
        }
      : {
          kk: `Сайлау күнтізбесі қайшы: ${reason.kk}.`,
          ru: `Календарь выборов противоречив: ${reason.ru}.`,
          en: `The election calendar is inconsistent: ${reason.en}.`,
        };
  },
  EXTENSION_OVER_LIMIT: (d) => ({
    kk: `Кандидаттарды ұсыну мерзімін ${s(d.maximum)} күннен артық ұзартуға болмайды.`,
    ru: `Срок выдвижения кандидатов можно продлить не более чем на ${russianDays(num(d.maximum))}.`,
    en: `Nomination may be extended by at most ${s(d.maximum)} days.`,
  }),
  REFUSAL_GROUND_UNKNOWN: (d) => ({
    kk: `Тіркеуден бас тарту негізі осы сайлаудың негіздер тізімінде жоқ: ${literal(d.ground)}.`,
    ru: `Основания отказа в регистрации ${literal(d.ground)} нет в перечне оснований этих выборов.`,
    en: `The refusal ground ${literal(d.ground)} is not on this election's list of grounds.`,
  }),

  // --- why a signature does not count (each rejected line carries one) ---
  SIGNER_UNDER_18: () => {
    const ground = groundNote('CLE 4 p.1');
    return {
      kk: `Қол қойған күні қол қоюшы 18 жасқа толмаған${ground.kk}.`,
      ru: `На дату подписи подписавшемуся не исполнилось 18 лет${ground.ru}.`,
      en: `The signer was under 18 on the signing date${ground.en}.`,
    };
  },
  SIGNED_OUTSIDE_WINDOW: () => ({
    kk: 'Қол кандидаттарды ұсыну мерзімінен тыс қойылған.',
    ru: 'Подпись поставлена вне срока выдвижения кандидатов.',
    en: 'The signature is dated outside the nomination period.',
  }),
  SIGNER_NOT_ON_REGISTER: () => ({
    kk: 'Қол қоюшы осы округтің сайлаушылар тізімінде жоқ.',
    ru: 'Подписавшегося нет в списке избирателей этого округа.',
    en: 'The signer is not on this district’s voter list.',
  }),
  DUPLICATE_LINE: () => ({
    kk: 'Қол қою парағының бұл жолы екі рет берілген.',
    ru: 'Эта строка подписного листа передана дважды.',
    en: 'This sheet line was given twice.',
  }),
  DUPLICATE_SIGNER: () => ({
    kk: 'Бұл сайлаушының қолы осы кандидат үшін бұрын есептелген.',
    ru: 'Подпись этого избирателя за этого кандидата уже учтена.',
    en: 'This voter’s signature for this candidate is already counted.',
  }),
  SUPPORTS_ANOTHER_CANDIDATE: () => ({
    kk: 'Сайлаушы басқа кандидатты қолдаған, ал бұл сайлауда оған рұқсат жоқ.',
    ru: 'Избиратель уже поддержал другого кандидата, а на этих выборах это не допускается.',
    en: 'The voter already supports another candidate, which this election does not allow.',
  }),

  // --- eligibility findings (CLE 113-2, LGA 36, Civil Service Law 19); grounds are added where they are listed ---
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

  // --- the local community meeting (LGA 39-3) ---
  CONSENT_QUORUM_NOT_MET: (d) => ({
    kk: `Жергілікті қоғамдастық жиналысында кворум болмады (қатысқаны ${s(d.attendance)}, керегі ${s(d.required)}).`,
    ru: `Собрание местного сообщества не имело кворума (присутствовало ${s(d.attendance)}, нужно ${s(d.required)}).`,
    en: `The local community meeting had no quorum (${s(d.attendance)} present, ${s(d.required)} needed).`,
  }),
  CONSENT_MAJORITY_NOT_REACHED: (d) => ({
    kk: `Жиналыстың келісімі көпшілік дауыс алмады (жақтағаны ${s(d.votesFor)}, қатысқаны ${s(d.attendance)}, кемінде ${s(d.required)} дауыс керек).`,
    ru: `Согласие собрания не набрало большинства (за — ${s(d.votesFor)} из ${s(d.attendance)} присутствовавших, нужно не меньше ${s(d.required)}).`,
    en: `Consent did not win a majority (${s(d.votesFor)} for, of ${s(d.attendance)} present; at least ${s(d.required)} needed).`,
  }),
  VOTES_EXCEED_ATTENDANCE: () => ({
    kk: 'Дауыстар саны қатысушылар санынан көп.',
    ru: 'Голосов больше, чем присутствовавших.',
    en: 'More votes than members present.',
  }),
  ATTENDANCE_EXCEEDS_MEMBERS: () => ({
    kk: 'Қатысушылар саны мүшелер санынан көп.',
    ru: 'Присутствовавших больше, чем членов собрания.',
    en: 'More members present than the meeting has.',
  }),

  // --- rules of the law and of the flow; moments in the election's local time (`timeZone` beside them) ---
  NOMINATION_NOT_OPEN: (d) => {
    const at = momentInWords(d.opensAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} басталады.`,
      ru: `Выдвижение кандидатов начинается ${at.ru}.`,
      en: `Nomination opens on ${at.en}.`,
    };
  },
  NOMINATION_CLOSED: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} аяқталды.`,
      ru: `Выдвижение кандидатов завершилось ${at.ru}.`,
      en: `Nomination closed on ${at.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_NOT_ALLOWED: (d) => {
    const ground = groundNote('CLE 113-3 p.6');
    const count =
      typeof d.liveNominations === 'number'
        ? {
            kk: `Ұсыну аяқталғанда кандидаттар саны: ${d.liveNominations}.`,
            ru: `По окончании выдвижения кандидатов: ${d.liveNominations}.`,
            en: `Candidates at the close: ${d.liveNominations}.`,
          }
        : {
            kk: 'Кандидаттарды ұсыну әлі аяқталған жоқ.',
            ru: 'Выдвижение кандидатов ещё не завершено.',
            en: 'Nomination has not closed yet.',
          };
    return {
      kk: `Аудан әкімі қосымша кандидатты ұсыну аяқталғанда кандидат болмаса не біреу ғана болса ғана ұсына алады${ground.kk}. ${count.kk}`,
      ru: `Аким района вправе выдвинуть дополнительного кандидата, только если по окончании выдвижения нет кандидатов или выдвинут один${ground.ru}. ${count.ru}`,
      en: `The district akim may put forward an additional candidate only when nomination closed with no candidate or a single one${ground.en}. ${count.en}`,
    };
  },
  ADDITIONAL_CANDIDATE_WINDOW_CLOSED: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Қосымша кандидатты ұсыну мерзімі ${at.kk} өтті.`,
      ru: `Срок выдвижения дополнительного кандидата истёк ${at.ru}.`,
      en: `The window for an additional candidate closed on ${at.en}.`,
    };
  },
  ADDITIONAL_CANDIDATE_LIMIT_REACHED: (d) => ({
    kk: `Қосымша кандидат ұсыныстарының шегі (${s(d.limit)}) таусылды.`,
    ru: `Исчерпан предел предложений дополнительного кандидата (${s(d.limit)}).`,
    en: `The limit of additional-candidate proposals (${s(d.limit)}) is used up.`,
  }),
  SUBMISSION_LIMIT_REACHED: (d) => {
    const on = dateInWords(d.on);
    return {
      kk: `Бұл іс бойынша ${on.kk} қол қою парақтары ${s(d.limit)} рет тапсырылды, бұл — бір күндік шек. Келесі күні тапсырыңыз; бірнеше парақты бір рет тапсыруға болады.`,
      ru: `По этому делу ${on.ru} подписные листы подавались ${russianCount(num(d.limit), { one: 'раз', few: 'раза', many: 'раз' })}: это предел на один день. Подайте на следующий день; несколько листов можно подать за один раз.`,
      en: `Signature sheets were submitted ${s(d.limit)} times for this case on ${on.en}: that is the limit for one day. Submit on the next day; several sheets can go in one submission.`,
    };
  },
  NOT_A_PARTY_MEMBER: () => {
    const ground = groundNote('CLE 113-3');
    return {
      kk: `Саяси партия тек өз мүшесін ұсына алады${ground.kk}.`,
      ru: `Политическая партия может выдвинуть только своего члена${ground.ru}.`,
      en: `A party may nominate only one of its members${ground.en}.`,
    };
  },
  PARTY_NOMINEE_EXISTS: (d) => ({
    kk: `Бұл партияның осы сайлауда кандидаты бар (іс ${literal(d.caseId)}).`,
    ru: `У этой партии уже есть кандидат на этих выборах (дело ${literal(d.caseId)}).`,
    en: `This party already has a nominee in this election (case ${literal(d.caseId)}).`,
  }),
  ADDITIONAL_CANDIDATE_PENDING: (d) => ({
    kk: `Аудан әкімінің қосымша кандидаты қаралуда (іс ${literal(d.caseId)}); жаңасын ол шешілгеннен кейін ұсынуға болады.`,
    ru: `Дополнительный кандидат акима района ещё рассматривается (дело ${literal(d.caseId)}); новое предложение — после решения по нему.`,
    en: `The district akim’s additional candidate is still under way (case ${literal(d.caseId)}); propose another once it is decided.`,
  }),
  CANDIDATE_ALREADY_NOMINATED: (d) => ({
    kk: `Бұл адам осы сайлауда бұрын ұсынылған (іс ${literal(d.caseId)}).`,
    ru: `Этот человек уже выдвинут на этих выборах (дело ${literal(d.caseId)}).`,
    en: `This person is already nominated in this election (case ${literal(d.caseId)}).`,
  }),
  CONSENT_NOTICE_TOO_SHORT: (d) => {
    const ground = groundNote('LGA 39-3 p.8');
    return {
      kk: `Жергілікті қоғамдастық жиналысының мүшелеріне жиналыс туралы кемінде ${s(d.minimumDays)} күн бұрын хабарлануы керек${ground.kk}.`,
      ru: `Члены собрания местного сообщества должны быть оповещены о собрании не менее чем за ${russianDays(num(d.minimumDays))}${ground.ru}.`,
      en: `Members of the local community meeting must be notified at least ${s(d.minimumDays)} days ahead${ground.en}.`,
    };
  },
  INVALID_TRANSITION: (d) => {
    const event = caseEventName(d.event);
    const status = caseStatusName(d.status);
    return {
      kk: `Істің қазіргі күйінде «${event.kk}» әрекеті жасалмайды; істің күйі: ${status.kk}.`,
      ru: `Действие «${event.ru}» невозможно в нынешнем состоянии дела: ${status.ru}.`,
      en: `“${event.en}” is not possible for the case as it stands: ${status.en}.`,
    };
  },
  STEP_ALREADY_DECIDED: (d) => {
    const step = stepName(d.step);
    const status = caseStatusName(d.status);
    return {
      kk: `«${step.kk}» қадамы бойынша шешім қабылданып қойған; істің күйі: ${status.kk}.`,
      ru: `Решение по шагу «${step.ru}» уже принято; состояние дела: ${status.ru}.`,
      en: `The step “${step.en}” is already decided; the case is: ${status.en}.`,
    };
  },
  CONCURRENT_UPDATE: (d) => ({
    kk: `Іс басқа сұраныспен өзгертілді; қайта оқып, қайталаңыз (нұсқа ${s(d.version)}).`,
    ru: `Дело изменено другим запросом; перечитайте и повторите (версия ${s(d.version)}).`,
    en: `The case was changed by another request; reload and retry (version ${s(d.version)}).`,
  }),
  // Field names stay in `details.fields` for whoever mends the record; the sentence names none.
  RECORD_UNREADABLE: (d) => {
    const record = entityName(d.record);
    return {
      kk: `Сақталған жазба (${record.kk}, ${literal(d.id)}) оқылмайды: оның кейбір өрістері қате. Жүйе әкімшісіне хабарлаңыз.`,
      ru: `Сохранённая запись (${record.ru}, ${literal(d.id)}) не читается: часть её полей ошибочна. Сообщите администратору системы.`,
      en: `The stored record (${record.en}, ${literal(d.id)}) cannot be read: its fields ${s(d.fields)} are wrong. Tell the system administrator.`,
    };
  },
  DEADLINE_PASSED: (d) => {
    const step = stepName(d.step);
    const at = momentInWords(d.deadline, d.timeZone);
    return {
      kk: `«${capitalized(step.kk)}» қадамының мерзімі ${at.kk} өтті.`,
      ru: `Срок шага «${step.ru}» истёк ${at.ru}.`,
      en: `The deadline for ${step.en} passed on ${at.en}.`,
    };
  },
  REGISTRATION_BLOCKED: (d) => {
    const findings = joined(
      (Array.isArray(d.findings) ? d.findings : []).map((finding, i) =>
        numbered(i + 1, findingInWords(finding)),
      ),
      ' ',
    );
    return {
      kk: `Аумақтық сайлау комиссиясы кандидатты тіркей алмайды. ${findings.kk}`,
      ru: `Территориальная избирательная комиссия не может зарегистрировать кандидата. ${findings.ru}`,
      en: `The territorial election commission cannot register the candidate. ${findings.en}`,
    };
  },
  ELECTION_ALREADY_CALLED: (d) => ({
    kk: `Бұл әкімшілік-аумақтық бірлікте осы күнге сайлау тағайындалған (${literal(d.electionId)}).`,
    ru: `Выборы в этой административно-территориальной единице на этот день уже назначены (${literal(d.electionId)}).`,
    en: `An election of this unit on this day is already called (${literal(d.electionId)}).`,
  }),
  VOTER_UNDER_18: () => ({
    kk: 'Сайлау күні бұл адам 18 жасқа толмайды: сайлаушылар тізіміне кірмейді.',
    ru: 'Ко дню выборов этому человеку не исполнится 18 лет: в список избирателей не входит.',
    en: 'This person is not 18 on election day and cannot be on the voter list.',
  }),
  // Rows of an uploaded file are named by their line in it; rows of a JSON body by their place in the list.
  DUPLICATE_VOTER: (d) =>
    d.firstLine === undefined
      ? {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.entry)}-жазба ${s(d.firstEntry)}-жазбаны қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: запись ${s(d.entry)} повторяет запись ${s(d.firstEntry)}.`,
          en: `This IIN appears twice in the list: entry ${s(d.entry)} repeats entry ${s(d.firstEntry)}.`,
        }
      : {
          kk: `Бұл ЖСН тізімде екі рет кездеседі: ${s(d.line)}-жол ${s(d.firstLine)}-жолды қайталайды.`,
          ru: `Этот ИИН встречается в списке дважды: строка ${s(d.line)} повторяет строку ${s(d.firstLine)}.`,
          en: `This IIN appears twice in the list: line ${s(d.line)} repeats line ${s(d.firstLine)}.`,
        },
  SIGNATURE_POSITION_REPEATED: (d) => ({
    kk: `${s(d.sheet)}-парақтың ${s(d.line)}-жолы осы тапсыруда екі рет берілген (${s(d.first)} және ${s(d.again)} жазбалар): ештеңе есептелмеді.`,
    ru: `Лист ${s(d.sheet)}, строка ${s(d.line)} указаны в этой подаче дважды (записи ${s(d.first)} и ${s(d.again)}): ничего не засчитано.`,
    en: `Sheet ${s(d.sheet)}, line ${s(d.line)} appears twice in this submission (entries ${s(d.first)} and ${s(d.again)}): nothing was counted.`,
  }),
  CSV_ENCODING_LOST: () => ({
    kk: 'CSV файлының әріптері жолда жоғалды: шлюз мәтінді тек UTF-8 ретінде оқиды. Файлды «CSV UTF-8» немесе XLSX ретінде сақтап, қайта жіберіңіз.',
    ru: 'Буквы CSV-файла потерялись в пути: шлюз читает текст только как UTF-8. Сохраните файл как «CSV UTF-8» или XLSX и отправьте снова.',
    en: 'The CSV file’s letters were lost on the way: the gateway reads text as UTF-8 only. Save the file as “CSV UTF-8” or XLSX and send it again.',
  }),
  INVALID_ENCODING: () => ({
    kk: 'Сұраныс мәтіні UTF-8 кодтауында болуы керек.',
    ru: 'Текст запроса должен быть в кодировке UTF-8.',
    en: 'The request text must be encoded in UTF-8.',
  }),
  NESTED_TOO_DEEP: (d) => ({
    kk: `Деректер тым терең салынған (ең көбі ${s(d.maximum)} деңгей).`,
    ru: `Данные вложены слишком глубоко (не более ${russianCount(num(d.maximum), { one: 'уровня', few: 'уровней', many: 'уровней' })}).`,
    en: `The data is nested too deeply (at most ${s(d.maximum)} levels).`,
  }),
  HOST_NOT_ALLOWED: () => ({
    kk: `Жергілікті қозғалтқыш тек осы компьютердегі мекенжай арқылы (127.0.0.1, ${literal('localhost')}) жауап береді.`,
    ru: `Локальный движок отвечает только по адресу этого компьютера (127.0.0.1, ${literal('localhost')}).`,
    en: 'The local engine answers only at this computer’s own address (127.0.0.1, localhost).',
  }),
  OPERATOR_TOKEN_REQUIRED: () => ({
    kk: 'Бұл әкімшілік әрекетке оператордың токені керек («npm run token -- --role operator»).',
    ru: 'Для этого служебного действия нужен токен оператора («npm run token -- --role operator»).',
    en: 'This administrative call needs an operator token (npm run token -- --role operator).',
  }),
  UNAUTHORIZED: () => ({
    kk: 'Жарамды кіру токені керек.',
    ru: 'Нужен действительный токен доступа.',
    en: 'A valid access token is required.',
  }),
  PAYLOAD_TOO_LARGE: (d) => ({
    kk: `Сұраныс тым үлкен (ең көбі ${s(d.maximumBytes)} байт).`,
    ru: `Запрос слишком велик (не более ${russianCount(num(d.maximumBytes), { one: 'байта', few: 'байт', many: 'байт' })}).`,
    en: `The request is too large (at most ${s(d.maximumBytes)} bytes).`,
  }),
  TEXT_HOLDS_IIN: () => ({
    kk: 'Мәтінде ЖСН-ге ұқсас он екі цифр бар. Бұл мәтін іс тарихында біржола сақталады және онда дербес деректер болмауы керек: қол қоюшыны парақ пен жол нөмірімен атаңыз.',
    ru: 'В тексте есть двенадцать цифр, похожих на ИИН. Этот текст навсегда остаётся в истории дела и не должен содержать персональных данных: укажите подписавшего номером листа и строки.',
    en: 'The text holds twelve digits that look like an IIN. It stays on the case’s history for good and may hold no personal data: name a signer by sheet and line instead.',
  }),
  RESPONSE_TOO_LARGE: (d) => ({
    kk: `Жауап тым үлкен (ең көбі ${s(d.maximumBytes)} байт) және жіберілмеді. Сұрауды тарылтыңыз немесе жүйе әкімшісіне хабарлаңыз.`,
    ru: `Ответ слишком велик (не более ${russianCount(num(d.maximumBytes), { one: 'байта', few: 'байт', many: 'байт' })}) и не отправлен. Сузьте запрос или сообщите администратору системы.`,
    en: `The answer is too large (at most ${s(d.maximumBytes)} bytes) and was not sent. Narrow the request or tell the system administrator.`,
  }),
  ROUTE_NOT_FOUND: () => ({
    kk: 'Мұндай әрекет жоқ.',
    ru: 'Такой операции нет.',
    en: 'There is no such operation.',
  }),
  IDEMPOTENCY_KEY_REUSED: () => ({
    kk: `Бұл ${literal('Idempotency-Key')} кілті басқа сұранысқа қолданылған.`,
    ru: `Этот ключ ${literal('Idempotency-Key')} уже использован для другого запроса.`,
    en: 'This Idempotency-Key was used for a different request.',
  }),
  REQUEST_IN_PROGRESS: () => ({
    kk: 'Осы кілтпен сұраныс әлі орындалуда; сәлден соң қайталаңыз.',
    ru: 'Запрос с этим ключом ещё выполняется; повторите чуть позже.',
    en: 'A request with this key is still running; retry shortly.',
  }),
  UNSUPPORTED_MEDIA_TYPE: () => ({
    kk: 'Сұраныстың денесі JSON болуы керек; сайлаушылар тізімі мен қол қою парақтары JSON Lines, CSV (UTF-8 не Windows-1251) немесе XLSX түрінде де қабылданады.',
    ru: 'Тело запроса должно быть в JSON; список избирателей и подписные листы принимаются также в JSON Lines, CSV (UTF-8 или Windows-1251) или XLSX.',
    en: 'The body must be JSON; voter lists and signature sheets are also taken as JSON Lines, CSV (UTF-8 or Windows-1251) or XLSX.',
  }),
  SPREADSHEET_TOO_LARGE: (d) => ({
    kk: `XLSX файлы оқуға тым үлкен: ашылған күйінде ${s(d.maximumMegabytes)} МБ-тан, парақтары ${s(d.maximumRow)}-жолдан және ${literal(d.maximumColumn)} бағанынан аспауы керек.`,
    ru: `Файл XLSX слишком велик для чтения: в распакованном виде не более ${s(d.maximumMegabytes)} МБ, листы не дальше строки ${s(d.maximumRow)} и столбца ${literal(d.maximumColumn)}.`,
    en: `The XLSX file is too large to read: at most ${s(d.maximumMegabytes)} MB unpacked, its sheets no further than row ${s(d.maximumRow)} and column ${s(d.maximumColumn)}.`,
  }),
  INTERNAL: () => ({
    kk: 'Ішкі қате. Сұранысты кейінірек қайталаңыз.',
    ru: 'Внутренняя ошибка. Повторите запрос позже.',
    en: 'Internal error. Please retry later.',
  }),
  FORBIDDEN: () => ({
    kk: 'Бұл әрекетке рұқсатыңыз жоқ.',
    ru: 'У вас нет права на это действие.',
    en: 'You are not allowed to do this.',
  }),
  REGISTER_AFTER_CLOSE: (d) => {
    const at = momentInWords(d.closedAt, d.timeZone);
    return {
      kk: `Кандидаттарды ұсыну ${at.kk} аяқталды: сайлаушылар тізімін енді ауыстыруға болмайды, қолдар бұрынғы тізім бойынша есептелді.`,
      ru: `Выдвижение кандидатов завершилось ${at.ru}: список избирателей больше нельзя заменить, подписи подсчитаны по прежнему списку.`,
      en: `Nomination closed on ${at.en}: the voter list can no longer be replaced, the signatures were counted on the one before.`,
    };
  },
  VOTER_REGISTER_MISSING: () => ({
    kk: 'Алдымен округтің сайлаушылар тізімін жүктеу керек: 1% шегі содан есептеледі.',
    ru: 'Сначала нужно загрузить список избирателей округа: от него считается порог в 1%.',
    en: 'Import the district’s voter list first: the 1% threshold is computed from it.',
  }),
  EVIDENCE_CURSOR_INVALID: () => ({
    kk: 'Бет белгісі (курсор) жарамсыз немесе басқа іске тиесілі. Дәлелдерді бірінші беттен бастап, белгісіз қайта сұраңыз.',
    ru: 'Указатель страницы (курсор) недействителен или относится к другому делу. Запросите материалы заново с первой страницы, без указателя.',
    en: 'The page cursor is invalid or belongs to another case. Ask for the evidence again from the first page, without a cursor.',
  }),
  JOBS_RUNNING: (d) => ({
    kk: `Сайлаудың ${s(d.jobs)} жаппай жұмысы әлі аяқталған жоқ; кандидаттарды ұсыну олар аяқталған соң жабылады.`,
    ru: `Не завершено пакетных заданий выборов: ${s(d.jobs)}; выдвижение кандидатов закроется после их завершения.`,
    en: `${s(d.jobs)} bulk jobs of the election are still at work; nomination closes once they end.`,
  }),
  UPLOAD_MISSING: () => ({
    kk: 'Бұл жүктеу табылмады: файл әлі жіберілмеген, оның мерзімі өткен немесе ол басқа құжатқа арналған. Жаңа жүктеу сұрап, файлды қайта жіберіңіз.',
    ru: 'Эта загрузка не найдена: файл ещё не отправлен, срок загрузки истёк или она сделана для другого документа. Запросите новую загрузку и отправьте файл снова.',
    en: 'This upload is not found: the file has not been sent yet, the upload has expired, or it was made for another document. Ask for a new upload and send the file again.',
  }),
  UPLOAD_URL_INVALID: () => ({
    kk: 'Жүктеу сілтемесі жарамсыз немесе оның мерзімі өткен. Жаңа жүктеу сұраңыз.',
    ru: 'Ссылка для загрузки недействительна или её срок истёк. Запросите новую загрузку.',
    en: 'The upload link is invalid or has expired. Ask for a new upload.',
  }),
  UPLOAD_ALREADY_SENT: () => ({
    kk: 'Бұл сілтеме бойынша файл жіберіліп қойған; оны ауыстыруға болмайды. Басқа файл үшін жаңа жүктеу сұраңыз.',
    ru: 'По этой ссылке файл уже отправлен, заменить его нельзя. Для другого файла запросите новую загрузку.',
    en: 'A file was already sent to this link and cannot be replaced. Ask for a new upload for another file.',
  }),
  UPLOAD_NOT_AS_DECLARED: (d) => ({
    kk: `Файл жүктеу сұралғандағыдай емес: түрі ${literal(d.contentType)}, көлемі ${s(d.bytes)} байт болуы керек.`,
    ru: `Файл не такой, как заявлен при запросе загрузки: тип должен быть ${literal(d.contentType)}, размер — ${russianCount(num(d.bytes), { one: 'байт', few: 'байта', many: 'байт' })}.`,
    en: `The file is not as declared when the upload was asked for: its type must be ${literal(d.contentType)} and its size ${s(d.bytes)} bytes.`,
  }),
  NOT_FOUND: (d) => {
    const entity = entityName(d.entity);
    return {
      kk: `Табылмады: ${entity.kk}.`,
      ru: `Не найдено: ${entity.ru}.`,
      en: `Not found: ${entity.en}.`,
    };
  },
} satisfies Record<string, Template>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}

export function localize(code: ErrorCode, details: Details = {}): LocalizedText {
  return errorCatalogue[code](details);
}

/**
 * A notice of an election in words, its moments in the election's zone; null for a code the catalogue does not
 * know (a notice stored by a newer version), which then keeps only its code and details.
 */
export function localizeNotice(
  notice: { readonly code: string; readonly details: Details },
  timeZone: string,
): LocalizedText | null {
  return isErrorCode(notice.code) ? localize(notice.code, { ...notice.details, timeZone }) : null;
}

/** A message by a code given as text (a finding's code inside another message's details): its own words. */
function messageOf(code: string, details: Details): LocalizedText {
  const catalogue: Readonly<Record<string, Template>> = errorCatalogue;
  const template = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  return template === undefined ? { kk: '', ru: '', en: code } : template(details);
}
