import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FunctionBundles, unbundledFolder } from '../function-bundles.ts';
import { functionLogLevel } from '../observability.ts';

export { bundling } from '../function-bundles.ts';

export interface ProductFunctionProps {
  /** The entry module under functions/, without extension. */
  readonly file: string;
  /** The exported handler. @default 'handler' */
  readonly handler?: string;
  readonly environment: Readonly<Record<string, string>>;
  /** @default 256 MB */
  readonly memorySize?: number;
  /** @default 15 seconds */
  readonly timeout?: Duration;
  /** @default two weeks of logs */
  readonly logRetention?: RetentionDays;
  /** @default Tracing.ACTIVE: the function starts a trace when nothing upstream did */
  readonly tracing?: Tracing;
}

/**
 * A Lambda function with the team's defaults, set once: Node 24 on arm64, ESM bundled locally by esbuild
 * (FunctionBundles: never Docker; the AWS SDK bundled too, the version the tests ran against), source maps, JSON
 * logs for the Powertools logger at functionLogLevel, X-Ray, and a log group with retention.
 * It acknowledges the cdk-nag findings those defaults raise; what its role may do besides (and a Resource `*`,
 * whose reason depends on that) its owner acknowledges.
 */
export class ProductFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ProductFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.TWO_WEEKS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const code = Stack.of(this).bundlingRequired
      ? Code.fromAsset(FunctionBundles.of(this).folderOf(props.file))
      : Code.fromAsset(unbundledFolder());
    this.function = new LambdaFunction(this, 'Function', {
      code,
      handler: `index.${props.handler ?? 'handler'}`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: props.tracing ?? Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'akim-nominations',
        POWERTOOLS_LOG_LEVEL: functionLogLevel,
        ...props.environment,
      },
    });
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The AWS managed basic execution role only lets the function write its own logs',
      },
      {
        id: 'AwsSolutions-IAM5[Action::xray:PutTraceSegments]',
        reason: 'X-Ray actions have no resource-level permissions',
      },
      {
        id: 'AwsSolutions-IAM5[Action::xray:PutTelemetryRecords]',
        reason: 'X-Ray actions have no resource-level permissions',
      },
    );
  }
}
