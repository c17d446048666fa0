import { route } from '../routes/disable-account.ts';
import { cognitoAccounts } from '../support/aws-adapters/cognito-accounts.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation disableAccount. */
export const handler = apiLambdaHandler({ routes: [route] }, { accounts: cognitoAccounts });
