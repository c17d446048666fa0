import type { LocalizedText } from '../language.ts';
import { formatName, valueKindName } from './case-terms.ts';
import { type Details, num, quotedList, s, type Template } from './details.ts';
import { literal, russianCount, russianDays } from './wording.ts';

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

/** Messages of request validation (field-level issues), in kk/ru/en. */
export const requestValidationMessages = {
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
} satisfies Record<string, Template>;
