import type { Template } from './details.ts';

/** What the account API answers an administrator who tries to disable another administrator, in kk/ru/en. */
export const administratorAccountMessages = {
  ADMINISTRATOR_ACCOUNT_OPERATOR_ONLY: () => ({
    kk: 'Комиссия әкімшісінің тіркелгісін тек жүйе операторы өшіре алады.',
    ru: 'Учётную запись администратора комиссии может отключить только оператор системы.',
    en: 'Only the system operator can disable a commission administrator’s account.',
  }),
} satisfies Record<string, Template>;
