import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAccountDirectory } from '../../../shared/aws/cognito-account-directory.ts';
import type { AwsAdapter } from './aws-adapter.ts';
import { unwired } from './unwired.ts';

/**
 * The desk's accounts: the Cognito user pool, with each account's record in the table. The stack tells the pool
 * only to the functions whose catalogue entry names user pool actions; without it, a call fails and says so.
 */
export const cognitoAccounts: AwsAdapter<'accounts'> = (env, table) =>
  env.USER_POOL_ID === undefined
    ? unwired('accounts')
    : new CognitoAccountDirectory(new CognitoIdentityProviderClient({}), env.USER_POOL_ID, table);
