import { DomainError } from './errors.ts';

/**
 * The account directory is throttling requests and went on doing so through the client's retries: the caller
 * may try again shortly (429), nothing was changed by this request.
 */
export class AccountDirectoryBusyError extends DomainError {
  override readonly name = 'AccountDirectoryBusyError';
  readonly kind = 'rule';
  constructor() {
    super('ACCOUNT_DIRECTORY_BUSY');
  }
}

/** The directory refuses to hold more (Cognito's LimitExceededException): an operator must act. */
export class AccountLimitReachedError extends DomainError {
  override readonly name = 'AccountLimitReachedError';
  readonly kind = 'rule';
  constructor() {
    super('ACCOUNT_LIMIT_REACHED');
  }
}
