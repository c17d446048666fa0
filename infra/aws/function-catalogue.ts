import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import { type WorkflowName, workflowNames } from '../../shared/ports/workflows.ts';
import type { KeyFamily } from '../../shared/storage/keys.ts';
import { loadWorkflow, taskStates } from '../../shared/workflow-definitions.ts';

/**
 * The folders of the upload bucket (keys built in shared/domain/bulk-job.ts objectKeys): what clients upload,
 * and what jobs keep (request bodies, the chunks a file is cut into).
 */
export const objectPrefixes = ['uploads/', 'jobs/'] as const;
export type ObjectPrefix = (typeof objectPrefixes)[number];

/** What a function may do in the upload bucket, folder by folder. */
export interface ObjectNeeds {
  /**
   * GetObject and HeadObject. With them goes ListBucket for those folders only: S3 answers a read of a missing
   * key NoSuchKey (404) to a caller that may list it, and AccessDenied to any other.
   */
  readonly reads?: readonly ObjectPrefix[];
  /** PutObject, by the function itself. */
  readonly writes?: readonly ObjectPrefix[];
  /** PutObject by a client, through a URL the function signs: the URL carries the function's own right. */
  readonly presigns?: readonly ObjectPrefix[];
  /** DeleteObject (a DeleteObjects request is checked key by key). */
  readonly removes?: readonly ObjectPrefix[];
}

/** What a function may touch, granted one by one (least privilege). */
export interface FunctionNeeds {
  /** The key families whose partitions it reads (GetItem, BatchGetItem, Query, ConditionCheckItem). */
  readonly reads: readonly KeyFamily[];
  /** The key families whose partitions it writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem). */
  readonly writes: readonly KeyFamily[];
  /** Start executions of these state machines (calling an election, filing a nomination, a bulk job). */
  readonly startsWorkflows?: readonly WorkflowName[];
  /** End `.waitForTaskToken` waits (SendTaskSuccess). */
  readonly signalsTasks?: boolean;
  /** Arm wake-ups on EventBridge Scheduler. */
  readonly armsWakeUps?: boolean;
  /** Read and stop executions (DescribeExecution, StopExecution): the reconciler. */
  readonly inspectsExecutions?: boolean;
  /** Files in the upload bucket. */
  readonly objects?: ObjectNeeds;
  /**
   * The desk's accounts on AWS: the function is told the user pool, and may take these actions (`cognito-idp:…`)
   * on it only (none: it reads the accounts' records in the table).
   */
  readonly userPool?: readonly CognitoAction[];
}

/** What the account functions ask of Cognito (shared/aws/cognito-account-directory.ts). */
export type CognitoAction =
  | 'AdminCreateUser'
  | 'AdminAddUserToGroup'
  | 'AdminDeleteUser'
  | 'AdminGetUser'
  | 'AdminDisableUser'
  | 'AdminUserGlobalSignOut';

export interface FunctionSpec {
  /** The name the ASL placeholder or the API operation uses. */
  readonly name: string;
  /** The entry module under functions/, and its exported handler. */
  readonly file: string;
  readonly handler: string;
  readonly needs: FunctionNeeds;
  /** @default the product's 256 MB */
  readonly memoryMB?: number;
  /** @default the product's 15 seconds */
  readonly timeoutSeconds?: number;
}

const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

// What several functions share. A case changes under optimistic locking (read, then write), its trail entry
// stored first as an event of its own; a case that leaves the race frees its nominator's slot on the roll;
// listing an election's cases records how many do not read.
const changesCases = { reads: ['election', 'cases'], writes: ['cases', 'trail', 'roll'] } as const;
const listsCases = { reads: ['cases', 'unreadable'], writes: ['unreadable'] } as const;
/**
 * The calendar's steps end the waits due (listing the cases, changing some, resuming their executions). Those
 * that end waits by their deadline also read the submission records (in the lines family), to leave waiting a
 * self-nominee whose sheets handed in on time are still being counted.
 */
