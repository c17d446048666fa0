import type { CaseEventType, CaseStatus } from '../case-lifecycle.ts';
import type { DocumentKind, EducationLevel } from '../election-rules.ts';
import type { LocalizedText } from '../language.ts';
import { literal, same } from './wording.ts';

/**
 * The API's names of things (statuses, events, steps, document kinds…) as people say them in kk/ru/en, terms as
 * in ../shared/glossary.md: a message names the thing, never the API's token for it.
 */

/** A term by its API name; a name the table lacks (a newer or a stored value) is quoted, not guessed. */
function termOf<K extends string>(table: Readonly<Record<K, LocalizedText>>, name: unknown): LocalizedText {
  const key = String(name);
  return Object.hasOwn(table, key) ? table[key as K] : same(literal(key));
}

const caseStatuses: Readonly<Record<CaseStatus, LocalizedText>> = {
  AwaitingPartyConfirmation: {
    kk: 'партияның растауын күтуде',
    ru: 'ожидает подтверждения партии',
    en: 'awaiting the party’s confirmation',
  },
  AwaitingSignatures: {
    kk: 'қол қою парақтарын күтуде',
    ru: 'ожидает подписных листов',
    en: 'awaiting signature sheets',
  },
  AwaitingCommunityConsent: {
    kk: 'жергілікті қоғамдастық жиналысының келісімін күтуде',
    ru: 'ожидает согласия собрания местного сообщества',
    en: 'awaiting the local community meeting’s consent',
  },
  CheckingEligibility: {
    kk: 'кандидаттың талаптарға сәйкестігі тексерілуде',
    ru: 'идёт проверка соответствия кандидата требованиям',
    en: 'checking the candidate’s eligibility',
  },
  AwaitingRegistrationDecision: {
    kk: 'аумақтық сайлау комиссиясының тіркеу туралы шешімін күтуде',
    ru: 'ожидает решения территориальной избирательной комиссии о регистрации',
    en: 'awaiting the territorial election commission’s registration decision',
  },
  Registered: { kk: 'кандидат тіркелді', ru: 'кандидат зарегистрирован', en: 'candidate registered' },
  Refused: { kk: 'тіркеуден бас тартылды', ru: 'отказано в регистрации', en: 'registration refused' },
  PartyDeclined: {
    kk: 'партия ұсынуды растамады',
    ru: 'партия не подтвердила выдвижение',
    en: 'the party did not confirm the nomination',
  },
  SignaturesInsufficient: {
    kk: 'кандидатты қолдайтын қолдар жеткіліксіз',
    ru: 'недостаточно подписей в поддержку',
    en: 'not enough signatures in support',
  },
  ConsentRefused: {
    kk: 'жергілікті қоғамдастық жиналысы келісім бермеді',
    ru: 'собрание местного сообщества не дало согласия',
    en: 'the local community meeting did not consent',
  },
  Withdrawn: {
    kk: 'кандидат өз кандидатурасын алып тастады',
    ru: 'кандидат снял свою кандидатуру',
    en: 'the candidate withdrew',
  },
  Revoked: {
    kk: 'партия кандидатты кері шақырып алды',
    ru: 'кандидат отозван партией',
    en: 'revoked by the party',
  },
  Lapsed: {
    kk: 'мерзімі өткендіктен тоқтатылды',
    ru: 'прекращено за истечением срока',
    en: 'lapsed at its deadline',
  },
  RegistrationCancelled: {
    kk: 'тіркеудің күші жойылды',
    ru: 'регистрация отменена',
    en: 'registration cancelled',
  },
};

