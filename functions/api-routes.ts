import * as z from 'zod';
import {
  AccountListSchema,
  AccountSchema,
  CreatedAccountSchema,
  NewAccountSchema,
} from '../shared/domain/account.ts';
import { CommunityConsentSchema } from '../shared/domain/community-consent.ts';
import { NewElectionSchema } from '../shared/domain/election.ts';
import { EvidencePageSchema } from '../shared/domain/evidence-pack.ts';
import { DistrictCodeSchema } from '../shared/domain/kato.ts';
import { FilingSchema } from '../shared/domain/nomination.ts';
import { RegistrationDecisionSchema } from '../shared/domain/registration.ts';
import { CancellationSchema } from '../shared/domain/registration-cancellation.ts';
import { ReinstatementSchema } from '../shared/domain/reinstatement.ts';
import { SignatureLineSchema } from '../shared/domain/signatures.ts';
import { VoterRowSchema } from '../shared/domain/voter-register.ts';
import { wholeNumber, withoutEmptyCells } from '../shared/http/request-body.ts';
import { CandidateListSchema } from '../shared/http/responses/candidates.ts';
import { CaseListSchema, CaseTimelineSchema, CaseViewSchema } from '../shared/http/responses/case.ts';
import { ElectionViewSchema } from '../shared/http/responses/election.ts';
import { JobViewSchema } from '../shared/http/responses/job.ts';
import { MyCasesPageSchema } from '../shared/http/responses/my-cases.ts';
import {
  ElectionsResponseSchema,
  MarkNoticesReadSchema,
  NoticesResponseSchema,
  ReadMarkResponseSchema,
} from '../shared/http/responses/notices.ts';
import { SignatureVerdictSchema } from '../shared/http/responses/signatures.ts';
import { TimeResponseSchema } from '../shared/http/responses/time.ts';
import { UploadSchema } from '../shared/http/responses/upload.ts';
import { RegisterInForceSchema } from '../shared/http/responses/voter-register.ts';
import * as cancelRegistration from './cancel-registration.ts';
import * as confirmPartyNomination from './confirm-party-nomination.ts';
import * as createAccount from './create-account.ts';
import * as createElection from './create-election.ts';
import * as createUpload from './create-upload.ts';
import * as decideRegistration from './decide-registration.ts';
import * as disableAccount from './disable-account.ts';
import * as fileNomination from './file-nomination.ts';
import * as getCase from './get-case.ts';
import * as getCaseEvidence from './get-case-evidence.ts';
import * as getCaseTimeline from './get-case-timeline.ts';
import * as getElection from './get-election.ts';
import * as getJob from './get-job.ts';
import * as getTime from './get-time.ts';
import * as importVoterRegister from './import-voter-register.ts';
import * as listAccounts from './list-accounts.ts';
import * as listCandidates from './list-candidates.ts';
import * as listCases from './list-cases.ts';
import * as listElections from './list-elections.ts';
import * as listMyCases from './list-my-cases.ts';
import * as listNotices from './list-notices.ts';
import * as markNoticesRead from './mark-notices-read.ts';
import * as recordCommunityConsent from './record-community-consent.ts';
import * as reinstateCase from './reinstate-case.ts';
import * as submitSignatures from './submit-signatures.ts';
import { type ApiRoute, defineBulkRoute, defineRoute } from './support/api-route.ts';
import * as withdrawNomination from './withdraw-nomination.ts';

const election = '/elections/{electionId}';
const aCase = `${election}/cases/{caseId}`;

