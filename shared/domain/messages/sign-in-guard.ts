import type { Template } from './details.ts';

/** What the engine's sign-in page says when it will not check a password just now, in kk/ru/en. */
export const signInGuardMessages = {
  SIGN_IN_THROTTLED: () => ({
    kk: 'Бұл пайдаланушы атына тым көп қате құпиясөз енгізілді. Бірнеше минут күтіп, қайталаңыз.',
    ru: 'Для этого имени пользователя введено слишком много неверных паролей. Подождите несколько минут и повторите.',
    en: 'Too many wrong passwords for this username. Wait a few minutes and try again.',
  }),
  SIGN_IN_BUSY: () => ({
    kk: 'Қазір тым көп адам бір мезгілде кіріп жатыр. Біраздан кейін қайталаңыз.',
    ru: 'Сейчас слишком много людей входят одновременно. Повторите чуть позже.',
    en: 'Too many people are signing in at once. Try again in a moment.',
  }),
} satisfies Record<string, Template>;