const caseEvents: Readonly<Record<CaseEventType, LocalizedText>> = {
  PartyConfirmed: { kk: 'партияның растауы', ru: 'подтверждение партией', en: 'the party’s confirmation' },
  PartyDeclined: {
    kk: 'партияның растаудан бас тартуы',
    ru: 'отказ партии в подтверждении',
    en: 'the party declining',
  },
  SignaturesVerified: {
    kk: 'қолдарды тексеру',
    ru: 'проверка подписей',
    en: 'verification of the signatures',
  },
  CommunityConsentRecorded: {
    kk: 'жиналыстың келісімін тіркеу',
    ru: 'запись согласия собрания',
    en: 'recording the meeting’s consent',
  },
  EligibilityAssessed: {
    kk: 'кандидаттың талаптарға сәйкестігін тексеру',
    ru: 'проверка соответствия кандидата требованиям',
    en: 'the eligibility check',
  },
  RegistrationDecided: {
    kk: 'тіркеу туралы шешім',
    ru: 'решение о регистрации',
    en: 'the registration decision',
  },
  Withdrawn: {
    kk: 'өз кандидатурасын алып тастау',
    ru: 'снятие своей кандидатуры',
    en: 'withdrawal of one’s candidacy',
  },
  NominationRevoked: {
    kk: 'партияның кандидатты кері шақырып алуы',
    ru: 'отзыв кандидата партией',
    en: 'revocation by the party',
  },
  RegistrationCancelled: {
    kk: 'тіркеудің күшін жою',
    ru: 'отмена регистрации',
    en: 'cancellation of registration',
  },
  DeadlineReached: { kk: 'мерзімнің өтуі', ru: 'истечение срока', en: 'a deadline passing' },
  Reinstated: {
    kk: 'сот немесе жоғары тұрған комиссия шешімімен қалпына келтіру',
    ru: 'восстановление по решению суда или вышестоящей комиссии',
    en: 'reinstatement by a court or a higher commission',
  },
};

/** The steps a deadline can close or a decision settles: the waiting steps of a case, and the later decisions. */
const steps: Readonly<Record<string, LocalizedText>> = {
  'party-confirmation': {
    kk: 'партияның ұсынуды растауы',
    ru: 'подтверждение выдвижения партией',
    en: 'the party’s confirmation of the nomination',
  },
  signatures: {
    kk: 'қол қою парақтарын тапсыру',
    ru: 'представление подписных листов',
    en: 'handing in the signature sheets',
  },
  'community-consent': {
    kk: 'жергілікті қоғамдастық жиналысының келісімі',
    ru: 'согласие собрания местного сообщества',
    en: 'the local community meeting’s consent',
  },
  'registration-decision': {
    kk: 'аумақтық сайлау комиссиясының кандидатты тіркеу туралы шешімі',
    ru: 'решение территориальной избирательной комиссии о регистрации кандидата',
    en: 'the territorial election commission’s decision on registration',
  },
  withdrawal: {
    kk: 'өз кандидатурасын алып тастау',
    ru: 'снятие своей кандидатуры',
    en: 'withdrawal of one’s candidacy',
  },
  revocation: {
    kk: 'партияның кандидатты кері шақырып алуы',
    ru: 'отзыв кандидата партией',
    en: 'revocation by the party',
  },
  cancellation: {
    kk: 'тіркеудің күшін жою',
    ru: 'отмена регистрации',
    en: 'cancellation of registration',
  },
  reinstatement: {
    kk: 'сот немесе жоғары тұрған комиссия шешімін енгізу',
    ru: 'внесение решения суда или вышестоящей комиссии',
    en: 'recording a decision of a court or a higher commission',
  },
};

const entities: Readonly<Record<string, LocalizedText>> = {
  election: { kk: 'сайлау', ru: 'выборы', en: 'election' },
  case: { kk: 'кандидатты ұсыну ісі', ru: 'дело о выдвижении кандидата', en: 'nomination case' },
  job: { kk: 'жаппай жұмыс', ru: 'пакетное задание', en: 'bulk job' },
  'voter-register': { kk: 'сайлаушылар тізімі', ru: 'список избирателей', en: 'voter list' },
};

const documentKindNames: Readonly<Record<DocumentKind, LocalizedText>> = {
  'identity-document': {
    kk: 'жеке басын куәландыратын құжат',
    ru: 'документ, удостоверяющий личность',
    en: 'identity document',
  },
  application: { kk: 'өтініш', ru: 'заявление', en: 'application' },
  'service-record': { kk: 'еңбек жолы туралы құжат', ru: 'послужной список', en: 'service record' },
  'education-document': {
    kk: 'білімі туралы құжат',
    ru: 'документ об образовании',
    en: 'education document',
  },
  'income-and-asset-declaration': {
    kk: 'кірістер мен мүлік туралы декларация',
    ru: 'декларация о доходах и имуществе',
    en: 'declaration of income and assets',
  },
  'spouse-declaration': {
    kk: 'жұбайының кірістер мен мүлік туралы декларациясы',
    ru: 'декларация супруга (супруги) о доходах и имуществе',
    en: 'the spouse’s declaration of income and assets',
  },
};

