import { route } from '../routes/list-accounts.ts';
import { cognitoAccounts } from '../support/aws-adapters/cognito-accounts.ts';
import { apiLambdaHandler } from '../support/lambda-api.ts';

/** The Lambda of the API operation listAccounts. */
export const handler = apiLambdaHandler({ routes: [route] }, { accounts: cognitoAccounts });
