import type { z } from 'zod';
import { CommunityConsentSchema } from '../shared/domain/community-consent.ts';
import { NewElectionSchema } from '../shared/domain/election.ts';
import { FilingSchema } from '../shared/domain/nomination.ts';
import { RegistrationDecisionSchema } from '../shared/domain/registration.ts';
import { CancellationSchema } from '../shared/domain/registration-cancellation.ts';
import { ReinstatementSchema } from '../shared/domain/reinstatement.ts';
import { wholeNumber, withoutEmptyCells } from '../shared/http/request-body.ts';
import * as cancelRegistration from './cancel-registration.ts';
import * as confirmPartyNomination from './confirm-party-nomination.ts';
import * as createElection from './create-election.ts';
import * as createUpload from './create-upload.ts';
import * as decideRegistration from './decide-registration.ts';
import * as fileNomination from './file-nomination.ts';
import * as getCase from './get-case.ts';
import * as getCaseEvidence from './get-case-evidence.ts';
import * as getCaseTimeline from './get-case-timeline.ts';
import * as getElection from './get-election.ts';
import * as getJob from './get-job.ts';
import * as importVoterRegister from './import-voter-register.ts';
import * as listCandidates from './list-candidates.ts';
import * as listCases from './list-cases.ts';
import * as recordCommunityConsent from './record-community-consent.ts';
import * as reinstateCase from './reinstate-case.ts';
import * as submitSignatures from './submit-signatures.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import * as withdrawNomination from './withdraw-nomination.ts';

export interface ApiRoute {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI-style path, `{name}` for a parameter. */
  readonly path: string;
  /** Anonymous callers allowed (public reads); every other route needs a token. */
  readonly public: boolean;
  readonly successStatus: 200 | 201;
  readonly createHandler: (deps: Dependencies) => (request: OperationRequest) => Promise<unknown>;
  /** What a POST's JSON body must be: the schema its handler parses with, described in the OpenAPI document. */
  readonly requestSchema?: z.ZodType;
  /** A sentence for the OpenAPI document. */
  readonly summary: string;
  /** The query parameters the handler reads, each with a sentence for the OpenAPI document; no other reaches it. */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * For bulk operations, what an uploaded file (CSV, XLSX or JSON lines) makes of the JSON body: its rows go to
   * `rowsField`, each as `row` makes it, beside what `fromQuery` takes from the query string; an issue with a
   * row names the row's line in the file.
   */
  readonly bulk?: {
    readonly rowsField: string;
    readonly row?: (row: unknown) => unknown;
    readonly fromQuery?: (query: URLSearchParams) => Readonly<Record<string, unknown>>;
  };
}

const election = '/elections/{electionId}';
const aCase = `${election}/cases/{caseId}`;

