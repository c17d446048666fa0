import { cognitoAccounts } from '../support/aws-adapters/cognito-accounts.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listAccounts. */
export const handler = apiLambdaHandler('listAccounts', { accounts: cognitoAccounts });
