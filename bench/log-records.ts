import type { WorkflowLogLevel } from '../infra/aws/observability.ts';

/**
 * The records AWS writes to CloudWatch Logs for the work the cost model counts, built in their documented shapes
 * around the real payloads, so that what is priced is their size in bytes. Ids, ARNs and times are placeholders of
 * the real ones' length.
 */

const account = '123456789012';
const region = 'us-east-1';
const requestId = '6d68ca91-49c9-448d-89b8-7ca3e6dc66aa';
const traceRoot = '1-67a2f1c0-5d7ec4c3c4d7fcec3a3e5a40';
const spanId = '54565fb41ac79632';
const time = '2026-02-05T04:00:00.000Z';
/** An execution's name: a case id and its attempt (`<uuid>--1`), the longest the engine starts. */
const executionName = `${requestId}--1`;
const functionArn = (name: string) =>
  `arn:aws:lambda:${region}:${account}:function:akim-nominations-prod-${name}`;
const bytes = (record: unknown) => Buffer.byteLength(JSON.stringify(record), 'utf8');

/** An execution history event as Step Functions logs it (one CloudWatch Logs event each). */
export interface HistoryEvent {
  readonly type: string;
  /** The event's details: the input or output among them is execution data. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** The events each logging level writes (Step Functions Developer Guide, "Log levels"). */
function loggedAt(level: WorkflowLogLevel, type: string): boolean {
  if (level === 'ALL') return true;
  if (level === 'FATAL') return /^Execution(Failed|Aborted|TimedOut)$/.test(type);
  return /(Failed|Aborted|TimedOut)$/.test(type) || type === 'FailStateEntered';
}

/** Without execution data Step Functions leaves out the inputs, outputs and parameters, and keeps the rest. */
const executionData = new Set(['input', 'output', 'parameters']);

/** The bytes one history event adds to the state machine's log group at a level, with or without the data. */
export function historyEventBytes(
  event: HistoryEvent,
  logging: { readonly level: WorkflowLogLevel; readonly includeExecutionData: boolean },
): number {
  if (!loggedAt(logging.level, event.type)) return 0;
  const details = logging.includeExecutionData
    ? event.details
    : Object.fromEntries(Object.entries(event.details).filter(([key]) => !executionData.has(key)));
  return bytes({
    id: '42',
    type: event.type,
    details,
    previous_event_id: '41',
    event_timestamp: String(Date.parse(time)),
    execution_arn: `arn:aws:states:${region}:${account}:execution:akim-nominations-prod-nomination-case:${executionName}`,
    redrive_count: '0',
  });
}

/** Step Functions logs a payload as a JSON string in the event's details. */
const payload = (value: unknown) => JSON.stringify(value ?? null);

/** A state entered or left (`TaskStateEntered`, `ChoiceStateExited`…), with the state's input or output. */
export function stateEvent(
  stateType: string,
  change: 'Entered' | 'Exited',
  name: string,
  data: unknown,
): HistoryEvent {
  const key = change === 'Entered' ? 'input' : 'output';
  return {
    type: `${stateType}State${change}`,
    details: { name, [key]: payload(data), [`${key}Details`]: { truncated: false } },
  };
}

/** An execution started, succeeded, failed or was stopped. */
export function executionEvent(
  type: 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionAborted',
  data: unknown,
): HistoryEvent {
  if (type === 'ExecutionStarted')
    return {
      type,
      details: {
        input: payload(data),
        inputDetails: { truncated: false },
        roleArn: `arn:aws:iam::${account}:role/akim-nominations-prod-StateMachineRole-ABCDEFGHIJKL`,
      },
    };
  if (type === 'ExecutionSucceeded')
    return { type, details: { output: payload(data), outputDetails: { truncated: false } } };
  return { type, details: type === 'ExecutionFailed' ? errorDetails(data) : {} };
}

function errorDetails(error: unknown): Record<string, unknown> {
  const e = error instanceof Error ? error : new Error(String(error));
  return { error: e.name, cause: JSON.stringify({ errorType: e.name, errorMessage: e.message }) };
}

/** What the `lambda:invoke` integration answers a Task: the function's result among the SDK's response headers. */
function invokeResponse(result: unknown) {
  const headers = {
    Connection: 'keep-alive',
    'Content-Length': String(payload(result).length),
    'Content-Type': 'application/json',
    Date: 'Thu, 05 Feb 2026 04:00:00 GMT',
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
    'X-Amzn-Trace-Id': `root=${traceRoot};parent=${spanId};sampled=1`,
  };
  return {
    ExecutedVersion: '$LATEST',
    Payload: result,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/**
 * The Task events of one invocation of a state's function (`lambda:invoke`, or `.waitForTaskToken`, which is
 * submitted and later succeeds with what the signal carries: `stateEvent`'s exit holds that).
 */
export function taskEvents(
  functionName: string,
  waitsForToken: boolean,
  input: unknown,
  outcome: { readonly result: unknown } | { readonly error: unknown },
): HistoryEvent[] {
  const resource = { resourceType: 'lambda', resource: waitsForToken ? 'invoke.waitForTaskToken' : 'invoke' };
  const scheduled: HistoryEvent = {
    type: 'TaskScheduled',
    details: {
      ...resource,
      region,
      parameters: payload({ FunctionName: functionArn(functionName), Payload: input }),
    },
  };
  const started: HistoryEvent = { type: 'TaskStarted', details: resource };
  if ('error' in outcome)
    return [
      scheduled,
      started,
      { type: 'TaskFailed', details: { ...resource, ...errorDetails(outcome.error) } },
    ];
  const answered: HistoryEvent = {
    type: waitsForToken ? 'TaskSubmitted' : 'TaskSucceeded',
    details: {
      ...resource,
      output: payload(invokeResponse(waitsForToken ? null : outcome.result)),
      outputDetails: { truncated: false },
    },
  };
  return [scheduled, started, answered];
}

/**
 * Lambda's own records of one invocation in the JSON log format the functions use (platform.start and
 * platform.report; X-Ray on, so each carries the trace), whatever the handler logs.
 */
export const lambdaPlatformBytesPerInvocation =
  bytes({
    time,
    type: 'platform.start',
    record: {
      requestId,
      version: '$LATEST',
      tracing: { spanId, type: 'X-Amzn-Trace-Id', value: `Root=${traceRoot};Parent=${spanId};Sampled=1` },
    },
  }) +
  bytes({
    time,
    type: 'platform.report',
    record: {
      requestId,
      metrics: { durationMs: 59.85, billedDurationMs: 60, memorySizeMB: 256, maxMemoryUsedMB: 112 },
      tracing: { spanId, type: 'X-Amzn-Trace-Id', value: `Root=${traceRoot};Parent=${spanId};Sampled=1` },
      status: 'success',
    },
  });

/** What the Powertools logger adds to each line on Lambda (injectLambdaContext): the invocation's context. */
export const lambdaContextBytesPerLine =
  bytes({
    cold_start: false,
    function_arn: functionArn('FileNomination'),
    function_memory_size: '256',
    function_name: 'akim-nominations-prod-FileNomination',
    function_request_id: requestId,
    xray_trace_id: traceRoot,
  }) - 1; // its braces become the comma that joins it to the line

/** The API's access log line (the CDK's default, the common log format) of one request. */
export function accessLogBytes(method: string, path: string, status: number, responseBytes: number): number {
  const line = `203.0.113.7 - - [05/Feb/2026:04:00:00 +0000] "${method} ${path} HTTP/1.1" ${status} ${responseBytes} ${requestId.slice(0, 16)}=`;
  return Buffer.byteLength(line, 'utf8');
}
