import { apiRoutes } from '../../functions/api-routes.ts';
import type { KeyFamily } from '../../shared/storage/keys.ts';

/** What a function may touch, granted one by one (least privilege). */
export interface FunctionNeeds {
  /** The key families whose partitions it reads (GetItem, BatchGetItem, Query, ConditionCheckItem). */
  readonly reads: readonly KeyFamily[];
  /** The key families whose partitions it writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem). */
  readonly writes: readonly KeyFamily[];
  /** Start executions (filing a nomination, calling an election). */
  readonly startsWorkflows?: boolean;
  /** End `.waitForTaskToken` waits (SendTaskSuccess). */
  readonly signalsTasks?: boolean;
  /** Arm wake-ups on EventBridge Scheduler. */
  readonly armsWakeUps?: boolean;
  /** Read and stop executions (DescribeExecution, StopExecution): the reconciler. */
  readonly inspectsExecutions?: boolean;
}

export interface FunctionSpec {
  /** The name the ASL placeholder or the API operation uses. */
  readonly name: string;
  /** The entry module under functions/, and its exported handler. */
  readonly file: string;
  readonly handler: string;
  readonly needs: FunctionNeeds;
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
/** A close of nomination first finishes a recount an import left half done. */
const closesNomination = {
  ...closesStep,
  reads: [...closesStep.reads, ...recounts.reads],
  writes: [...closesStep.writes, ...recounts.writes],
} as const;

/** Every Task state's function: the placeholders of workflows/*.asl.json. */
export const taskFunctions: readonly FunctionSpec[] = (
  [
    ['LoadCase', { reads: ['cases'], writes: [] }],
    // A wait stores its token on the case, or ends at once when its deadline has passed.
    ['AwaitPartyConfirmation', { ...changesCases, signalsTasks: true }],
    // Past its deadline, the signatures wait stays open while sheets handed in on time are counted.
    ['AwaitSignatures', { ...changesCases, reads: [...changesCases.reads, 'lines'], signalsTasks: true }],
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
    ['EndOverdueWaits', { ...endsWaits, reads: [...endsWaits.reads, 'lines'] }],
    // The wake-up it arms is recorded on the election first.
    [
      'WaitForNextDeadline',
      { reads: ['election'], writes: ['election'], armsWakeUps: true, signalsTasks: true },
    ],
    ['RecordCalendarFailure', { reads: ['election'], writes: ['election'] }],
  ] as const satisfies readonly (readonly [string, FunctionNeeds])[]
).map(([name, needs]) => ({ name, file: kebab(name), handler: 'handler', needs }));

/**
 * What each API operation may touch. Every POST also reads and writes its own idempotency records (added below);
 * a registration decision and a withdrawal carry the case to the published list.
 */
const apiNeeds: Readonly<Record<string, FunctionNeeds>> = {
  createElection: {
    reads: ['election'],
    writes: ['electionDirectory', 'roll', 'election'],
    startsWorkflows: true,
  },
  getElection: { reads: ['election'], writes: [] },
  // A snapshot's manifest is written once, then looked for; chunks of an abandoned import are found and removed.
  // A new list recounts the cases' signatures: it lists the cases, puts their ledgers right on the new list
  // (signers off and on), records the recount on each case and resumes a case that now has enough.
  importVoterRegister: {
    reads: ['election', 'register', ...listsCases.reads, ...recounts.reads],
    writes: ['register', 'election', ...listsCases.writes, 'cases', 'trail', ...recounts.writes],
    signalsTasks: true,
  },
  fileNomination: {
    reads: ['election', 'roll', 'cases'],
    // The akimat's proposals are counted on the election.
    writes: ['roll', 'cases', 'trail', 'election'],
    startsWorkflows: true,
  },
  listCases: { reads: ['election', ...listsCases.reads], writes: listsCases.writes },
  getCase: { reads: ['election', 'cases'], writes: [] },
  getCaseTimeline: { reads: ['election', 'cases', 'trail'], writes: [] },
  getCaseEvidence: { reads: ['election', 'cases', 'trail', 'lines'], writes: [] },
  submitSignatures: {
    reads: ['election', 'cases', 'lines', 'ledger', 'support', 'register'],
    writes: ['cases', 'trail', 'lines', 'ledger', 'support'],
    signalsTasks: true,
  },
  confirmPartyNomination: { ...changesCases, signalsTasks: true },
  recordCommunityConsent: { ...changesCases, signalsTasks: true },
  decideRegistration: { ...changesCases, writes: [...changesCases.writes, 'published'], signalsTasks: true },
  withdrawNomination: { ...changesCases, writes: [...changesCases.writes, 'published'], signalsTasks: true },
  listCandidates: { reads: ['election', 'published', 'unreadable'], writes: [] },
};

/** Every API operation's function: one per route, each serving only its route. */
export const apiFunctions: readonly FunctionSpec[] = apiRoutes.map((route) => {
  const needs = apiNeeds[route.operationId];
  if (needs === undefined) throw new Error(`no needs declared for ${route.operationId}`);
  const idempotent = route.method === 'POST' ? (['idempotency'] as const) : [];
  return {
    name: route.operationId,
    file: 'api',
    handler: route.operationId,
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
    needs: {
      reads: ['electionDirectory', 'election', 'cases', 'unreadable'],
      writes: ['election', 'cases', 'trail', 'unreadable'],
      startsWorkflows: true,
      signalsTasks: true,
      inspectsExecutions: true,
    },
  },
];
