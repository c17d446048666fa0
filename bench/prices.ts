/**
 * List prices the cost model multiplies by: AWS us-east-1, on demand, without free tiers, as published when
 * this was written, each with the pricing page it comes from. They are assumptions to check before relying on
 * the figures; so are the few usage assumptions at the end.
 */
export const prices = {
  region: 'us-east-1',
  /** AWS Step Functions pricing, Standard workflows: $0.025 per 1,000 state transitions. */
  stepFunctionsPerStateTransition: 0.025 / 1000,
  /** AWS Lambda pricing: $0.20 per 1 M requests. */
  lambdaPerRequest: 0.2 / 1e6,
  /** AWS Lambda pricing, Arm (the functions' architecture), first 7.5 billion GB-seconds a month. */
  lambdaPerGbSecond: 0.0000133334,
  /** Amazon DynamoDB pricing, on-demand: $0.625 per 1 M write request units. */
  dynamoDbPerWriteRequestUnit: 0.625 / 1e6,
  /** Amazon DynamoDB pricing, on-demand: $0.125 per 1 M read request units. */
  dynamoDbPerReadRequestUnit: 0.125 / 1e6,
  /**
   * Amazon DynamoDB pricing, "DynamoDB Streams": GetRecords calls made by AWS Lambda as part of a DynamoDB
   * trigger are free. The notice publisher reads the stream only so.
   */
  dynamoDbStreamReadByLambdaTrigger: 0,
  /** Amazon API Gateway pricing, HTTP APIs: $1.00 per 1 M requests (first 300 M a month). */
  apiGatewayHttpPerRequest: 1.0 / 1e6,
  /**
   * Amazon EventBridge pricing, Scheduler: $1.00 per 1 M scheduled invocations (the wake-ups, the reconciler's
   * schedule); the deadline sweep's scheduled rule is priced the same, at most what it costs.
   */
  eventBridgeSchedulerPerInvocation: 1.0 / 1e6,
  /**
   * Amazon CloudWatch pricing, Logs, "Collect (data ingestion)": $0.50 per GB, standard log class; vended logs
   * (Lambda's, Step Functions') start at the same $0.50 per GB for the first 10 TB.
   */
  cloudWatchLogsPerGbIngested: 0.5,
  /** Amazon CloudWatch pricing, Logs, "Store (archival)": $0.03 per GB a month. */
  cloudWatchLogsPerGbMonthStored: 0.03,
  /** Amazon SNS pricing: $0.50 per 1 M requests; each 64 KB chunk of a request's published data is one request. */
  snsPerRequest: 0.5 / 1e6,
  snsRequestChunkBytes: 64 * 1024,
  /** Amazon SNS pricing, notification deliveries: $2.00 per 100,000 e-mail notifications. */
  snsPerEmailDelivery: 2.0 / 100_000,
  /** AWS X-Ray pricing: $5.00 per 1 M traces recorded. */
  xRayPerTraceRecorded: 5.0 / 1e6,

  /** The functions' memory (ProductFunction's 256 MB; RunJobStep's 1,024 MB runs no path the model takes). */
  lambdaMemoryGb: 0.25,
  /** Assumed: a function runs 60 ms on average (Lambda bills by the millisecond). */
  lambdaSecondsPerInvocation: 0.06,
  /** Assumed: a request from a function to DynamoDB or Step Functions in the region takes 10 ms, one at a time. */
  awsRequestSeconds: 0.01,
  /** Assumed: each notice reaches one e-mail subscription (a district's commission); SMS is not counted. */
  emailDeliveriesPerNotice: 1,
  /**
   * Assumed: one stream record per invocation of the notice publisher. The stream hands it up to 25 at once, but
   * a district's changes come minutes apart; a batch of one is the dear case.
   */
  streamRecordsPerInvocation: 1,
  /** Assumed: logs kept their whole retention (a month at most) at their ingested size, not compressed. */
  logRetentionMonths: 1,
} as const;