/** The HTTP API: every operation, its route, and its handler. The local server and the AWS stack both serve this. */
export const apiRoutes: readonly ApiRoute[] = [
  {
    operationId: 'createElection',
    summary:
      'The district commission calls an election (CLE 113-1); the answer is the election as getElection shows it, rules as a list with value, source and basis.',
    requestSchema: NewElectionSchema,
    method: 'POST',
    path: '/elections',
    public: false,
    successStatus: 201,
    createHandler: createElection.createHandler,
  },
  {
    operationId: 'getElection',
    summary:
      'An election: unit, calendar, phase, notices, the calling check (CLE 113-1 p.2), and its rules as a list with value, source and basis.',
    method: 'GET',
    path: election,
    public: true,
    successStatus: 200,
    createHandler: getElection.createHandler,
  },
  {
    operationId: 'importVoterRegister',
    summary:
      'The district’s voter list (JSON, JSON lines, CSV or XLSX), refused whole for any bad row; fixes the voter count of the 1% threshold. Above 20,000 rows, or as `{"upload": …}` (see createUpload), it answers 202 with a job to poll.',
    requestSchema: importVoterRegister.ImportVoterRegisterRequestSchema,
    method: 'POST',
    path: `${election}/voter-register`,
    public: false,
    successStatus: 201,
    createHandler: importVoterRegister.createHandler,
    query: { source: 'Where an uploaded list comes from, kept with the register; `upload` when not given.' },
    bulk: { rowsField: 'voters', fromQuery: (query) => ({ source: query.get('source') ?? 'upload' }) },
  },
  {
    operationId: 'createUpload',
    summary:
      'Where to send a file too large for a request (a voter register, signature sheets): a URL taking one PUT of the declared type and size within 15 minutes; then POST `{"upload": "<uploadId>"}` to the register or signatures route.',
    requestSchema: createUpload.UploadRequestSchema,
    method: 'POST',
    path: `${election}/uploads`,
    public: false,
    successStatus: 201,
    createHandler: createUpload.createHandler,
  },
  {
    operationId: 'getJob',
    summary:
      'A bulk job (register import, signatures count): state, rows done of total, rate, time left, errors so far, and its result once done.',
    method: 'GET',
    path: `${election}/jobs/{jobId}`,
    public: false,
    successStatus: 200,
    createHandler: getJob.createHandler,
  },
  {
    operationId: 'fileNomination',
    summary:
      'Files a nomination by a party, by self-nomination, or as the district akim’s additional candidate (CLE 113-3).',
    requestSchema: FilingSchema,
    method: 'POST',
    path: `${election}/cases`,
    public: false,
    successStatus: 201,
    createHandler: fileNomination.createHandler,
  },
  {
    operationId: 'listCases',
    summary: 'The cases of an election the caller may see.',
    method: 'GET',
    path: `${election}/cases`,
    public: false,
    successStatus: 200,
    createHandler: listCases.createHandler,
  },
  {
    operationId: 'getCase',
    summary: 'A case: status, route, what it waits for and from whom until when, decisions, check results.',
    method: 'GET',
    path: aCase,
    public: false,
    successStatus: 200,
    createHandler: getCase.createHandler,
  },
  {
    operationId: 'getCaseTimeline',
    summary: 'The audit trail of a case: who, what, when, from which status to which.',
    method: 'GET',
    path: `${aCase}/timeline`,
    public: false,
    successStatus: 200,
    createHandler: getCaseTimeline.createHandler,
  },
  {
    operationId: 'getCaseEvidence',
    summary:
      'The evidence of a case, page by page: its record, every event of its hash-chained trail, every signature line with its verdict, and the head the pages are pinned to (check offline with npm run verify-evidence).',
    query: { cursor: 'The `next` of the page before; none for the first page.' },
    method: 'GET',
    path: `${aCase}/evidence`,
    public: false,
    successStatus: 200,
    createHandler: getCaseEvidence.createHandler,
  },
  {
    operationId: 'submitSignatures',
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
      row: (cells) => {
        const row = withoutEmptyCells(cells);
        return typeof row === 'object' && row !== null && 'sheet' in row && 'line' in row
          ? { ...row, sheet: wholeNumber(row.sheet), line: wholeNumber(row.line) }
          : row;
      },
    },
  },
  {
    operationId: 'confirmPartyNomination',
    summary: 'The nominating party confirms or declines its nominee.',
    requestSchema: confirmPartyNomination.PartyConfirmationSchema,
    method: 'POST',
    path: `${aCase}/party-confirmation`,
    public: false,
    successStatus: 200,
    createHandler: confirmPartyNomination.createHandler,
  },
  {
    operationId: 'recordCommunityConsent',
    summary: 'The akimat records the local community meeting’s decision on its candidate (LGA 39-3).',
    requestSchema: CommunityConsentSchema,
    method: 'POST',
    path: `${aCase}/community-consent`,
    public: false,
    successStatus: 200,
    createHandler: recordCommunityConsent.createHandler,
  },
  {
    operationId: 'decideRegistration',
    summary: 'The commission registers or refuses a candidate (CLE 113-5).',
    requestSchema: RegistrationDecisionSchema,
    method: 'POST',
    path: `${aCase}/registration-decision`,
    public: false,
    successStatus: 200,
    createHandler: decideRegistration.createHandler,
  },
  {
    operationId: 'cancelRegistration',
    summary:
      'The commission cancels a registration, citing grounds from the election’s list, until the cancellation deadline; the candidate leaves the registered list.',
    requestSchema: CancellationSchema,
    method: 'POST',
    path: `${aCase}/registration-cancellation`,
    public: false,
    successStatus: 200,
    createHandler: cancelRegistration.createHandler,
  },
  {
    operationId: 'reinstateCase',
    summary:
      'The commission records a court’s or a higher commission’s decision overturning a refusal or a cancellation (body, date, number); the case goes where the decision puts it: registered, or back to the registration decision.',
    requestSchema: ReinstatementSchema,
    method: 'POST',
    path: `${aCase}/reinstatement`,
    public: false,
    successStatus: 200,
    createHandler: reinstateCase.createHandler,
  },
  {
    operationId: 'withdrawNomination',
    summary: 'The candidate withdraws, or the nominating party revokes the nomination.',
    requestSchema: withdrawNomination.WithdrawalSchema,
    method: 'POST',
    path: `${aCase}/withdrawal`,
    public: false,
    successStatus: 200,
    createHandler: withdrawNomination.createHandler,
  },
  {
    operationId: 'listCandidates',
    summary:
      'Public: the registered candidates of an election, and beside them the refused and cancelled ones with the categories of their legal grounds; no personal data.',
    method: 'GET',
    path: `${election}/candidates`,
    public: true,
    successStatus: 200,
    createHandler: listCandidates.createHandler,
  },
];

/**
 * What each path parameter may be. Anything else names no resource: it is refused as not found before any
 * work, so a malformed or huge id never reaches storage (DynamoDB keys are at most 2,048 bytes).
 */
export const pathParameterPatterns: Readonly<Record<string, RegExp>> = {
  electionId: /^\d{9}-\d{4}-\d{2}-\d{2}$/,
  caseId: /^[A-Za-z0-9-]{1,64}$/,
  jobId: /^[0-9a-f]{32}$/,
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
