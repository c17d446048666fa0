import * as z from 'zod';
import { DomainError, ValidationError } from './errors.ts';
import { IinSchema } from './iin.ts';
import { DistrictCodeSchema } from './kato.ts';
import { InstantSchema } from './local-date.ts';
import { PartyIdSchema } from './nomination.ts';
import { PLAIN_LINE } from './plain-line.ts';

/** The roles an account may have: who signs in to the desk. The public needs no account. */
export const AccountRoleSchema = z.enum(['commission', 'akimat', 'party', 'candidate']);
export type AccountRole = z.infer<typeof AccountRoleSchema>;

/**
 * What a person types to sign in: lower case, letters, digits and `. _ - @`, 3 to 64 characters. Never twelve
 * digits in a row, so that nobody makes an IIN their login name (names are listed where IINs may not be).
 */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{2,63}$/)
  .refine((username) => !/\d{12}/.test(username));

/** A person's or an office's name as the desk greets them: one line of plain text (`PLAIN_LINE`). */
export const AccountNameSchema = z.string().trim().min(1).max(200).regex(PLAIN_LINE);

/** The account's id, its subject in tokens and audit trails: random, never a person's IIN or name. */
export const AccountIdSchema = z.union([
  z.string().regex(/^acct-[0-9a-f]{24}$/),
  // On AWS the account is a Cognito user, and its id the user's `sub`, which its tokens carry.
  z.uuid(),
]);

/** The scope an account acts in, by role: a district, a party, or (a candidate) their own IIN. */
export const AccountScopeSchema = z.union([
  z.strictObject({ district: DistrictCodeSchema }),
  z.strictObject({ partyId: PartyIdSchema }),
  z.strictObject({ iin: z.string().regex(/^\d{12}$/) }),
]);
export type AccountScope = z.infer<typeof AccountScopeSchema>;

/**
 * A request for a new account (createAccount, and the operator's `npm run users -- add`): its role, the scope
 * that role acts in, a name, and the login name (made from the name when not given). Never the admin flag.
 */
export const NewAccountSchema = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('commission'),
    scope: DistrictCodeSchema,
    name: AccountNameSchema,
    username: UsernameSchema.optional(),
  }),
  z.strictObject({
    role: z.literal('akimat'),
    scope: DistrictCodeSchema,
    name: AccountNameSchema,
    username: UsernameSchema.optional(),
  }),
  z.strictObject({
    role: z.literal('party'),
    scope: PartyIdSchema,
    name: AccountNameSchema,
    username: UsernameSchema.optional(),
  }),
  z.strictObject({
    role: z.literal('candidate'),
    scope: IinSchema,
    name: AccountNameSchema,
    username: UsernameSchema.optional(),
  }),
]);
export type NewAccount = z.infer<typeof NewAccountSchema>;

/** An account as the desk and the operator see it: never its password or the hash of one. */
export const AccountSchema = z.strictObject({
  accountId: AccountIdSchema,
  username: z.string(),
  name: z.string(),
  role: AccountRoleSchema,
  scope: AccountScopeSchema,
  /** A commission's administrator: creates and disables the accounts of its district. */
  admin: z.boolean(),
  disabled: z.boolean(),
  /** The district whose commission manages the account; absent for one the operator made outside any. */
  managedBy: DistrictCodeSchema.optional(),
  /** The account id of its creator, or `operator` for the operator's command line. */
  createdBy: z.string(),
  createdAt: InstantSchema,
  disabledBy: z.string().optional(),
  disabledAt: InstantSchema.optional(),
});
export type Account = z.infer<typeof AccountSchema>;

/**
 * createAccount's answer: the account, and its first password, shown this once and stored nowhere in clear, or,
 * where the directory mails it (Cognito, to a login name that is an e-mail address), only that it was mailed.
 */
export const CreatedAccountSchema = z.strictObject({
  account: AccountSchema,
  initialPassword: z
    .string()
    .optional()
    .describe('Only when the directory does not mail it, and only in the first answer, never in a repeat'),
  passwordMailed: z
    .boolean()
    .describe(
      'The directory mailed the temporary password to the login name (an e-mail address): none is shown',
    ),
});
export type CreatedAccount = z.infer<typeof CreatedAccountSchema>;

