import { apiLambdaHandler } from './support/lambda-api.ts';

/**
 * The Lambda entry points of the HTTP API, one per operation (the CDK stack gives each its own function and
 * permissions); `handler` serves every route, and the OpenAPI document, from one function.
 */
export const handler = apiLambdaHandler();
export const createElection = apiLambdaHandler('createElection');
export const getTime = apiLambdaHandler('getTime');
export const getElection = apiLambdaHandler('getElection');
export const importVoterRegister = apiLambdaHandler('importVoterRegister');
export const fileNomination = apiLambdaHandler('fileNomination');
export const listCases = apiLambdaHandler('listCases');
export const getCase = apiLambdaHandler('getCase');
export const createUpload = apiLambdaHandler('createUpload');
export const getJob = apiLambdaHandler('getJob');
export const getCaseTimeline = apiLambdaHandler('getCaseTimeline');
export const getCaseEvidence = apiLambdaHandler('getCaseEvidence');
export const submitSignatures = apiLambdaHandler('submitSignatures');
export const confirmPartyNomination = apiLambdaHandler('confirmPartyNomination');
export const recordCommunityConsent = apiLambdaHandler('recordCommunityConsent');
export const decideRegistration = apiLambdaHandler('decideRegistration');
export const withdrawNomination = apiLambdaHandler('withdrawNomination');
export const cancelRegistration = apiLambdaHandler('cancelRegistration');
export const reinstateCase = apiLambdaHandler('reinstateCase');
export const listCandidates = apiLambdaHandler('listCandidates');
export const listElections = apiLambdaHandler('listElections');
export const listNotices = apiLambdaHandler('listNotices');
export const markNoticesRead = apiLambdaHandler('markNoticesRead');
export const listAccounts = apiLambdaHandler('listAccounts');
export const createAccount = apiLambdaHandler('createAccount');
export const disableAccount = apiLambdaHandler('disableAccount');