const educationLevelNames: Readonly<Record<EducationLevel, LocalizedText>> = {
  secondary: { kk: 'орта білім', ru: 'среднее образование', en: 'secondary education' },
  'technical-vocational': {
    kk: 'техникалық және кәсіптік білім',
    ru: 'техническое и профессиональное образование',
    en: 'technical and vocational education',
  },
  higher: { kk: 'жоғары білім', ru: 'высшее образование', en: 'higher education' },
};

/** What a JSON value should have been (zod's `expected`), said as people say it. */
const valueKinds: Readonly<Record<string, LocalizedText>> = {
  string: { kk: 'мәтін', ru: 'строка', en: 'text' },
  number: { kk: 'сан', ru: 'число', en: 'a number' },
  int: { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  boolean: {
    kk: `${literal('true')} немесе ${literal('false')}`,
    ru: `${literal('true')} или ${literal('false')}`,
    en: `${literal('true')} or ${literal('false')}`,
  },
  object: { kk: 'өрістері бар нысан', ru: 'объект с полями', en: 'an object with fields' },
  array: { kk: 'тізім', ru: 'список', en: 'a list' },
  null: { kk: 'бос мән', ru: 'пустое значение', en: 'an empty value' },
};

/** A string format zod checks (its `format`), said as people say it; an unlisted one is not named. */
const formats: Readonly<Record<string, LocalizedText>> = {
  datetime: {
    kk: 'уақыт белдеуі көрсетілген күн мен уақыт, ISO 8601 бойынша',
    ru: 'дата и время с часовым поясом по ISO 8601',
    en: 'a date and time with its offset, ISO 8601',
  },
  date: { kk: 'ЖЖЖЖ-АА-КК түріндегі күн', ru: 'дата в виде ГГГГ-ММ-ДД', en: 'a date as YYYY-MM-DD' },
  time: { kk: 'СС:ММ түріндегі уақыт', ru: 'время в виде ЧЧ:ММ', en: 'a time as HH:MM' },
  email: { kk: 'электрондық пошта мекенжайы', ru: 'адрес электронной почты', en: 'an email address' },
  uuid: { kk: 'бірегей сәйкестендіргіш', ru: 'уникальный идентификатор', en: 'a unique identifier' },
  url: { kk: 'интернет-мекенжай', ru: 'интернет-адрес', en: 'a web address' },
  // A body or file that could not be read at all (`shared/http/file-rows.ts`).
  JSON: { kk: 'дұрыс JSON', ru: 'корректный JSON', en: 'valid JSON' },
  'JSON line': { kk: 'дұрыс JSON жолы', ru: 'корректная строка JSON', en: 'a valid JSON line' },
  CSV: { kk: 'дұрыс CSV файлы', ru: 'корректный файл CSV', en: 'a valid CSV file' },
  XLSX: { kk: 'дұрыс XLSX файлы', ru: 'корректный файл XLSX', en: 'a valid XLSX file' },
};

export const caseStatusName = (status: unknown) => termOf(caseStatuses, status);
export const caseEventName = (event: unknown) => termOf(caseEvents, event);
export const stepName = (step: unknown) => termOf(steps, step);
export const entityName = (entity: unknown) => termOf(entities, entity);
export const documentKindName = (kind: unknown) => termOf(documentKindNames, kind);
export const educationLevelName = (level: unknown) => termOf(educationLevelNames, level);
export const valueKindName = (kind: unknown) => termOf(valueKinds, kind);

/** A format's words, or null when the format has none here (the message then does not name it). */
export function formatName(format: unknown): LocalizedText | null {
  const key = String(format);
  return Object.hasOwn(formats, key) ? (formats[key] ?? null) : null;
}

/** Every table whole, for the catalogue test: each term must be whole in each language. */
export const termTables = {
  caseStatuses,
  caseEvents,
  steps,
  entities,
  documentKindNames,
  educationLevelNames,
  valueKinds,
  formats,
} as const;
