import type { Template } from './details.ts';
import { literal } from './wording.ts';

/** Accounts and signing in to the desk, in kk/ru/en: the account API's refusals and the sign-in page's words. */
export const accountMessages = {
  USERNAME_TAKEN: (d) => ({
    kk: `${literal(d.username)} пайдаланушы аты бос емес: басқасын таңдаңыз.`,
    ru: `Имя пользователя ${literal(d.username)} уже занято: выберите другое.`,
    en: `The username ${literal(d.username)} is taken: choose another.`,
  }),
  ACCOUNT_OUTSIDE_DISTRICT: (d) => ({
    kk: `Комиссия әкімшісі комиссия мен әкімдік тіркелгілерін тек өз ауданы үшін ашады (${literal(d.district)} ауданы емес).`,
    ru: `Администратор комиссии создаёт учётные записи комиссии и акимата только своего района (не района ${literal(d.district)}).`,
    en: `A commission administrator creates commission and akimat accounts of its own district only (not of district ${literal(d.district)}).`,
  }),
  CANNOT_DISABLE_OWN_ACCOUNT: () => ({
    kk: 'Өз тіркелгіңізді өшіре алмайсыз: оны ауданның басқа әкімшісі немесе оператор өшіреді.',
    ru: 'Нельзя отключить собственную учётную запись: это делает другой администратор района или оператор.',
    en: 'You cannot disable your own account: another administrator of the district or the operator can.',
  }),
  SIGN_IN_TITLE: () => ({
    kk: 'Жүйеге кіру',
    ru: 'Вход в систему',
    en: 'Sign in',
  }),
  SIGN_IN_USERNAME: () => ({
    kk: 'Пайдаланушы аты',
    ru: 'Имя пользователя',
    en: 'Username',
  }),
  SIGN_IN_PASSWORD: () => ({
    kk: 'Құпиясөз',
    ru: 'Пароль',
    en: 'Password',
  }),
  SIGN_IN_SUBMIT: () => ({
    kk: 'Кіру',
    ru: 'Войти',
    en: 'Sign in',
  }),
  SIGN_IN_LANGUAGE: () => ({
    kk: 'Тіл',
    ru: 'Язык',
    en: 'Language',
  }),
  SIGN_OUT_TITLE: () => ({
    kk: 'Жүйеден шығу',
    ru: 'Выход из системы',
    en: 'Sign out',
  }),
  SIGN_OUT_SUBMIT: () => ({
    kk: 'Шығу',
    ru: 'Выйти',
    en: 'Sign out now',
  }),
  SIGN_IN_FAILED: () => ({
    kk: 'Пайдаланушы аты немесе құпиясөз қате.',
    ru: 'Неверное имя пользователя или пароль.',
    en: 'Wrong username or password.',
  }),
  SIGN_IN_ACCOUNT_DISABLED: () => ({
    kk: 'Бұл тіркелгі өшірілген. Аудандық сайлау комиссиясының әкімшісіне хабарласыңыз.',
    ru: 'Эта учётная запись отключена. Обратитесь к администратору районной избирательной комиссии.',
    en: 'This account is disabled. Contact the administrator of the district election commission.',
  }),
  SIGN_IN_REQUEST_REFUSED: (d) => ({
    kk: `Кіру сұрауы қабылданбады (${literal(d.reason)}). Жұмыс үстеліне қайта оралып, қайтадан кіріңіз.`,
    ru: `Запрос на вход отклонён (${literal(d.reason)}). Вернитесь в рабочий кабинет и войдите снова.`,
    en: `The sign-in request was refused (${literal(d.reason)}). Go back to the desk and sign in again.`,
  }),
  SIGN_IN_EXPIRED: () => ({
    kk: 'Кіру беті ескірді. Жұмыс үстеліне қайта оралып, қайтадан кіріңіз.',
    ru: 'Страница входа устарела. Вернитесь в рабочий кабинет и войдите снова.',
    en: 'This sign-in page has expired. Go back to the desk and sign in again.',
  }),
} satisfies Record<string, Template>;
