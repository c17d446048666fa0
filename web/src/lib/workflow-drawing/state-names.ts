import { spacedName } from './label-lines.ts';

/**
 * The states of the drawn workflows in words, in the desk's three languages (terms as in ../shared/glossary.md).
 * Keyed by the ASL's state names: a state added or renamed in workflows/ without words here is drawn under its ASL
 * name in English words until it gets some, and a test names it.
 */
export type DiagramLanguage = 'kk' | 'ru' | 'en';

type Words = Readonly<Record<DiagramLanguage, string>>;

export const stateNames: Readonly<Record<string, Words>> = {
  // nomination-case
  LoadCase: { kk: 'Істі жүктеу', ru: 'Загрузка дела', en: 'Load the case' },
  RouteByStatus: { kk: 'Мәртебе бойынша бағыттау', ru: 'Выбор шага по статусу', en: 'Route by status' },
  AwaitPartyConfirmation: {
    kk: 'Партияның растауын күту',
    ru: 'Ожидание подтверждения партии',
    en: 'Await the party’s confirmation',
  },
  AwaitSignatures: {
    kk: 'Қол қою парақтарын күту',
    ru: 'Ожидание подписных листов',
    en: 'Await signature sheets',
  },
  AwaitCommunityConsent: {
    kk: 'Жиналыстың келісімін күту',
    ru: 'Ожидание согласия собрания',
    en: 'Await the meeting’s consent',
  },
  CheckEligibility: {
    kk: 'Талаптарға сәйкестігін тексеру',
    ru: 'Проверка соответствия требованиям',
    en: 'Check eligibility',
  },
  AwaitRegistrationDecision: {
    kk: 'Тіркеу туралы шешімді күту',
    ru: 'Ожидание решения о регистрации',
    en: 'Await the registration decision',
  },
  RecordCaseFailure: { kk: 'Іркілісті жазу', ru: 'Запись сбоя', en: 'Record the failure' },
  CaseWorkflowFailed: { kk: 'Іркіліспен тоқтады', ru: 'Остановлено сбоем', en: 'Stopped by a failure' },
  CaseClosed: { kk: 'Іс аяқталды', ru: 'Дело завершено', en: 'Case closed' },
  // election-calendar
  LoadElection: { kk: 'Сайлауды жүктеу', ru: 'Загрузка выборов', en: 'Load the election' },
  RouteByPhase: { kk: 'Кезең бойынша бағыттау', ru: 'Выбор шага по этапу', en: 'Route by phase' },
  CloseNomination: {
    kk: 'Кандидаттарды ұсынуды аяқтау',
    ru: 'Завершение выдвижения кандидатов',
    en: 'Close nomination',
  },
  CloseExtendedNomination: {
    kk: 'Ұзартылған ұсыну мерзімін аяқтау',
    ru: 'Завершение продлённого выдвижения',
    en: 'Close the extended nomination',
  },
  CloseRegistration: {
    kk: 'Кандидаттарды тіркеуді аяқтау',
    ru: 'Завершение регистрации кандидатов',
    en: 'Close registration',
  },
  EndOverdueWaits: {
    kk: 'Мерзімі өткен күтулерді аяқтау',
    ru: 'Завершение просроченных ожиданий',
    en: 'End overdue waits',
  },
  WaitForNextDeadline: {
    kk: 'Келесі мерзімді күту',
    ru: 'Ожидание следующего срока',
    en: 'Wait for the next deadline',
  },
  RecordCalendarFailure: { kk: 'Іркілісті жазу', ru: 'Запись сбоя', en: 'Record the failure' },
  CalendarFailed: { kk: 'Іркіліспен тоқтады', ru: 'Остановлено сбоем', en: 'Stopped by a failure' },
  CalendarDone: { kk: 'Күнтізбе аяқталды', ru: 'Календарь завершён', en: 'Calendar done' },
};

/** A state's name in `language`; the ASL name in English words for a state this file does not know. */
export function stateName(state: string, language: DiagramLanguage): string {
  return Object.hasOwn(stateNames, state)
    ? (stateNames[state]?.[language] ?? spacedName(state))
    : spacedName(state);
}
