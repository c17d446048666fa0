import type { Account, AccountRole, AccountScope, CreatedAccount } from '../domain/account.ts';
import type { Instant } from '../domain/local-date.ts';

/** A new account as the directory writes it: who it is for, and who made it when. */
export interface AccountCreation {
  readonly username: string;
  readonly name: string;
  readonly role: AccountRole;
  readonly scope: AccountScope;
  /** Only the operator's command line makes an administrator (a commission account). */
  readonly admin: boolean;
  /** The district whose commission manages the account; none for one the operator made outside any. */
  readonly managedBy?: string;
  /** The creator's account id, or `operator`. */
  readonly createdBy: string;
  readonly createdAt: Instant;
}

/**
 * The accounts that sign in to the desk, and scope them: the local engine's own (infra/local/accounts/) and the
 * Cognito user pool on AWS. Handlers authorise; a directory only keeps. Errors: `UsernameTakenError` when the
 * login name is in use (whoever asked first wins), `NotFoundError('account')` for an unknown id.
 */
export interface AccountDirectory {
  /**
   * Creates the account with a new strong password, kept only as its hash (or by Cognito): returned this once,
   * or, where the directory mails it to the login name (Cognito, an e-mail address), not returned at all.
   */
  create(creation: AccountCreation): Promise<CreatedAccount>;
  /** The accounts a district's commission manages, in the order they were created. */
  managedBy(district: string): Promise<Account[]>;
  find(accountId: string): Promise<Account | null>;
  /**
   * Disables the account: it cannot sign in again. On Cognito the tokens it already holds stay valid until they
   * expire (an hour at most); the local engine refuses them at once. Disabling a disabled account changes
   * nothing and answers it as it is.
   */
  disable(accountId: string, by: string, at: Instant): Promise<Account>;
}