const endsWaits = {
  reads: ['election', ...listsCases.reads],
  writes: [...changesCases.writes, ...listsCases.writes],
  signalsTasks: true,
} as const;
/** A close also moves the election on. */
const closesStep = { ...endsWaits, writes: ['election', ...endsWaits.writes] } as const;

/**
 * A recount on a new register reads the cases' recorded lines and ledgers, and puts the ledgers right (holding
 * a voter's support first where the election allows one candidate per voter).
 */
const recounts = { reads: ['register', 'lines', 'ledger'], writes: ['ledger', 'support'] } as const;
/**
 * A close of nomination first finishes a recount an import left half done, and asks which of the election's
 * bulk jobs still run.
 */
const closesNomination = {
  ...closesStep,
  reads: [...closesStep.reads, ...recounts.reads, 'jobs'],
  writes: [...closesStep.writes, ...recounts.writes],
} as const;

/**
 * A bulk request (a register, a submission of sheets) too large to answer at once becomes a job: its record, its
 * file (an upload of the caller's, checked to be there, or the request's body, kept under the job), its execution.
 */
const startsJobs = {
  reads: ['jobs'],
  writes: ['jobs'],
  startsWorkflows: ['bulk-job'],
  objects: { reads: ['uploads/'], writes: ['jobs/'] },
} as const;

/**
 * A step of a bulk job does what the request would have done (a register's import and recount, a submission's
 * count), a chunk at a time: it reads the file and cuts it into chunks, works through them, and removes the
 * files once the job is done.
 */
const runsJobSteps = {
  reads: [
    'election',
    'cases',
    'jobs',
    'register',
    'lines',
    'ledger',
    'support',
    'trail',
    'roll',
    'unreadable',
  ],
  writes: [
    'jobs',
    'election',
    'register',
    'cases',
    'trail',
    'roll',
    'lines',
    'ledger',
    'support',
    'unreadable',
  ],
  objects: { reads: ['uploads/', 'jobs/'], writes: ['jobs/'], removes: ['uploads/', 'jobs/'] },
  signalsTasks: true,
} as const;

/**
 * A Task's function may run a little longer than its state's TimeoutSeconds: Step Functions' timeout is the one
 * that ends a step (States.Timeout, retried like any failure), and the attempt it gave up on still finishes its
 * write instead of being cut off in the middle of one.
 */
const TASK_TIMEOUT_MARGIN_SECONDS = 30;

/** The TimeoutSeconds of each function's Task state, where the state sets one (a wait's is its deadline's). */
const stepTimeouts = new Map(
  workflowNames.flatMap((workflow) => {
    const definition = loadWorkflow(workflow);
    return taskStates(definition)
      .filter((task) => !task.waitsForToken)
      .flatMap((task) => {
        const { TimeoutSeconds } = z
          .object({ TimeoutSeconds: z.int().positive().optional() })
          .parse(definition.States[task.stateName]);
        return TimeoutSeconds === undefined ? [] : [[task.functionName, TimeoutSeconds] as const];
      });
  }),
);

