/**
 * List prices the cost model multiplies by: AWS us-east-1, on demand, without free tiers, as published when
 * this was written. They are assumptions to check before relying on the figures.
 */
export const prices = {
  region: 'us-east-1',
  stepFunctionsPerStateTransition: 0.025 / 1000,
  lambdaPerRequest: 0.2 / 1e6,
  /** arm64, per GB-second. */
  lambdaPerGbSecond: 0.0000133334,
  /** Assumed: 256 MB, 60 ms per invocation on average (Lambda bills by the millisecond). */
  lambdaGbSecondsPerInvocation: 0.25 * 0.06,
  dynamoDbPerWriteRequestUnit: 0.625 / 1e6,
  dynamoDbPerReadRequestUnit: 0.125 / 1e6,
  apiGatewayHttpPerRequest: 1.0 / 1e6,
  eventBridgeSchedulerPerInvocation: 1.0 / 1e6,
} as const;
