/**
 * What the stack writes to CloudWatch Logs and X-Ray, set once: the constructs configure it (Workflow,
 * ProductFunction, NoticeTopic) and the cost model (bench/cost-model.ts) prices what a national cycle makes of it.
 */

/** Step Functions' logging levels (LoggingConfiguration.level), most to least. */
export type WorkflowLogLevel = 'ALL' | 'ERROR' | 'FATAL';

/**
 * The state machines log their failures only (level ERROR), with the failing state's input (ids and statuses, no
 * personal data): every step is in the execution's own history, which Step Functions keeps 90 days after the
 * execution ends at no charge, and every change of a case on its audit trail, while level ALL with the execution
 * data logs every state's input and output, four fifths of the cycle's log bytes (bench/cost-model.ts).
 */
export const workflowLogging: { readonly level: WorkflowLogLevel; readonly includeExecutionData: boolean } = {
  level: 'ERROR',
  includeExecutionData: true,
};

/** The Powertools logger's level in every function (POWERTOOLS_LOG_LEVEL). */
export const functionLogLevel = 'INFO' as const;

/**
 * Whether the notice publisher on the table's stream starts X-Ray traces. It does not: the stream carries no trace
 * to join, so each batch would be a trace of its own, and the country's changes of elections and cases (five a case)
 * would record more traces than the rest of the product together; a batch that fails is logged, retried, and then
 * lands in the dead-letter queue, which alarms.
 */
export const tracesNoticeStream = false;
