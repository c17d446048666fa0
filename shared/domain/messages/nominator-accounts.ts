import type { Template } from './details.ts';

/**
 * The accounts of parties' secretaries and candidates, and their own cases ("my cases"), in kk/ru/en: an account
 * made without the district that manages it, and a page of cases asked for with a cursor this caller was not given.
 */
export const nominatorAccountMessages = {
  ACCOUNT_DISTRICT_REQUIRED: () => ({
    kk: 'Партия хатшысының немесе кандидаттың тіркелгісі үшін оны басқаратын ауданды көрсетіңіз (төрт цифр): хабарламалар мен «Менің істерім» беті сол ауданның сайлауларын көрсетеді.',
    ru: 'Для учётной записи секретаря партии или кандидата укажите район, который ею управляет (четыре цифры): уведомления и страница «Мои дела» показывают выборы этого района.',
    en: 'A party secretary’s or a candidate’s account needs the district that manages it (four digits): the inbox and “My cases” show that district’s elections.',
  }),
  MY_CASES_CURSOR_INVALID: () => ({
    kk: 'Бұл бет сілтемесі жарамсыз немесе басқа тіркелгіге тиесілі: тізімді басынан ашыңыз.',
    ru: 'Ссылка на эту страницу недействительна или относится к другой учётной записи: откройте список с начала.',
    en: 'This page link is not valid or belongs to another account: open the list from the start.',
  }),
} satisfies Record<string, Template>;