/** Every Task state's function: the placeholders of workflows/*.asl.json. */
export const taskFunctions: readonly FunctionSpec[] = (
  [
    ['LoadCase', { reads: ['cases'], writes: [] }],
    // A wait stores its token on the case, or ends at once when its deadline has passed.
    ['AwaitPartyConfirmation', { ...changesCases, signalsTasks: true }],
    // Past its deadline, the signatures wait stays open while sheets handed in on time are counted, by a request
    // or by a job still running.
    [
      'AwaitSignatures',
      { ...changesCases, reads: [...changesCases.reads, 'lines', 'jobs'], signalsTasks: true },
    ],
    ['AwaitCommunityConsent', { ...changesCases, signalsTasks: true }],
    ['AwaitRegistrationDecision', { ...changesCases, signalsTasks: true }],
    ['CheckEligibility', { reads: ['election', 'cases'], writes: ['cases', 'trail'] }],
    ['RecordCaseFailure', { reads: ['cases'], writes: ['cases', 'trail'] }],
    ['LoadElection', { reads: ['election'], writes: [] }],
    // A close first ends the waits due at it, which resumes their executions.
    ['CloseNomination', closesNomination],
    ['CloseExtendedNomination', closesNomination],
    // Registration close also rewrites the published list from the cases.
    [
      'CloseRegistration',
      {
        ...closesStep,
        reads: [...closesStep.reads, 'published'],
        writes: [...closesStep.writes, 'published'],
      },
    ],
    ['EndOverdueWaits', { ...endsWaits, reads: [...endsWaits.reads, 'lines', 'jobs'] }],
    // The wake-up it arms is recorded on the election first.
    [
      'WaitForNextDeadline',
      { reads: ['election'], writes: ['election'], armsWakeUps: true, signalsTasks: true },
    ],
    ['RecordCalendarFailure', { reads: ['election'], writes: ['election'] }],
    // A file of up to 64 MB is read whole and parsed.
    ['RunJobStep', runsJobSteps, { memoryMB: 1024 }],
    // A failed job's files are removed with it: nothing reads them again.
    ['RecordJobFailure', { reads: ['jobs'], writes: ['jobs'], objects: { removes: ['uploads/', 'jobs/'] } }],
  ] as const satisfies readonly (
    | readonly [string, FunctionNeeds]
    | readonly [string, FunctionNeeds, { readonly memoryMB: number }]
  )[]
).map(([name, needs, size]) => {
  const stepTimeout = stepTimeouts.get(name);
  return {
    name,
    file: kebab(name),
    handler: 'handler',
    needs,
    ...size,
    ...(stepTimeout === undefined ? {} : { timeoutSeconds: stepTimeout + TASK_TIMEOUT_MARGIN_SECONDS }),
  };
});

/**
 * What each API operation may touch. Every POST also reads and writes its own idempotency records (added below);
 * a registration decision and a withdrawal carry the case to the published list.
 */
