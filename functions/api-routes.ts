import { route as cancelRegistration } from './routes/cancel-registration.ts';
import { route as confirmPartyNomination } from './routes/confirm-party-nomination.ts';
import { route as createAccount } from './routes/create-account.ts';
import { route as createElection } from './routes/create-election.ts';
import { route as createUpload } from './routes/create-upload.ts';
import { route as decideRegistration } from './routes/decide-registration.ts';
import { route as disableAccount } from './routes/disable-account.ts';
import { route as fileNomination } from './routes/file-nomination.ts';
import { route as getCase } from './routes/get-case.ts';
import { route as getCaseEvidence } from './routes/get-case-evidence.ts';
import { route as getCaseTimeline } from './routes/get-case-timeline.ts';
import { route as getElection } from './routes/get-election.ts';
import { route as getJob } from './routes/get-job.ts';
import { route as getTime } from './routes/get-time.ts';
import { route as importVoterRegister } from './routes/import-voter-register.ts';
import { route as listAccounts } from './routes/list-accounts.ts';
import { route as listCandidates } from './routes/list-candidates.ts';
import { route as listCases } from './routes/list-cases.ts';
import { route as listElections } from './routes/list-elections.ts';
import { route as listMyCases } from './routes/list-my-cases.ts';
import { route as listNotices } from './routes/list-notices.ts';
import { route as markNoticesRead } from './routes/mark-notices-read.ts';
import { route as recordCommunityConsent } from './routes/record-community-consent.ts';
import { route as reinstateCase } from './routes/reinstate-case.ts';
import { route as submitSignatures } from './routes/submit-signatures.ts';
import { route as withdrawNomination } from './routes/withdraw-nomination.ts';
import type { ApiRoute } from './support/api-route.ts';
import { matchRouteIn } from './support/route-match.ts';

export { decodeSegment, pathParameterPatterns } from './support/route-match.ts';

/**
 * The HTTP API: every operation's route (one module each under routes/, so that an operation's function bundles
 * its own route and handler only). The local server, the OpenAPI document and the AWS stack read this table.
 */
export const apiRoutes: readonly ApiRoute[] = [
  getTime,
  listElections,
  listNotices,
  markNoticesRead,
  createElection,
  getElection,
  importVoterRegister,
  createUpload,
  getJob,
  fileNomination,
  listMyCases,
  listCases,
  getCase,
  getCaseTimeline,
  getCaseEvidence,
  submitSignatures,
  confirmPartyNomination,
  recordCommunityConsent,
  decideRegistration,
  cancelRegistration,
  reinstateCase,
  withdrawNomination,
  listCandidates,
  listAccounts,
  createAccount,
  disableAccount,
];

/** The route and path parameters for a method and path among all routes, or null. */
export function matchRoute(
  method: string,
  path: string,
): { route: ApiRoute; params: Record<string, string> } | null {
  return matchRouteIn(apiRoutes, method, path);
}
