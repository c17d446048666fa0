import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

const FUNCTIONS_DIR = new URL('../../../functions/', import.meta.url).pathname;
const LOCK_FILE = new URL('../../../package-lock.json', import.meta.url).pathname;

/** How every function is bundled; the bench bundles with the same settings to measure what Lambda loads. */
export const bundling = {
  target: 'node24',
  platform: 'node',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give the ESM bundle a `require` for them.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

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
}

/**
 * A Lambda function with the team's defaults, set once: Node 24 on arm64, ESM bundled locally by esbuild
 * (never Docker), source maps, JSON logs for the Powertools logger, X-Ray, and a log group with retention.
 * It acknowledges the cdk-nag findings those defaults raise; what its role may do besides (and a Resource `*`,
 * whose reason depends on that) its owner acknowledges.
 */
export class ProductFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ProductFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.TWO_WEEKS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${FUNCTIONS_DIR}${props.file}.ts`,
      handler: props.handler ?? 'handler',
      depsLockFilePath: LOCK_FILE,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'akim-nominations',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        ...bundling,
        mainFields: [...bundling.mainFields],
        format: OutputFormat.ESM,
        forceDockerBundling: false,
        // Bundle the AWS SDK too: the version the tests ran against, not whatever the runtime ships.
        externalModules: [],
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
