import { apiRoutes } from '../../functions/api-routes.ts';

/** What a function may touch, granted one by one (least privilege). */
export interface FunctionNeeds {
  readonly table: 'none' | 'read' | 'write';
  /** Start executions (filing a nomination, calling an election). */
  readonly startsWorkflows?: boolean;
  /** End `.waitForTaskToken` waits (SendTaskSuccess). */
  readonly signalsTasks?: boolean;
  /** Arm wake-ups on EventBridge Scheduler. */
  readonly armsWakeUps?: boolean;
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

/** Every Task state's function: the placeholders of workflows/*.asl.json. */
export const taskFunctions: readonly FunctionSpec[] = (
  [
    ['LoadCase', { table: 'read' }],
    ['AwaitPartyConfirmation', { table: 'write', signalsTasks: true }],
    ['AwaitSignatures', { table: 'write', signalsTasks: true }],
    ['AwaitCommunityConsent', { table: 'write', signalsTasks: true }],
    ['AwaitRegistrationDecision', { table: 'write', signalsTasks: true }],
    ['CheckEligibility', { table: 'write' }],
    ['RecordCaseFailure', { table: 'write' }],
    ['LoadElection', { table: 'read' }],
    // A close first ends the waits due at it, which resumes their executions.
    ['CloseNomination', { table: 'write', signalsTasks: true }],
    ['CloseExtendedNomination', { table: 'write', signalsTasks: true }],
    ['CloseRegistration', { table: 'write', signalsTasks: true }],
    ['EndOverdueWaits', { table: 'write', signalsTasks: true }],
    ['WaitForNextDeadline', { table: 'read', armsWakeUps: true, signalsTasks: true }],
    ['RecordCalendarFailure', { table: 'write' }],
  ] as const
).map(([name, needs]) => ({ name, file: kebab(name), handler: 'handler', needs }));

/** What each API operation may touch beyond its table access (POSTs also write idempotency records). */
const apiNeeds: Readonly<Record<string, Omit<FunctionNeeds, 'table'>>> = {
  createElection: { startsWorkflows: true },
  fileNomination: { startsWorkflows: true },
  submitSignatures: { signalsTasks: true },
  confirmPartyNomination: { signalsTasks: true },
  recordCommunityConsent: { signalsTasks: true },
  decideRegistration: { signalsTasks: true },
  withdrawNomination: { signalsTasks: true },
};

/** Every API operation's function: one per route, each serving only its route. */
export const apiFunctions: readonly FunctionSpec[] = apiRoutes.map((route) => ({
  name: route.operationId,
  file: 'api',
  handler: route.operationId,
  needs: { table: route.method === 'GET' ? 'read' : 'write', ...apiNeeds[route.operationId] },
}));