const apiNeeds: Readonly<Record<string, FunctionNeeds>> = {
  createElection: {
    reads: ['election'],
    writes: ['electionDirectory', 'roll', 'election'],
    startsWorkflows: ['election-calendar'],
  },
  getElection: { reads: ['election'], writes: [] },
  // The clock only: the engine's current instant.
  getTime: { reads: [], writes: [] },
  // A snapshot's manifest is written once, then looked for; chunks of an abandoned import are found and removed.
  // A new list recounts the cases' signatures: it lists the cases, puts their ledgers right on the new list
  // (signers off and on), records the recount on each case and resumes a case that now has enough. A large list
  // is a job.
  importVoterRegister: {
    ...startsJobs,
    reads: ['election', 'register', ...listsCases.reads, ...recounts.reads, ...startsJobs.reads],
    writes: [
      'register',
      'election',
      ...listsCases.writes,
      'cases',
      'trail',
      ...recounts.writes,
      ...startsJobs.writes,
    ],
    signalsTasks: true,
  },
  fileNomination: {
    reads: ['election', 'roll', 'cases'],
    // The akimat's proposals are counted on the election.
    // A new case is listed under its party and its candidate (the nominee index) before it is written.
    writes: ['roll', 'cases', 'trail', 'election', 'nominees'],
    startsWorkflows: ['nomination-case'],
  },
  listCases: { reads: ['election', ...listsCases.reads], writes: listsCases.writes },
  getCase: { reads: ['election', 'cases'], writes: [] },
  listMyCases: { reads: ['nominees', 'cases', 'election'], writes: [] },
  getCaseTimeline: { reads: ['election', 'cases', 'trail'], writes: [] },
  getCaseEvidence: { reads: ['election', 'cases', 'trail', 'lines'], writes: [] },
  // Many sheets are a job.
  submitSignatures: {
    ...startsJobs,
    reads: ['election', 'cases', 'lines', 'ledger', 'support', 'register', ...startsJobs.reads],
    // 'election': an election called before sampling keys gets its key at its first draw (sampling-key.ts).
    writes: ['cases', 'trail', 'lines', 'ledger', 'support', 'election', ...startsJobs.writes],
    signalsTasks: true,
  },
  // The URL a large file is uploaded to, for one resource the caller may send it for: the case must be theirs.
  createUpload: { reads: ['election', 'cases'], writes: [], objects: { presigns: ['uploads/'] } },
  getJob: { reads: ['jobs', 'election', 'cases'], writes: [] },
  confirmPartyNomination: { ...changesCases, signalsTasks: true },
  recordCommunityConsent: { ...changesCases, signalsTasks: true },
  decideRegistration: { ...changesCases, writes: [...changesCases.writes, 'published'], signalsTasks: true },
  withdrawNomination: { ...changesCases, writes: [...changesCases.writes, 'published'], signalsTasks: true },
  // A registered case waits for nobody: nothing to signal. A retry reads the list's entry to mend it.
  cancelRegistration: {
    reads: [...changesCases.reads, 'published'],
    writes: [...changesCases.writes, 'published'],
  },
  // The nominator's slot is claimed again; a case sent back to the registration decision gets a new execution,
  // every earlier one stopped first.
  reinstateCase: {
    reads: [...changesCases.reads, 'roll', 'published'],
    writes: [...changesCases.writes, 'published'],
    startsWorkflows: ['nomination-case'],
    inspectsExecutions: true,
  },
  listCandidates: { reads: ['election', 'published', 'unreadable'], writes: [] },
  // A district's elections come from the district index; the inbox reads them, their cases, and its read mark.
  listElections: { reads: ['district'], writes: [] },
  listNotices: { reads: ['district', 'inbox', ...listsCases.reads], writes: listsCases.writes },
  markNoticesRead: { reads: ['inbox'], writes: ['inbox'] },
  // Accounts: Cognito keeps the credentials and groups, the table each account's record by district. A creation
  // that fails half-way removes its user again, and one whose removal failed too is found by the next creation
  // (shared/aws/pending-account-creations.ts); a disablement ends the user's sessions too.
  listAccounts: { reads: ['accounts'], writes: [], userPool: [] },
  createAccount: {
    reads: ['accounts'],
    writes: ['accounts'],
    userPool: ['AdminCreateUser', 'AdminAddUserToGroup', 'AdminDeleteUser', 'AdminGetUser'],
  },
  disableAccount: {
    reads: ['accounts'],
    writes: ['accounts'],
    userPool: ['AdminGetUser', 'AdminDisableUser', 'AdminUserGlobalSignOut'],
  },
};

/** Every API operation's function: one per route, each serving only its route. */
export const apiFunctions: readonly FunctionSpec[] = apiRoutes.map((route) => {
  const needs = apiNeeds[route.operationId];
  if (needs === undefined) throw new Error(`no needs declared for ${route.operationId}`);
  const idempotent = route.method === 'POST' ? (['idempotency'] as const) : [];
  return {
    name: route.operationId,
    file: `api/${kebab(route.operationId)}`,
    handler: 'handler',
    needs: { ...needs, reads: [...needs.reads, ...idempotent], writes: [...needs.writes, ...idempotent] },
  };
});

/**
 * Functions no workflow or route calls: the reconciler, on a recurring schedule (and invoked by an operator for
 * one election or case). It reads every open election through the directory, and may repair any of them.
 */
export const scheduledFunctions: readonly FunctionSpec[] = [
  {
    name: 'Reconcile',
    file: 'reconcile',
    handler: 'handler',
    // A national pass reads every election and its cases, eight elections at once: seconds, not the default 15 s
    // of headroom. Runs that overlap are safe (each repair is written on condition of the version it saw).
    timeoutSeconds: 120,
    // A job whose execution is gone is started again from its checkpoint, under a new name. After registration
    // close, the published list's entries of cases changed since are mended.
    needs: {
      reads: ['electionDirectory', 'election', 'cases', 'unreadable', 'jobs', 'published'],
      writes: ['election', 'cases', 'trail', 'unreadable', 'jobs', 'published'],
      startsWorkflows: ['election-calendar', 'nomination-case', 'bulk-job'],
      signalsTasks: true,
      inspectsExecutions: true,
    },
  },
];
