import {
  ArnFormat,
  CfnOutput,
  Duration,
  Lazy,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type WorkflowName, workflowNames } from '../../shared/ports/workflows.ts';
import { tableKeys } from '../../shared/storage/table.ts';
import { loadWorkflow, taskStates } from '../../shared/workflow-definitions.ts';
import { addAlarms } from './alarms.ts';
import { DeskHosting } from './constructs/desk-hosting.ts';
import { EndedExecutionsRule } from './constructs/ended-executions-rule.ts';
import { Identity } from './constructs/identity.ts';
import { NoticeTopic } from './constructs/notice-topic.ts';
import { ProductFunction } from './constructs/product-function.ts';
import { ReconcileSchedule } from './constructs/reconcile-schedule.ts';
import { Workflow } from './constructs/workflow.ts';
import { addDeadLetterQueue } from './dead-letter-queue.ts';
import { FunctionBundles } from './function-bundles.ts';
import { apiFunctions, type FunctionSpec, scheduledFunctions, taskFunctions } from './function-catalogue.ts';
import { objectAccess, tableAccess } from './function-permissions.ts';
import { addHttpApi } from './http-api.ts';
import { nagEnvironment } from './nag-environment.ts';
import { addUploadBucket } from './upload-bucket.ts';

export interface NominationsStackProps extends StackProps {
  /** `dev`, `staging`, `prod`, …: names every resource; anything but `dev` keeps its data on deletion. */
  readonly stage: string;
  /** The built desk (index.html, assets/). @default web/dist, which `npm run desk` builds */
  readonly deskDirectory?: string;
  /** The verified SES identity Cognito mails from (`-c sesIdentity=…`). @default Cognito's own mailer (Identity) */
  readonly sesIdentity?: string;
}

/**
 * The product on managed AWS services: one DynamoDB table, one Lambda function per handler, the three state
 * machines from their ASL files, EventBridge Scheduler for deadlines, an HTTP API behind Cognito, an S3 bucket
 * for large files, the desk on S3 behind CloudFront with Cognito's hosted sign-in, notices to SNS, alarms.
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

    this.uploads = addUploadBucket(this, keepData);

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
    this.scheduleDeadLetters = addDeadLetterQueue(this, 'ScheduleDeadLetters', 'the schedules');
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
    const openApiDocument: FunctionSpec = {
      name: 'OpenApiDocument',
      file: 'api/openapi-document',
      handler: 'handler',
      needs: { reads: [], writes: [] },
    };
    const specs = [...taskFunctions, ...apiFunctions, ...scheduledFunctions, openApiDocument];
    // Bundled in one build, the first function's (FunctionBundles), with the notice topic's publishers made below.
    FunctionBundles.of(this).expect([
      ...specs.map((spec) => spec.file),
      'publish-notices',
      'publish-deadline-notices',
    ]);
    const functions: Record<string, ProductFunction> = {};
    for (const spec of specs) {
      functions[spec.name] = this.#productFunction(
        spec,
        environment,
        waitingMachineArns,
        wakeUpGroup,
        wakeUpRole,
      );
    }
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
    new EndedExecutionsRule(this, 'EndedExecutions', {
      ruleName: `${prefix}-ended-executions`,
      stateMachines: [this.caseWorkflow, this.calendarWorkflow, this.jobWorkflow].map((w) => w.stateMachine),
      reconcile,
      deadLetters: this.scheduleDeadLetters,
    });
    // A run that fails after Lambda's own retries of an asynchronous invocation (the schedule's, the rule's) is
    // kept where it alarms, not dropped: the rule's own dead-letter queue only holds events never delivered.
    reconcile.configureAsyncInvoke({
      onFailure: new SqsDestination(this.scheduleDeadLetters),
      retryAttempts: 2,
    });

    const identity = new Identity(this, 'Identity', {
      prefix,
      production: stage === 'prod',
      ...(props.sesIdentity === undefined ? {} : { sesIdentity: props.sesIdentity }),
    });
    this.userPool = identity.userPool;
    this.userPoolClient = identity.client;
    this.#grantUserPool(functions);
    this.desk = new DeskHosting(this, 'Desk', {
      ...(props.deskDirectory === undefined ? {} : { directory: props.deskDirectory }),
      origins: {
        connect: [
          // The API is made below, and its routes need the desk's client, which needs the desk's URL.
          Lazy.string({ produce: () => this.api.apiEndpoint }),
          `https://cognito-idp.${this.region}.${this.urlSuffix}`,
          identity.signInDomain.baseUrl(),
          `https://${this.uploads.bucketRegionalDomainName}`,
        ],
        forms: [identity.signInDomain.baseUrl()],
      },
      keepLogs: keepData,
    });
    this.deskClient = identity.addDeskClient(this.desk.url);
    this.api = addHttpApi(this, {
      prefix,
      lambdas,
      userPool: this.userPool,
      clients: [this.userPoolClient, this.deskClient],
    });
    this.desk.deploy({
      authority: identity.issuer,
      clientId: this.deskClient.userPoolClientId,
      apiUrl: this.api.apiEndpoint,
      endSessionEndpoint: `${identity.signInDomain.baseUrl()}/logout`,
    });
    this.alarmTopic = addAlarms(this, {
      workflows: {
        NominationCase: this.caseWorkflow,
        ElectionCalendar: this.calendarWorkflow,
        BulkJob: this.jobWorkflow,
      },
      api: this.api,
      scheduleDeadLetters: this.scheduleDeadLetters,
    });
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
    for (const statement of tableAccess(spec, this.table)) fn.addToRolePolicy(statement);
    for (const statement of objectAccess(spec, this.uploads, product)) fn.addToRolePolicy(statement);
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
      const { partition, region, account } = nagEnvironment(this);
      for (const machine of this.#machineNames) {
        Validations.of(product).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:${partition}:states:${region}:${account}:execution:${machine}:*]`,
          reason:
            'Executions are named per record and attempt: the reconciler reads and stops those of the product’s own machines only',
        });
      }
    }
    if (spec.needs.armsWakeUps) {
      wakeUpGroup.grantWriteSchedules(fn);
      wakeUpRole.grantPassRole(fn.grantPrincipal);
      // The scheduler's grant names the partition as a reference even where the synthesis knows it.
      const { region, account } = nagEnvironment(this);
      Validations.of(product).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${region}:${account}:schedule/${wakeUpGroup.scheduleGroupName}/*]`,
        reason:
          'A wake-up is a schedule named after its task token, created on the fly; only inside the product’s own group',
      });
    }
    Validations.of(product).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only the X-Ray actions, which have no resource-level permissions, use Resource *',
    });
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
}
