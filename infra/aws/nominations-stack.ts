import {
  ArnFormat,
  CfnOutput,
  Duration,
  Lazy,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';

import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { apiRoutes } from '../../functions/api-routes.ts';
import { type WorkflowName, workflowNames } from '../../shared/ports/workflows.ts';
import { indexOfFamily, type KeyFamily, leadingKeysPattern } from '../../shared/storage/keys.ts';
import { tableKeys } from '../../shared/storage/table.ts';
import { loadWorkflow, taskStates } from '../../shared/workflow-definitions.ts';
import { DeskHosting } from './constructs/desk-hosting.ts';
import { Identity } from './constructs/identity.ts';
import { NoticeTopic } from './constructs/notice-topic.ts';
import { ProductFunction } from './constructs/product-function.ts';
import { ReconcileSchedule } from './constructs/reconcile-schedule.ts';
import { Workflow } from './constructs/workflow.ts';
import {
  apiFunctions,
  type FunctionSpec,
  type ObjectPrefix,
  objectPrefixes,
  scheduledFunctions,
  taskFunctions,
} from './function-catalogue.ts';

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

export interface NominationsStackProps extends StackProps {
  /** `dev`, `staging`, `prod`, …: names every resource; anything but `dev` keeps its data on deletion. */
  readonly stage: string;
  /** The built desk (index.html, assets/). @default web/dist, which `npm run desk` builds */
  readonly deskDirectory?: string;
}

/** How long the upload bucket's access log is kept: as long as the API's. */
const ACCESS_LOG_DAYS = 30;

/** How long the upload bucket keeps what it holds (README "Deploy to AWS"). */
export const OBJECT_EXPIRY_DAYS: Readonly<Record<ObjectPrefix, number>> = {
  // An upload is used within the quarter hour its URL lasts, by the job it starts; a job lasts minutes.
  'uploads/': 2,
  // What a job keeps is removed when it ends, whatever its end; what a crash between its end and the removal
  // leaves goes after a week.
  'jobs/': 7,
};

/**
 * The product on managed AWS services: one DynamoDB table, one Lambda function per handler, the three state
 * machines from their ASL files, EventBridge Scheduler for deadlines, an HTTP API behind Cognito, an S3 bucket
 * for large files, alarms.
 */
export class NominationsStack extends Stack {
  readonly table: TableV2;
  /** Files too large for a request (uploads by presigned URL) and what bulk jobs keep of them. */
  readonly uploads: Bucket;
  readonly functions: Readonly<Record<string, ProductFunction>>;
  readonly caseWorkflow: Workflow;
  readonly calendarWorkflow: Workflow;
  readonly jobWorkflow: Workflow;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly deskClient: UserPoolClient;
  readonly desk: DeskHosting;
  readonly alarmTopic: Topic;
  readonly notices: NoticeTopic;
  readonly scheduleDeadLetters: Queue;
  readonly #machineArns: Readonly<Record<WorkflowName, string>>;
  readonly #executionArns: string[];
  readonly #machineNames: string[];

  constructor(scope: Construct, id: string, props: NominationsStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const keepData = stage !== 'dev';
    const prefix = `akim-nominations-${stage}`;

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: tableKeys.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableKeys.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: tableKeys.byDistrictIndex,
          partitionKey: { name: tableKeys.byDistrictPartitionKey, type: AttributeType.STRING },
          sortKey: { name: tableKeys.byDistrictSortKey, type: AttributeType.STRING },
        },
      ],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: keepData,
      encryption: TableEncryptionV2.awsManagedKey(),
      // Idempotency records carry their expiry here (Powertools' default attribute).
      timeToLiveAttribute: 'expiration',
      // The notice topic's publisher reads what changed (NoticeTopic).
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.uploads = this.#uploadBucket(keepData);

    // Fixed names: functions learn the machines' ARNs as strings, with no dependency cycle.
    const machineNames: Readonly<Record<WorkflowName, string>> = {
      'nomination-case': `${prefix}-nomination-case`,
      'election-calendar': `${prefix}-election-calendar`,
      'bulk-job': `${prefix}-bulk-job`,
    };
    const machineArn = (name: string) =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    this.#machineArns = {
      'nomination-case': machineArn(machineNames['nomination-case']),
      'election-calendar': machineArn(machineNames['election-calendar']),
      'bulk-job': machineArn(machineNames['bulk-job']),
    };
    // The machines whose steps wait for a task token: the only ones a wait can be ended in.
    const waitingMachineArns = workflowNames
      .filter((workflow) => taskStates(loadWorkflow(workflow)).some((task) => task.waitsForToken))
      .map((workflow) => this.#machineArns[workflow]);

    const wakeUpGroup = new ScheduleGroup(this, 'WakeUps', { scheduleGroupName: `${prefix}-wake-ups` });
    const wakeUpRole = new Role(this, 'WakeUpRole', {
      // Only on behalf of this account's schedules: no one else's schedule can make the scheduler use it.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description:
        'EventBridge Scheduler ends a waiting step at its deadline (SendTaskSuccess), nothing else',
    });
    wakeUpRole.addToPolicy(
      new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: waitingMachineArns }),
    );
    // A schedule whose target fails after its retries (a wake-up, a reconciler run) lands here, and alarms.
    this.scheduleDeadLetters = new Queue(this, 'ScheduleDeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduleDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the schedules',
    });
    this.scheduleDeadLetters.grantSendMessages(wakeUpRole);
    this.#machineNames = Object.values(machineNames);
    this.#executionArns = this.#machineNames.map((name) =>
      this.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${name}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    );

    const environment = {
      TABLE_NAME: this.table.tableName,
      UPLOAD_BUCKET: this.uploads.bucketName,
      CASE_STATE_MACHINE_ARN: this.#machineArns['nomination-case'],
      CALENDAR_STATE_MACHINE_ARN: this.#machineArns['election-calendar'],
      JOB_STATE_MACHINE_ARN: this.#machineArns['bulk-job'],
      WAKE_UP_GROUP: wakeUpGroup.scheduleGroupName,
      WAKE_UP_ROLE_ARN: wakeUpRole.roleArn,
      WAKE_UP_DEAD_LETTER_ARN: this.scheduleDeadLetters.queueArn,
    };
    const functions: Record<string, ProductFunction> = {};
    for (const spec of [...taskFunctions, ...apiFunctions, ...scheduledFunctions]) {
      functions[spec.name] = this.#productFunction(
        spec,
        environment,
        waitingMachineArns,
        wakeUpGroup,
        wakeUpRole,
      );
    }
    functions.OpenApiDocument = this.#productFunction(
      { name: 'OpenApiDocument', file: 'api', handler: 'handler', needs: { reads: [], writes: [] } },
      environment,
      waitingMachineArns,
      wakeUpGroup,
      wakeUpRole,
    );
    this.functions = functions;
    const reconcile = functions.Reconcile?.function;
    if (reconcile === undefined) throw new Error('the catalogue has no Reconcile function');
    new ReconcileSchedule(this, 'ReconcileSchedule', {
      scheduleName: `${prefix}-reconcile`,
      reconcile,
      deadLetters: this.scheduleDeadLetters,
    });

    const lambdas: Record<string, IFunction> = Object.fromEntries(
      Object.entries(functions).map(([name, fn]) => [name, fn.function]),
    );
    this.caseWorkflow = new Workflow(this, 'NominationCase', {
      workflow: 'nomination-case',
      stateMachineName: machineNames['nomination-case'],
      functions: lambdas,
    });
    this.calendarWorkflow = new Workflow(this, 'ElectionCalendar', {
      workflow: 'election-calendar',
      stateMachineName: machineNames['election-calendar'],
      functions: lambdas,
    });
    this.jobWorkflow = new Workflow(this, 'BulkJob', {
      workflow: 'bulk-job',
      stateMachineName: machineNames['bulk-job'],
      functions: lambdas,
    });

    const identity = new Identity(this, 'Identity', { prefix, production: stage === 'prod' });
    this.userPool = identity.userPool;
    this.userPoolClient = identity.client;
    this.#grantUserPool(functions);
    this.desk = new DeskHosting(this, 'Desk', {
      ...(props.deskDirectory === undefined ? {} : { directory: props.deskDirectory }),
      connectOrigins: [
        // The API is made below, and its routes need the desk's client, which needs the desk's URL.
        Lazy.string({ produce: () => this.api.apiEndpoint }),
        `https://cognito-idp.${this.region}.${this.urlSuffix}`,
        identity.signInDomain.baseUrl(),
        `https://${this.uploads.bucketRegionalDomainName}`,
      ],
      formOrigins: [identity.signInDomain.baseUrl()],
      keepLogs: keepData,
    });
    this.deskClient = identity.addDeskClient(this.desk.url);
    this.api = this.#httpApi(prefix, lambdas);
    this.desk.deploy({
      authority: identity.issuer,
      clientId: this.deskClient.userPoolClientId,
      apiUrl: this.api.apiEndpoint,
      endSessionEndpoint: `${identity.signInDomain.baseUrl()}/logout`,
    });
    this.alarmTopic = this.#alarms();
    this.notices = new NoticeTopic(this, 'Notices', {
      table: this.table,
      environment,
      alarms: this.alarmTopic,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'DeskUrl', { value: `${this.desk.url}/` });
    new CfnOutput(this, 'DeskClientId', { value: this.deskClient.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: identity.signInDomain.baseUrl() });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UploadBucketName', { value: this.uploads.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'NoticeTopicArn', { value: this.notices.topic.topicArn });
  }

  #productFunction(
    spec: FunctionSpec,
    environment: Record<string, string>,
    waitingMachineArns: string[],
    wakeUpGroup: ScheduleGroup,
    wakeUpRole: Role,
  ): ProductFunction {
    const product = new ProductFunction(this, spec.name, {
      file: spec.file,
      handler: spec.handler,
      environment,
      ...(spec.memoryMB === undefined ? {} : { memorySize: spec.memoryMB }),
      ...(spec.timeoutSeconds === undefined ? {} : { timeout: Duration.seconds(spec.timeoutSeconds) }),
    });
    const fn = product.function;
    for (const statement of this.#tableAccess(spec)) fn.addToRolePolicy(statement);
    for (const statement of this.#objectAccess(spec, product)) fn.addToRolePolicy(statement);
    const starts = spec.needs.startsWorkflows ?? [];
    if (starts.length > 0) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: starts.map((workflow) => this.#machineArns[workflow]),
        }),
      );
    }
    if (spec.needs.signalsTasks) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: waitingMachineArns }),
      );
    }
    if (spec.needs.inspectsExecutions) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['states:DescribeExecution', 'states:StopExecution'],
          resources: this.#executionArns,
        }),
      );
      const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
      for (const machine of this.#machineNames) {
        Validations.of(product).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:<AWS::AccountId>:execution:${machine}:*]`,
          reason:
            'Executions are named per record and attempt: the reconciler reads and stops those of the product’s own machines only',
        });
      }
    }
    if (spec.needs.armsWakeUps) {
      wakeUpGroup.grantWriteSchedules(fn);
      wakeUpRole.grantPassRole(fn.grantPrincipal);
      Validations.of(product).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region}:<AWS::AccountId>:schedule/${wakeUpGroup.scheduleGroupName}/*]`,
        reason:
          'A wake-up is a schedule named after its task token, created on the fly; only inside the product’s own group',
      });
    }
    Validations.of(product).acknowledge(
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
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Only the X-Ray actions, which have no resource-level permissions, use Resource *',
      },
    );
    return product;
  }

  /** The account functions' Cognito actions (FunctionNeeds.userPool), on the product's user pool only. */
  #grantUserPool(functions: Readonly<Record<string, ProductFunction>>): void {
    for (const spec of [...taskFunctions, ...apiFunctions, ...scheduledFunctions]) {
      const actions = spec.needs.userPool;
      const fn = functions[spec.name]?.function;
      if (actions === undefined || fn === undefined) continue;
      fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
      if (actions.length === 0) continue;
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: actions.map((action) => `cognito-idp:${action}`),
          resources: [this.userPool.userPoolArn],
        }),
      );
    }
  }

  /**
   * Files too large for a request. Clients PUT them through presigned URLs (createUpload), jobs read them and keep
   * what they cut them into beside them. Private, encrypted at rest, TLS only, unversioned (a file removed is
   * gone), each folder expiring by itself (OBJECT_EXPIRY_DAYS); every request to it is logged to a second bucket.
   * Like the table, kept when a stage other than dev is deleted (its lifecycle rules go on emptying it).
   */
  #uploadBucket(keepData: boolean): Bucket {
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3-managed keys: a presigned PUT needs no KMS grant, and S3 delivers access logs only to such a bucket.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: false,
      removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    } as const;
    const accessLogs = new Bucket(this, 'UploadAccessLogs', {
      ...privateBucket,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is itself the server access log of the upload bucket',
    });
    return new Bucket(this, 'Uploads', {
      ...privateBucket,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        ...objectPrefixes.map((folder) => ({
          id: `Expire-${folder.slice(0, -1)}`,
          prefix: folder,
          expiration: Duration.days(OBJECT_EXPIRY_DAYS[folder]),
        })),
        // A presigned upload is one PUT; a multipart upload left unfinished is removed all the same.
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // The desk PUTs to presigned URLs from its own origin. Any origin: the signed URL is the whole permission
      // (one key, type and length, a quarter hour), and naming the desk's origin would make the stack a cycle.
      cors: [
        {
          allowedOrigins: ['*'],
          allowedMethods: [HttpMethods.PUT],
          allowedHeaders: ['content-type', 'if-none-match'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    });
  }

  /**
   * The function's access to the upload bucket (FunctionNeeds.objects): each action on the objects of the folders
   * named for it only. A missing object reads as NoSuchKey only to a caller that may list it, so a reader may
   * also list, but only the folders it reads.
   */
  #objectAccess(spec: FunctionSpec, product: ProductFunction): PolicyStatement[] {
    const needs = spec.needs.objects;
    if (needs === undefined) return [];
    const reads = needs.reads ?? [];
    const byAction: readonly (readonly [string, readonly ObjectPrefix[]])[] = [
      ['s3:GetObject', reads],
      ['s3:PutObject', [...new Set([...(needs.writes ?? []), ...(needs.presigns ?? [])])]],
      ['s3:DeleteObject', needs.removes ?? []],
    ];
    const statements = byAction
      .filter(([, folders]) => folders.length > 0)
      .map(
        ([action, folders]) =>
          new PolicyStatement({
            actions: [action],
            resources: folders.map((folder) => this.uploads.arnForObjects(`${folder}*`)),
          }),
      );
    if (reads.length > 0) {
      statements.push(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [this.uploads.bucketArn],
          conditions: { StringLike: { 's3:prefix': reads.map((folder) => `${folder}*`) } },
        }),
      );
    }
    const bucket = this.uploads.node.defaultChild;
    if (!(bucket instanceof CfnBucket)) throw new Error('the upload bucket has no CfnBucket');
    const bucketId = this.getLogicalId(bucket);
    for (const folder of new Set(byAction.flatMap(([, folders]) => folders))) {
      Validations.of(product).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${folder}*]`,
        reason: `Objects are named per election, case, upload and job: only those under ${folder} of the product’s own bucket`,
      });
    }
    return statements;
  }

  /**
   * The function's table access: the partitions of the key families it reads, read-only, and of those it writes,
   * write-only, each limited by `dynamodb:LeadingKeys` (README "Storage"). No Scan: a scan has no leading key,
   * so no condition could limit it.
   */
  #tableAccess(spec: FunctionSpec): PolicyStatement[] {
    const statements = (actions: readonly string[], families: readonly KeyFamily[]) => {
      const byResource = new Map<string, string[]>();
      for (const family of new Set(families)) {
        const index = indexOfFamily(family);
        const resource = index === undefined ? this.table.tableArn : `${this.table.tableArn}/index/${index}`;
        byResource.set(resource, [
          ...(byResource.get(resource) ?? []),
          leadingKeysPattern(family, spec.name),
        ]);
      }
      return [...byResource].map(
        ([resource, patterns]) =>
          new PolicyStatement({
            // An index can only be queried.
            actions: resource === this.table.tableArn ? [...actions] : ['dynamodb:Query'],
            resources: [resource],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns } },
          }),
      );
    };
    return [...statements(READ_ACTIONS, spec.needs.reads), ...statements(WRITE_ACTIONS, spec.needs.writes)];
  }

  #httpApi(prefix: string, lambdas: Record<string, IFunction>): HttpApi {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new HttpApi(this, 'Api', {
      apiName: `${prefix}-api`,
      createDefaultStage: false,
      // The desk calls from its CloudFront origin. Any origin: the one credential is a bearer token a page must
      // add itself (no cookies), and naming the desk's origin here would make the stack a cycle (the desk's CSP
      // names the API).
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key'],
        exposeHeaders: ['retry-after'],
        maxAge: Duration.days(1),
      },
    });
    api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    // ID tokens of both clients: scripts' (SRP) and the desk's (hosted sign-in).
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, {
      userPoolClients: [this.userPoolClient, this.deskClient],
    });
    const route = (operationId: string, path: string, method: HttpMethod, isPublic: boolean) => {
      const fn = lambdas[operationId];
      if (fn === undefined) throw new Error(`no function for ${operationId}`);
      api.addRoutes({
        path,
        methods: [method],
        integration: new HttpLambdaIntegration(`${operationId}Integration`, fn),
        ...(isPublic ? {} : { authorizer }),
      });
    };
    for (const r of apiRoutes)
      route(r.operationId, r.path, r.method === 'GET' ? HttpMethod.GET : HttpMethod.POST, r.public);
    route('OpenApiDocument', '/openapi.json', HttpMethod.GET, true);
    Validations.of(api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public reads (getElection, listCandidates, the OpenAPI document) need no token by design; every other route has the Cognito authorizer',
    });
    return api;
  }

  #alarms(): Topic {
    const topic = new Topic(this, 'Alarms', { enforceSSL: true });
    Validations.of(topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry no personal data, and CloudWatch cannot publish to a topic under the AWS managed key',
    });
    const alarm = (id: string, metric: Alarm['metric'], description: string) => {
      new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new SnsAction(topic));
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    for (const [name, workflow] of [
      ['NominationCase', this.caseWorkflow],
      ['ElectionCalendar', this.calendarWorkflow],
      ['BulkJob', this.jobWorkflow],
    ] as const) {
      alarm(
        `${name}ExecutionsFailed`,
        workflow.stateMachine.metricFailed(fiveMinutes),
        `${name} executions failed`,
      );
      alarm(
        `${name}ExecutionsTimedOut`,
        workflow.stateMachine.metricTimedOut(fiveMinutes),
        `${name} executions timed out`,
      );
    }
    alarm('Api5xx', this.api.metricServerError(fiveMinutes), 'The API answered with server errors');
    alarm(
      'ScheduleDeadLettersWaiting',
      this.scheduleDeadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      'A wake-up or a reconciler run failed after its retries: see the dead-letter queue',
    );
    return topic;
  }
}