/** The HTTP API: every operation, its route, and its handler. The local server and the AWS stack both serve this. */
export const apiRoutes: readonly ApiRoute[] = [
  defineRoute({
    operationId: 'getTime',
    tag: 'time',
    responseSchema: TimeResponseSchema,
    summary:
      'The engine’s current instant: deadlines are judged by it (the manual clock locally, CLOCK=manual), so countdowns start from it rather than the client’s clock; and whether it runs by itself (`real`) or stands until an operator moves it (`manual`), when a countdown must stand too.',
    method: 'GET',
    path: '/time',
    public: true,
    successStatus: 200,
    createHandler: getTime.createHandler,
  }),
  defineRoute({
    operationId: 'listElections',
    tag: 'elections',
    responseSchema: ElectionsResponseSchema,
    summary: 'A district’s elections by election day, read by anyone like each election.',
    method: 'GET',
    path: '/elections',
    public: true,
    successStatus: 200,
    query: {
      district: {
        description: 'The district’s four-digit code.',
        schema: DistrictCodeSchema,
      },
    },
    createHandler: listElections.createHandler,
  }),
  defineRoute({
    operationId: 'listNotices',
    tag: 'notices',
    responseSchema: NoticesResponseSchema,
    summary:
      'The caller’s inbox, newest first, with its unread count: the calendar’s notices to its body, what waits for it, deadlines near, decisions on its cases.',
    method: 'GET',
    path: '/notices',
    public: false,
    successStatus: 200,
    query: {
      district: {
        description:
          'For a party or candidate: the district whose elections it follows (a commission or akimat reads its own).',
        schema: DistrictCodeSchema,
      },
    },
    createHandler: listNotices.createHandler,
  }),
  defineRoute({
    operationId: 'markNoticesRead',
    tag: 'notices',
    responseSchema: ReadMarkResponseSchema,
    requestSchema: MarkNoticesReadSchema,
    summary:
      'The caller has read its inbox up to an instant (never past the engine’s now; a mark never moves back).',
    method: 'POST',
    path: '/notices/read',
    public: false,
    successStatus: 200,
    createHandler: markNoticesRead.createHandler,
  }),
  defineRoute({
    operationId: 'createElection',
    tag: 'elections',
    responseSchema: ElectionViewSchema,
    summary:
      'The district commission calls an election (CLE 113-1); the answer is the election as getElection shows it, rules as a list with value, source and basis.',
    requestSchema: NewElectionSchema,
    method: 'POST',
    path: '/elections',
    public: false,
    successStatus: 201,
    createHandler: createElection.createHandler,
  }),
  defineRoute({
    operationId: 'getElection',
    tag: 'public',
    responseSchema: ElectionViewSchema,
    summary:
      'An election: unit, calendar, phase, notices, the calling check (CLE 113-1 p.2), its rules as a list with value, source and basis, and where the district akim’s window for an additional candidate stands at the engine’s now, and why (CLE 113-3 p.6).',
    method: 'GET',
    path: election,
    public: true,
    successStatus: 200,
    createHandler: getElection.createHandler,
  }),
  defineBulkRoute({
    operationId: 'importVoterRegister',
    tag: 'registers',
    responseSchema: RegisterInForceSchema,
    summary:
      'The district’s voter list (JSON, JSON lines, CSV or XLSX), refused whole for any bad row; fixes the voter count of the 1% threshold. Above 20,000 rows, or as `{"upload": …}` (see createUpload), it answers 202 with a job to poll.',
    requestSchema: importVoterRegister.ImportVoterRegisterRequestSchema,
    method: 'POST',
    path: `${election}/voter-register`,
    public: false,
    successStatus: 201,
    createHandler: importVoterRegister.createHandler,
    query: {
      source: {
        description:
          'For a file body (CSV, XLSX, JSON lines): where the list comes from, kept with the register; `upload` when not given.',
        schema: z.string().min(1).max(200),
      },
    },
    bulk: {
      rowsField: 'voters',
      rowSchema: VoterRowSchema,
      fromQuery: (query) => ({ source: query.get('source') ?? 'upload' }),
    },
  }),
  defineRoute({
    operationId: 'createUpload',
    tag: 'uploads and jobs',
    responseSchema: UploadSchema,
    summary:
      'Where to send a file too large for a request (a voter register, signature sheets): a URL taking one PUT of the declared type and size within 15 minutes; then POST `{"upload": "<uploadId>"}` to the register or signatures route.',
    requestSchema: createUpload.UploadRequestSchema,
    method: 'POST',
    path: `${election}/uploads`,
    public: false,
    successStatus: 201,
    createHandler: createUpload.createHandler,
  }),
  defineRoute({
    operationId: 'getJob',
    tag: 'uploads and jobs',
    responseSchema: JobViewSchema,
    summary:
      'A bulk job (register import, signatures count): state, rows done of total, rate, time left, errors so far, and its result once done.',
    method: 'GET',
    path: `${election}/jobs/{jobId}`,
    public: false,
    successStatus: 200,
    createHandler: getJob.createHandler,
  }),
  defineRoute({
    operationId: 'fileNomination',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary:
      'Files a nomination by a party, by self-nomination, or as the district akim’s additional candidate (CLE 113-3).',
    requestSchema: FilingSchema,
    method: 'POST',
    path: `${election}/cases`,
    public: false,
    successStatus: 201,
    createHandler: fileNomination.createHandler,
  }),
  defineRoute({
    operationId: 'listMyCases',
    tag: 'cases',
    responseSchema: MyCasesPageSchema,
    summary:
      'A party’s secretary: the party’s nominees; a candidate: their own candidacies; across the elections of the district that manages the account, newest election first, each as it now stands (withdrawn, refused and cancelled ones too).',
    method: 'GET',
    path: '/my-cases',
    public: false,
    successStatus: 200,
    query: {
      cursor: {
        description:
          'The `next` of the previous page: where this one starts, within the caller’s own cases only.',
        schema: z.string().max(256),
      },
      limit: {
        description: 'How many cases a page holds: 1 to 50, 20 unless given.',
        schema: z.coerce.number().int().min(1).max(50),
      },
    },
    createHandler: listMyCases.createHandler,
  }),
  defineRoute({
    operationId: 'listCases',
    tag: 'cases',
    responseSchema: CaseListSchema,
    summary: 'The cases of an election the caller may see.',
    method: 'GET',
    path: `${election}/cases`,
    public: false,
    successStatus: 200,
    createHandler: listCases.createHandler,
  }),
  defineRoute({
    operationId: 'getCase',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary: 'A case: status, route, what it waits for and from whom until when, decisions, check results.',
    method: 'GET',
    path: aCase,
    public: false,
    successStatus: 200,
    createHandler: getCase.createHandler,
  }),
  defineRoute({
    operationId: 'getCaseTimeline',
    tag: 'cases',
    responseSchema: CaseTimelineSchema,
    summary: 'The audit trail of a case: who, what, when, from which status to which.',
    method: 'GET',
    path: `${aCase}/timeline`,
    public: false,
    successStatus: 200,
    createHandler: getCaseTimeline.createHandler,
  }),
  defineRoute({
    operationId: 'getCaseEvidence',
    tag: 'cases',
    responseSchema: EvidencePageSchema,
    summary:
      'The evidence of a case, page by page: its record, every event of its hash-chained trail, every signature line with its verdict, and the head the pages are pinned to (check offline with npm run verify-evidence).',
    query: {
      cursor: {
        description: 'The `next` of the page before; none for the first page.',
        schema: z
          .string()
          .regex(/^[A-Za-z0-9_-]+$/)
          .max(2000),
      },
    },
    method: 'GET',
    path: `${aCase}/evidence`,
    public: false,
    successStatus: 200,
    createHandler: getCaseEvidence.createHandler,
  }),
  defineBulkRoute({
    operationId: 'submitSignatures',
    tag: 'signatures',
    responseSchema: SignatureVerdictSchema,
    summary:
      'A self-nominee’s signature sheets (JSON, JSON lines, CSV or XLSX); answers with the verdict. Above 2,000 lines, or as `{"upload": …}` (see createUpload), it answers 202 with a job to poll.',
    requestSchema: submitSignatures.SubmitSignaturesRequestSchema,
    method: 'POST',
    path: `${aCase}/signatures`,
    public: false,
    successStatus: 200,
    createHandler: submitSignatures.createHandler,
    bulk: {
      rowsField: 'lines',
      rowSchema: SignatureLineSchema,
      row: (cells) => {
        const row = withoutEmptyCells(cells);
        return typeof row === 'object' && row !== null && 'sheet' in row && 'line' in row
          ? { ...row, sheet: wholeNumber(row.sheet), line: wholeNumber(row.line) }
          : row;
      },
    },
  }),
  defineRoute({
    operationId: 'confirmPartyNomination',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary: 'The nominating party confirms or declines its nominee.',
    requestSchema: confirmPartyNomination.PartyConfirmationSchema,
    method: 'POST',
    path: `${aCase}/party-confirmation`,
    public: false,
    successStatus: 200,
    createHandler: confirmPartyNomination.createHandler,
  }),
  defineRoute({
    operationId: 'recordCommunityConsent',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary: 'The akimat records the local community meeting’s decision on its candidate (LGA 39-3).',
    requestSchema: CommunityConsentSchema,
    method: 'POST',
    path: `${aCase}/community-consent`,
    public: false,
    successStatus: 200,
    createHandler: recordCommunityConsent.createHandler,
  }),
  defineRoute({
    operationId: 'decideRegistration',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary: 'The commission registers or refuses a candidate (CLE 113-5).',
    requestSchema: RegistrationDecisionSchema,
    method: 'POST',
    path: `${aCase}/registration-decision`,
    public: false,
    successStatus: 200,
    createHandler: decideRegistration.createHandler,
  }),
  defineRoute({
    operationId: 'cancelRegistration',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary:
      'The commission cancels a registration, citing grounds from the election’s list, until the cancellation deadline; the candidate leaves the registered list.',
    requestSchema: CancellationSchema,
    method: 'POST',
    path: `${aCase}/registration-cancellation`,
    public: false,
    successStatus: 200,
    createHandler: cancelRegistration.createHandler,
  }),
  defineRoute({
    operationId: 'reinstateCase',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary:
      'The commission records a court’s or a higher commission’s decision overturning a refusal or a cancellation (body, date, number); the case goes where the decision puts it: registered, or back to the registration decision.',
    requestSchema: ReinstatementSchema,
    method: 'POST',
    path: `${aCase}/reinstatement`,
    public: false,
    successStatus: 200,
    createHandler: reinstateCase.createHandler,
  }),
  defineRoute({
    operationId: 'withdrawNomination',
    tag: 'cases',
    responseSchema: CaseViewSchema,
    summary: 'The candidate withdraws, or the nominating party revokes the nomination.',
    requestSchema: withdrawNomination.WithdrawalSchema,
    method: 'POST',
    path: `${aCase}/withdrawal`,
    public: false,
    successStatus: 200,
    createHandler: withdrawNomination.createHandler,
  }),
  defineRoute({
    operationId: 'listCandidates',
    tag: 'public',
    responseSchema: CandidateListSchema,
    summary:
      'Public: the registered candidates of an election, and beside them the refused and cancelled ones with the categories of their legal grounds; no personal data.',
    method: 'GET',
    path: `${election}/candidates`,
    public: true,
    successStatus: 200,
    createHandler: listCandidates.createHandler,
  }),
  defineRoute({
    operationId: 'listAccounts',
    tag: 'accounts',
    responseSchema: AccountListSchema,
    summary:
      'A commission administrator: the accounts its district manages (its commission and akimat, the parties’ secretaries and candidates it opened), disabled ones included.',
    method: 'GET',
    path: '/accounts',
    public: false,
    successStatus: 200,
    createHandler: listAccounts.createHandler,
  }),
  defineRoute({
    operationId: 'createAccount',
    tag: 'accounts',
    responseSchema: CreatedAccountSchema,
    summary:
      'A commission administrator opens an account (commission or akimat of its own district, a party’s secretary, a candidate by IIN) and sets its scope; the answer carries the first password once, never in a repeat.',
    requestSchema: NewAccountSchema,
    method: 'POST',
    path: '/accounts',
    public: false,
    successStatus: 201,
    createHandler: createAccount.createHandler,
  }),
  defineRoute({
    operationId: 'disableAccount',
    tag: 'accounts',
    responseSchema: AccountSchema,
    summary:
      'A commission administrator disables an account its district manages (not its own): it can no longer sign in.',
    requestSchema: disableAccount.DisablementSchema,
    method: 'POST',
    path: '/accounts/{accountId}/disablement',
    public: false,
    successStatus: 200,
    createHandler: disableAccount.createHandler,
  }),
];

/**
 * What each path parameter may be. Anything else names no resource: it is refused as not found before any
 * work, so a malformed or huge id never reaches storage (DynamoDB keys are at most 2,048 bytes).
 */
export const pathParameterPatterns: Readonly<Record<string, RegExp>> = {
  electionId: /^\d{9}-\d{4}-\d{2}-\d{2}$/,
  caseId: /^[A-Za-z0-9-]{1,64}$/,
  jobId: /^[0-9a-f]{32}$/,
  /** The local engine's `acct-<hex>`, or a Cognito user's name (at most 128 characters). */
  accountId: /^[A-Za-z0-9._@+-]{1,128}$/,
};

/** A path segment decoded, or null when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The route and path parameters for a method and path, or null (also for a parameter no resource can have). */
export function matchRoute(
  method: string,
  path: string,
): { route: ApiRoute; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of apiRoutes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith('{')) {
        const name = part.slice(1, -1);
        const value = decodeSegment(segment);
        if (value === null || !(pathParameterPatterns[name]?.test(value) ?? false)) return false;
        params[name] = value;
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}
