import type { Template } from './details.ts';

/** What the account directory on AWS (the Cognito user pool) answers when it cannot do what was asked, in kk/ru/en. */
export const accountDirectoryMessages = {
  ACCOUNT_DIRECTORY_BUSY: () => ({
    kk: 'Тіркелгілер қызметі қазір шамадан тыс жүктелген. Бірнеше секундтан кейін қайталаңыз.',
    ru: 'Служба учётных записей сейчас перегружена. Повторите через несколько секунд.',
    en: 'The account service is busy just now. Try again in a few seconds.',
  }),
  ACCOUNT_LIMIT_REACHED: () => ({
    kk: 'Тіркелгілер қызметінің шегіне жетті; жаңа тіркелгі ашылмады. Жүйе әкімшісіне хабарласыңыз.',
    ru: 'Достигнут предел службы учётных записей; новая учётная запись не создана. Обратитесь к администратору системы.',
    en: 'The account service has reached its limit; no account was created. Tell the system administrator.',
  }),
} satisfies Record<string, Template>;