export const AccountListSchema = z.strictObject({ accounts: z.array(AccountSchema) });

/** A candidate's IIN as lists show it: its last four digits only, as the desk and the command line do. */
export function maskedIin(iin: string): string {
  return `••••••••${iin.slice(-4)}`;
}

/**
 * An account as the operator's listing shows it: a candidate's IIN masked (a terminal's scrollback is logged). The
 * scope then no longer reads as an IIN, so the listing has its own schema.
 */
export const ListedAccountSchema = AccountSchema.extend({
  scope: z.union([
    z.strictObject({ district: DistrictCodeSchema }),
    z.strictObject({ partyId: PartyIdSchema }),
    z.strictObject({ iin: z.string().regex(/^•{8}\d{4}$/) }),
  ]),
});
export type ListedAccount = z.infer<typeof ListedAccountSchema>;

/** The account with a candidate's IIN masked. */
export function listedAccount(account: Account): ListedAccount {
  return 'iin' in account.scope ? { ...account, scope: { iin: maskedIin(account.scope.iin) } } : account;
}

/**
 * Parties' secretaries and candidates act in the elections of the district that manages their account: one
 * made without it could follow no inbox and list no cases of its own.
 */
export function needsManagingDistrict(role: AccountRole): boolean {
  return role === 'party' || role === 'candidate';
}

/** A party's or candidate's account made without the district that manages it. */
export class AccountDistrictRequiredError extends ValidationError {
  constructor() {
    super([
      {
        field: 'managedBy',
        code: 'ACCOUNT_DISTRICT_REQUIRED',
      },
    ]);
  }
}

/** The scope of a new account's role, in the shape every account keeps it. */
export function scopeOf(account: NewAccount): AccountScope {
  switch (account.role) {
    case 'commission':
    case 'akimat':
      return { district: account.scope };
    case 'party':
      return { partyId: account.scope };
    case 'candidate':
      return { iin: account.scope };
  }
}

/** Kazakh and Russian letters as plain Latin ones, for login names typed on any keyboard. */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * A login name made from a person's name when none was given: the name in plain Latin letters (or the role),
 * then a random tail so that two people of the same name get two names. The caller passes the random part.
 */
export function usernameFor(account: NewAccount, randomTail: string): string {
  const base = [...account.name.toLowerCase()]
    .map((letter) => LATIN[letter] ?? letter)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .replace(/\d{6,}/g, '')
    .slice(0, 40);
  return `${base.length >= 3 ? base : account.role}.${randomTail}`;
}

/** The login name is another account's already. */
export class UsernameTakenError extends DomainError {
  override readonly name = 'UsernameTakenError';
  readonly kind = 'conflict';
  constructor(username: string) {
    super('USERNAME_TAKEN', { username });
  }
}

/** A commission's administrator makes commission and akimat accounts of its own district only. */
export class AccountOutsideDistrictError extends DomainError {
  override readonly name = 'AccountOutsideDistrictError';
  readonly kind = 'forbidden';
  constructor(district: string) {
    super('ACCOUNT_OUTSIDE_DISTRICT', { district });
  }
}

/**
 * Only the operator makes a commission administrator, so only the operator disables one: otherwise one
 * administrator could lock the district's others out of the desk, and none of them could undo it.
 */
export class AdministratorAccountError extends DomainError {
  override readonly name = 'AdministratorAccountError';
  readonly kind = 'forbidden';
  constructor() {
    super('ADMINISTRATOR_ACCOUNT_OPERATOR_ONLY');
  }
}

/** An administrator who disabled their own account could lock the district's commission out of the desk. */
export class CannotDisableOwnAccountError extends DomainError {
  override readonly name = 'CannotDisableOwnAccountError';
  readonly kind = 'rule';
  constructor() {
    super('CANNOT_DISABLE_OWN_ACCOUNT');
  }
}
