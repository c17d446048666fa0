import {
  ArnFormat,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
  Validations,
} from 'aws-cdk-lib';

import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { apiRoutes } from '../../functions/api-routes.ts';
import { indexOfFamily, type KeyFamily, leadingKeysPattern } from '../../shared/storage/keys.ts';
import { tableKeys } from '../../shared/storage/table.ts';
import { Identity } from './constructs/identity.ts';
import { ProductFunction } from './constructs/product-function.ts';
import { ReconcileSchedule } from './constructs/reconcile-schedule.ts';
import { Workflow } from './constructs/workflow.ts';
import { apiFunctions, type FunctionSpec, scheduledFunctions, taskFunctions } from './function-catalogue.ts';

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
}

/**
 * The product on managed AWS services: one DynamoDB table, one Lambda function per handler, the two state
 * machines from their ASL files, EventBridge Scheduler for deadlines, an HTTP API behind Cognito, alarms.
 */
export class NominationsStack extends Stack {
  readonly table: TableV2;
  readonly functions: Readonly<Record<string, ProductFunction>>;
  readonly caseWorkflow: Workflow;
  readonly calendarWorkflow: Workflow;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly alarmTopic: Topic;
  readonly scheduleDeadLetters: Queue;
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
      removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // Fixed names: functions learn the machines' ARNs as strings, with no dependency cycle.
    const machineNames = { case: `${prefix}-nomination-case`, calendar: `${prefix}-election-calendar` };
    const machineArn = (name: string) =>
      this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const machineArns = [machineArn(machineNames.case), machineArn(machineNames.calendar)];

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
      new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: machineArns }),
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
    this.#machineNames = [machineNames.case, machineNames.calendar];
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
      CASE_STATE_MACHINE_ARN: machineArn(machineNames.case),
      CALENDAR_STATE_MACHINE_ARN: machineArn(machineNames.calendar),
      WAKE_UP_GROUP: wakeUpGroup.scheduleGroupName,
      WAKE_UP_ROLE_ARN: wakeUpRole.roleArn,
      WAKE_UP_DEAD_LETTER_ARN: this.scheduleDeadLetters.queueArn,
    };
    const functions: Record<string, ProductFunction> = {};
    for (const spec of [...taskFunctions, ...apiFunctions, ...scheduledFunctions]) {
      functions[spec.name] = this.#productFunction(spec, environment, machineArns, wakeUpGroup, wakeUpRole);
    }
    functions.OpenApiDocument = this.#productFunction(
      { name: 'OpenApiDocument', file: 'api', handler: 'handler', needs: { reads: [], writes: [] } },
      environment,
      machineArns,
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
      stateMachineName: machineNames.case,
      functions: lambdas,
    });
    this.calendarWorkflow = new Workflow(this, 'ElectionCalendar', {
      workflow: 'election-calendar',
      stateMachineName: machineNames.calendar,
      functions: lambdas,
    });

    const identity = new Identity(this, 'Identity', { prefix, production: stage === 'prod' });
    this.userPool = identity.userPool;
    this.userPoolClient = identity.client;
    this.api = this.#httpApi(prefix, lambdas);
    this.alarmTopic = this.#alarms();

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  #productFunction(
    spec: FunctionSpec,
    environment: Record<string, string>,
    machineArns: string[],
    wakeUpGroup: ScheduleGroup,
    wakeUpRole: Role,
  ): ProductFunction {
    const product = new ProductFunction(this, spec.name, {
      file: spec.file,
      handler: spec.handler,
      environment,
    });
    const fn = product.function;
    for (const statement of this.#tableAccess(spec)) fn.addToRolePolicy(statement);
    if (spec.needs.startsWorkflows) {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: machineArns }));
    }
    if (spec.needs.signalsTasks) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['states:SendTaskSuccess'], resources: machineArns }),
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
            'Executions are named per record and attempt: the reconciler reads and stops those of the product’s two machines only',
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
    const api = new HttpApi(this, 'Api', { apiName: `${prefix}-api`, createDefaultStage: false });
    api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, {
      userPoolClients: [this.userPoolClient],
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
