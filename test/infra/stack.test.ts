import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { apiRoutes } from '../../functions/api-routes.ts';
import { createApp } from '../../infra/aws/app.ts';
import {
  apiFunctions,
  type FunctionSpec,
  objectPrefixes,
  scheduledFunctions,
  taskFunctions,
} from '../../infra/aws/function-catalogue.ts';
import { ClaimsSchema } from '../../shared/auth/claims.ts';
import { objectKeys } from '../../shared/domain/bulk-job.ts';
import { type WorkflowName, workflowNames } from '../../shared/ports/workflows.ts';
import { indexOfFamily, leadingKeysPattern } from '../../shared/storage/keys.ts';
import { loadWorkflow, taskStates, workflowFile } from '../../shared/workflow-definitions.ts';
import { privateEncryptedBucket, resourcesOf, stubDesk } from '../support/cdk-template.ts';

/**
 * Synthesises a stage as `cdk synth` does, cdk-nag included (a finding not acknowledged fails here), but without
 * bundling the functions: these tests read the template, not the code (issue 14). One synthesis per stage serves
 * the whole file; test/infra/synthesis.test.ts bundles for real.
 */
function synth(stage: string) {
  const outdir = mkdtempSync(join(tmpdir(), `cdk-${stage}-`));
  const { app, stack } = createApp({
    outdir,
    context: { stage, deskDirectory: stubDesk(), 'aws:cdk:bundling-stacks': [] },
  });
  const assembly = app.synth();
  return { stack, template: Template.fromStack(stack), assembly, outdir };
}

let dev: ReturnType<typeof synth>;
let prod: ReturnType<typeof synth>;

beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
}, 120_000);

/** The product's own functions (ProductFunction), not those the CDK adds for the desk's deployment. */
const productFunctions = (template: Template) =>
  resourcesOf(template, 'AWS::Lambda::Function').filter(([, fn]) =>
    JSON.stringify(fn.Properties?.Environment ?? {}).includes('POWERTOOLS_SERVICE_NAME'),
  );

/** The logical id of the function created for a catalogue entry. */
function functionId(template: Template, name: string): string {
  const [id] =
    resourcesOf(template, 'AWS::Lambda::Function').find(([logicalId]) =>
      logicalId.startsWith(`${name}Function`),
    ) ?? [];
  if (id === undefined) throw new Error(`no function ${name}`);
  return id;
}

const StatementSchema = z.looseObject({
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
type Statement = z.infer<typeof StatementSchema>;

/** Every statement of the policies on a function's role. */
function statementsOf(template: Template, name: string): Statement[] {
  const fn = functionId(template, name);
  const role = z
    .object({ Properties: z.object({ Role: z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }) }) })
    .parse(template.toJSON().Resources[fn]).Properties.Role['Fn::GetAtt'][0];
  const PolicySchema = z.object({
    Properties: z.looseObject({
      Roles: z.array(z.object({ Ref: z.string() })),
      PolicyDocument: z.object({ Statement: z.array(StatementSchema) }),
    }),
  });
  return resourcesOf(template, 'AWS::IAM::Policy')
    .map(([, p]) => PolicySchema.parse(p).Properties)
    .filter((p) => p.Roles.some((r) => r.Ref === role))
    .flatMap((p) => p.PolicyDocument.Statement);
}

const actionList = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every action a function's role may take. */
function actionsOf(template: Template, name: string): string[] {
  return statementsOf(template, name).flatMap(actionList);
}

const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** The partition patterns a statement is limited to (dynamodb:LeadingKeys), or null when it is not limited. */
function leadingKeysOf(statement: Statement): string[] | null {
  const patterns = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
  if (patterns === undefined) return null;
  return z.union([z.string().transform((p) => [p]), z.array(z.string())]).parse(patterns);
}

/** What a function's DynamoDB statements let it reach: for reads and for writes, the partition patterns. */
function tableAccessOf(template: Template, name: string) {
  const statements = statementsOf(template, name).filter((s) =>
    actionList(s).some((a) => a.startsWith('dynamodb:')),
  );
  const patterns = (actions: readonly string[]) =>
    [
      ...new Set(
        statements
          .filter((s) => actionList(s).some((a) => actions.includes(a)))
          .flatMap((s) => leadingKeysOf(s) ?? ['(every partition)']),
      ),
    ].sort();
  return { statements, reads: patterns(READ_ACTIONS), writes: patterns(WRITE_ACTIONS) };
}

/** Whether an IAM StringLike pattern matches a value (`*` any run of characters, `?` one character). */
function likeMatches(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

describe('the table', () => {
  it('is on demand, encrypted, with point-in-time recovery, the product’s keys and index, and TTL for idempotency', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'gsi1' })],
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: false,
        }),
      ],
    });
  });

  it('is protected from deletion, and kept, outside dev', () => {
    prod.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })] }),
    });
  });
});

describe('the functions', () => {
  it('are one per handler, each on Node 24, arm64, traced (but the stream’s notice publisher), with the product’s environment', () => {
    const functions = productFunctions(dev.template);
    // Beside the catalogue: the OpenAPI document's, and the notice topic's publishers (NoticeTopic's own test).
    const publishers = functions.filter(([id]) => id.startsWith('Notices')).length;
    expect(publishers).toBeGreaterThan(0);
    expect(functions).toHaveLength(
      taskFunctions.length + apiFunctions.length + scheduledFunctions.length + 1 + publishers,
    );
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: id.startsWith('NoticesPublishNotices') ? 'PassThrough' : 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
        Environment: {
          Variables: expect.objectContaining({
            POWERTOOLS_LOG_LEVEL: 'INFO',
            TABLE_NAME: expect.anything(),
            WAKE_UP_GROUP: expect.anything(),
            UPLOAD_BUCKET: expect.anything(),
            JOB_STATE_MACHINE_ARN: expect.anything(),
          }),
        },
      });
    }
  });

  it('may each do what their handler needs and no more', () => {
    expect(actionsOf(dev.template, 'getElection')).toContain('dynamodb:GetItem');
    expect(actionsOf(dev.template, 'getElection')).not.toContain('dynamodb:PutItem');
    expect(actionsOf(dev.template, 'listCandidates').filter((a) => a.startsWith('states:'))).toEqual([]);
    expect(actionsOf(dev.template, 'createElection')).toEqual(
      expect.arrayContaining(['dynamodb:PutItem', 'states:StartExecution']),
    );
    expect(actionsOf(dev.template, 'decideRegistration')).toContain('states:SendTaskSuccess');
    expect(actionsOf(dev.template, 'decideRegistration')).not.toContain('states:StartExecution');
    expect(actionsOf(dev.template, 'WaitForNextDeadline')).toEqual(
      expect.arrayContaining(['scheduler:CreateSchedule', 'iam:PassRole']),
    );
    expect(
      actionsOf(dev.template, 'CheckEligibility').some(
        (a) => a.startsWith('scheduler:') || a.startsWith('states:'),
      ),
    ).toBe(false);
    expect(actionsOf(dev.template, 'OpenApiDocument').some((a) => a.startsWith('dynamodb:'))).toBe(false);
  });
});

const catalogue: readonly FunctionSpec[] = [...taskFunctions, ...apiFunctions, ...scheduledFunctions];

describe.each(catalogue.map((spec) => [spec.name, spec] as const))(
  'the table access of %s (issue 10: keys that fit least privilege)',
  (name, spec) => {
    const expected = (families: FunctionSpec['needs']['reads']) =>
      [...new Set(families.map((f) => leadingKeysPattern(f, name)))].sort();

    it('reads only the partitions of the key families it reads, named by dynamodb:LeadingKeys', () => {
      expect(tableAccessOf(dev.template, name).reads).toEqual(expected(spec.needs.reads));
    });

    it('writes only those of the families it writes: none where it only reads', () => {
      expect(tableAccessOf(dev.template, name).writes).toEqual(expected(spec.needs.writes));
    });

    it('has every DynamoDB statement limited to partitions, on the table itself, and never scans', () => {
      const { statements } = tableAccessOf(dev.template, name);
      for (const statement of statements) {
        expect(leadingKeysOf(statement), JSON.stringify(statement)).not.toBeNull();
        const onTable = z
          .object({ 'Fn::GetAtt': z.tuple([z.string().startsWith('Table'), z.literal('Arn')]) })
          .safeParse(statement.Resource).success;
        // Or on the index, which can only be queried, and only where the catalogue names its family.
        expect(
          onTable || spec.needs.reads.some((f) => indexOfFamily(f) !== undefined),
          JSON.stringify(statement),
        ).toBe(true);
        for (const action of actionList(statement)) {
          expect(onTable ? [...READ_ACTIONS, ...WRITE_ACTIONS] : ['dynamodb:Query']).toContain(action);
        }
      }
    });
  },
);

describe('the public functions (issue 10)', () => {
  /** A partition of each family that holds personal data or what only its own operation may see. */
  const closed = {
    cases: 'CASES#195230100-2026-03-15',
    roll: 'ROLL#195230100-2026-03-15',
    register: 'REGISTER#195230100-2026-03-15#snapshot',
    support: 'SUPPORT#195230100-2026-03-15',
    lines: 'LINES#0f0e0d0c-0b0a-4908-8706-050403020100',
    idempotency: 'IDEMPOTENCY#fileNomination',
  };

  it.each(['listCandidates', 'getElection'])(
    '%s can reach no case, roll, register, support, signature line or idempotency record',
    (name) => {
      const { statements } = tableAccessOf(dev.template, name);
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        const patterns = leadingKeysOf(statement);
        expect(patterns, JSON.stringify(statement)).not.toBeNull();
        for (const [family, partition] of Object.entries(closed)) {
          expect(
            patterns?.filter((p) => likeMatches(p, partition)),
            `${name} reaches ${family}`,
          ).toEqual([]);
        }
        expect(actionList(statement).filter((a) => WRITE_ACTIONS.includes(a))).toEqual([]);
      }
    },
  );

  it('listCandidates reads the election and its published list: families that hold nothing personal', () => {
    const { reads, writes } = tableAccessOf(dev.template, 'listCandidates');
    expect(writes).toEqual([]);
    for (const partition of ['ELECTION#195230100-2026-03-15', 'PUBLIC#195230100-2026-03-15']) {
      expect(
        reads.some((p) => likeMatches(p, partition)),
        partition,
      ).toBe(true);
    }
    expect(reads.filter((p) => !['ELECTION#', 'PUBLIC#', 'UNREADABLE#'].some((f) => p === `${f}*`))).toEqual(
      [],
    );
  });

  it('no function may scan the table (dynamodb:LeadingKeys cannot limit a Scan)', () => {
    for (const spec of catalogue) {
      expect(actionsOf(dev.template, spec.name), spec.name).not.toContain('dynamodb:Scan');
    }
  });
});

describe('the wake-up role (issue 10)', () => {
  it('is assumed by EventBridge Scheduler on behalf of this account only (aws:SourceAccount)', () => {
    const roles = resourcesOf(dev.template, 'AWS::IAM::Role').filter(([id]) => id.startsWith('WakeUpRole'));
    expect(roles).toHaveLength(1);
    const trust = z
      .object({ AssumeRolePolicyDocument: z.object({ Statement: z.array(z.looseObject({})) }) })
      .parse(roles[0]?.[1].Properties).AssumeRolePolicyDocument.Statement;
    expect(trust).toEqual([
      expect.objectContaining({
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': dev.stack.resolve(dev.stack.account) } },
      }),
    ]);
  });
});

/** The construct of each state machine in the stack. */
const workflowConstructs: Readonly<Record<WorkflowName, string>> = {
  'nomination-case': 'NominationCase',
  'election-calendar': 'ElectionCalendar',
  'bulk-job': 'BulkJob',
};

describe.each(workflowNames)('the %s state machine', (workflow) => {
  it('is its ASL file, every placeholder substituted by its own function', () => {
    const [, machine] =
      resourcesOf(dev.template, 'AWS::StepFunctions::StateMachine').find(([id]) =>
        id.startsWith(workflowConstructs[workflow]),
      ) ?? [];
    const props = z
      .looseObject({
        DefinitionS3Location: z.looseObject({ Key: z.string() }),
        DefinitionSubstitutions: z.record(z.string(), z.unknown()),
      })
      .parse(machine?.Properties);

    // The deployed definition is the file itself (an asset of the same bytes)...
    const assetFile = join(dev.outdir, `asset.${props.DefinitionS3Location.Key.replace(/\.json$/, '')}.json`);
    expect(readFileSync(assetFile, 'utf8')).toBe(readFileSync(workflowFile(workflow), 'utf8'));
    // ...and each ${NameFunctionArn} becomes the ARN of the function named after the Task state.
    const expected = Object.fromEntries(
      taskStates(loadWorkflow(workflow)).map((t) => [
        `${t.functionName}FunctionArn`,
        { 'Fn::GetAtt': [functionId(dev.template, t.functionName), 'Arn'] },
      ]),
    );
    expect(props.DefinitionSubstitutions).toEqual(expected);
  });

  // Level ALL with the execution data logged every state's input and output: most of the cycle's log bytes, for
  // steps already on the case's audit trail and in the execution's own history.
  it('is a Standard workflow that logs its failures, with their input, and is traced', () => {
    dev.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: `akim-nominations-dev-${workflow}`,
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ERROR', IncludeExecutionData: true }),
      TracingConfiguration: { Enabled: true },
    });
  });
});

describe('the API', () => {
  it('has every operation, with the Cognito authorizer on every route but the public reads', () => {
    const routes = resourcesOf(dev.template, 'AWS::ApiGatewayV2::Route').map(([, r]) =>
      z.looseObject({ RouteKey: z.string(), AuthorizationType: z.string().optional() }).parse(r.Properties),
    );
    for (const route of apiRoutes) {
      const deployed = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(deployed, route.operationId).toBeDefined();
      expect(deployed?.AuthorizationType ?? 'NONE', route.operationId).toBe(route.public ? 'NONE' : 'JWT');
    }
    expect(routes.find((r) => r.RouteKey === 'GET /openapi.json')?.AuthorizationType ?? 'NONE').toBe('NONE');
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    expect(
      resourcesOf(dev.template, 'AWS::Cognito::UserPoolGroup')
        .map(([, g]) => g.Properties?.GroupName)
        .sort(),
    ).toEqual(['admin', 'akimat', 'candidate', 'commission', 'party']);
  });

  it('raises alarms on failed and timed-out executions, on 5xx, and on failed schedules', () => {
    const alarms = resourcesOf(dev.template, 'AWS::CloudWatch::Alarm').map(
      ([, a]) => z.looseObject({ MetricName: z.string() }).parse(a.Properties).MetricName,
    );
    expect(alarms.sort()).toEqual(
      [
        '5xx',
        // The schedules' dead-letter queue, and the notice stream's.
        'ApproximateNumberOfMessagesVisible',
        'ApproximateNumberOfMessagesVisible',
        ...workflowNames.flatMap(() => ['ExecutionsFailed', 'ExecutionsTimedOut']),
      ].sort(),
    );
  });
});

/** The logical id of the upload bucket (its access log bucket is another). */
function uploadBucketId(template: Template): string {
  const [id] =
    resourcesOf(template, 'AWS::S3::Bucket').find(([logicalId]) => logicalId.startsWith('Uploads')) ?? [];
  if (id === undefined) throw new Error('no upload bucket');
  return id;
}

const ArnOfSchema = z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.literal('Arn')]) });
/** `arn + "/uploads/*"` as CloudFormation writes it. */
const ObjectsArnSchema = z.object({
  'Fn::Join': z.tuple([z.literal(''), z.tuple([ArnOfSchema, z.string()])]),
});

/**
 * What a function may do in S3, one line per action and resource: `s3:GetObject uploads/*` for objects of the
 * upload bucket, `s3:ListBucket (bucket) uploads/*` for listing it limited by s3:prefix. Anything outside the
 * upload bucket would fail to parse.
 */
function s3AccessOf(template: Template, name: string): string[] {
  const bucket = uploadBucketId(template);
  return statementsOf(template, name)
    .filter((st) => actionList(st).some((a) => a.startsWith('s3:')))
    .flatMap((st) => {
      const resources = Array.isArray(st.Resource) ? st.Resource : [st.Resource];
      return actionList(st).flatMap((action) =>
        resources.map((resource) => {
          const whole = ArnOfSchema.safeParse(resource);
          if (whole.success) {
            expect(whole.data['Fn::GetAtt'][0]).toBe(bucket);
            const prefixes = z
              .object({ StringLike: z.object({ 's3:prefix': z.array(z.string()) }) })
              .parse(st.Condition).StringLike['s3:prefix'];
            return `${action} (bucket) ${[...prefixes].sort().join(' ')}`;
          }
          const [arn, path] = ObjectsArnSchema.parse(resource)['Fn::Join'][1];
          expect(arn['Fn::GetAtt'][0]).toBe(bucket);
          return `${action} ${path.replace(/^\//, '')}`;
        }),
      );
    })
    .sort();
}

/** What the catalogue's objects need comes to, in the form of s3AccessOf. */
function expectedS3Access(needs: FunctionSpec['needs']): string[] {
  const objects = needs.objects ?? {};
  const on = (action: string, folders: readonly string[] = []) => folders.map((f) => `${action} ${f}*`);
  const reads = objects.reads ?? [];
  return [
    ...on('s3:GetObject', reads),
    ...on('s3:PutObject', [...new Set([...(objects.writes ?? []), ...(objects.presigns ?? [])])]),
    ...on('s3:DeleteObject', objects.removes ?? []),
    ...(reads.length > 0
      ? [
          `s3:ListBucket (bucket) ${reads
            .map((f) => `${f}*`)
            .sort()
            .join(' ')}`,
        ]
      : []),
  ].sort();
}

describe('the upload bucket (issue 11)', () => {
  const bucketOf = (template: Template) => {
    const resource = template.toJSON().Resources[uploadBucketId(template)];
    return z.looseObject({ Properties: z.looseObject({}), DeletionPolicy: z.string() }).parse(resource);
  };

  it('blocks all public access and encrypts at rest, as does its access log', () => {
    const buckets = resourcesOf(dev.template, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('Upload'));
    expect(buckets.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'UploadAccessLogs',
      'Uploads',
    ]);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties, id).toMatchObject({
        ...privateEncryptedBucket,
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(bucket.Properties?.VersioningConfiguration, id).toBeUndefined();
    }
  });

  it('refuses every request made without TLS', () => {
    const policies = resourcesOf(dev.template, 'AWS::S3::BucketPolicy');
    const secured = policies.flatMap(([, policy]) => {
      const { Bucket, PolicyDocument } = z
        .object({
          Bucket: z.object({ Ref: z.string() }),
          PolicyDocument: z.object({ Statement: z.array(z.looseObject({})) }),
        })
        .parse(policy.Properties);
      const denies = PolicyDocument.Statement.some(
        (st) =>
          st.Effect === 'Deny' &&
          JSON.stringify(st.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
      );
      return denies ? [Bucket.Ref] : [];
    });
    expect(secured.sort()).toEqual(
      resourcesOf(dev.template, 'AWS::S3::Bucket')
        .map(([id]) => id)
        .sort(),
    );
  });

  it('logs every request to its access log bucket', () => {
    const logs = resourcesOf(dev.template, 'AWS::S3::Bucket').find(([id]) =>
      id.startsWith('UploadAccessLogs'),
    );
    expect(bucketOf(dev.template).Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logs?.[0] },
      LogFilePrefix: 'uploads/',
    });
  });

  it('expires uploads after two days, the files of jobs after seven, and unfinished multipart uploads after one', () => {
    const { Rules } = z
      .object({ LifecycleConfiguration: z.object({ Rules: z.array(z.looseObject({})) }) })
      .parse(bucketOf(dev.template).Properties).LifecycleConfiguration;
    expect(Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 2, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'jobs/', ExpirationInDays: 7, Status: 'Enabled' }),
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        }),
      ]),
    );
    expect(Rules.find((r) => 'AbortIncompleteMultipartUpload' in r)?.Prefix).toBeUndefined();
  });

  it('holds only keys under the folders that expire (shared/domain objectKeys)', () => {
    const keys = [
      objectKeys.upload('195230100-2026-03-15', 'voter-register', undefined, 'u'),
      objectKeys.upload('195230100-2026-03-15', 'signatures', 'case-1', 'u'),
      objectKeys.requestBody('job-1'),
      objectKeys.chunk('job-1', 0),
    ];
    for (const key of keys) {
      expect(
        objectPrefixes.filter((folder) => key.startsWith(folder)),
        key,
      ).toHaveLength(1);
    }
  });

  it('allows the desk’s cross-origin PUTs to presigned URLs, and no other cross-origin request', () => {
    expect(bucketOf(dev.template).Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['*'],
          AllowedMethods: ['PUT'],
          AllowedHeaders: ['content-type', 'if-none-match'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3600,
        },
      ],
    });
  });

  it('is kept when a stage other than dev is deleted, like the table', () => {
    expect(bucketOf(prod.template).DeletionPolicy).toBe('Retain');
    expect(bucketOf(dev.template).DeletionPolicy).toBe('Delete');
  });
});

describe('access to the upload bucket (issue 11)', () => {
  it('lets a job step read uploads and the files of jobs, write the latter, and remove both', () => {
    expect(s3AccessOf(dev.template, 'RunJobStep')).toEqual([
      's3:DeleteObject jobs/*',
      's3:DeleteObject uploads/*',
      's3:GetObject jobs/*',
      's3:GetObject uploads/*',
      's3:ListBucket (bucket) jobs/* uploads/*',
      's3:PutObject jobs/*',
    ]);
  });

  it('lets createUpload only sign PUTs of uploads: it reads nothing, removes nothing', () => {
    expect(s3AccessOf(dev.template, 'createUpload')).toEqual(['s3:PutObject uploads/*']);
  });

  it.each(['importVoterRegister', 'submitSignatures'])(
    'lets %s check an upload is there and keep a large body under its job',
    (name) => {
      expect(s3AccessOf(dev.template, name)).toEqual([
        's3:GetObject uploads/*',
        's3:ListBucket (bucket) uploads/*',
        's3:PutObject jobs/*',
      ]);
    },
  );

  it('gives every function the S3 access its catalogue entry names, and none to any other', () => {
    const withObjects = catalogue.filter((spec) => spec.needs.objects !== undefined).map((spec) => spec.name);
    expect(withObjects.sort()).toEqual(
      ['RunJobStep', 'RecordJobFailure', 'createUpload', 'importVoterRegister', 'submitSignatures'].sort(),
    );
    for (const spec of catalogue) {
      expect(s3AccessOf(dev.template, spec.name), spec.name).toEqual(expectedS3Access(spec.needs));
    }
    expect(s3AccessOf(dev.template, 'OpenApiDocument')).toEqual([]);
    // Only the function roles and S3's own log delivery reach the upload buckets: no bucket policy allows anyone.
    const uploadPolicies = resourcesOf(dev.template, 'AWS::S3::BucketPolicy').filter(([, policy]) =>
      JSON.stringify(policy.Properties?.Bucket).includes('"Upload'),
    );
    expect(uploadPolicies).toHaveLength(2);
    for (const [id, policy] of uploadPolicies) {
      const allows = z
        .object({ PolicyDocument: z.object({ Statement: z.array(z.looseObject({ Effect: z.string() })) }) })
        .parse(policy.Properties)
        .PolicyDocument.Statement.filter((st) => st.Effect === 'Allow');
      for (const st of allows) {
        expect(st.Principal, id).toEqual({ Service: 'logging.s3.amazonaws.com' });
      }
    }
  });
});

describe('the bulk-job path (issue 11)', () => {
  it('lets each function start only the state machines its catalogue names', () => {
    for (const spec of catalogue) {
      const started = statementsOf(dev.template, spec.name)
        .filter((st) => actionList(st).includes('states:StartExecution'))
        .flatMap((st) => (Array.isArray(st.Resource) ? st.Resource : [st.Resource]))
        .map((resource) => JSON.stringify(resource).match(/stateMachine:akim-nominations-dev-([a-z-]+)/)?.[1])
        .sort();
      expect(started, spec.name).toEqual([...(spec.needs.startsWorkflows ?? [])].sort());
    }
    expect(apiFunctions.find((f) => f.name === 'submitSignatures')?.needs.startsWorkflows).toEqual([
      'bulk-job',
    ]);
    expect(scheduledFunctions.find((f) => f.name === 'Reconcile')?.needs.startsWorkflows).toContain(
      'bulk-job',
    );
  });

  it('gives each Task function more time than its state allows a step, and a job step memory for its file', () => {
    const timeouts = Object.fromEntries(
      resourcesOf(dev.template, 'AWS::Lambda::Function').map(([id, fn]) => [
        id,
        z.object({ Timeout: z.number(), MemorySize: z.number() }).parse(fn.Properties),
      ]),
    );
    for (const workflow of workflowNames) {
      const definition = loadWorkflow(workflow);
      for (const task of taskStates(definition).filter((t) => !t.waitsForToken)) {
        const limit = z
          .object({ TimeoutSeconds: z.number().optional() })
          .parse(definition.States[task.stateName]).TimeoutSeconds;
        if (limit === undefined) continue;
        expect(
          timeouts[functionId(dev.template, task.functionName)]?.Timeout,
          task.stateName,
        ).toBeGreaterThan(limit);
      }
    }
    const step = timeouts[functionId(dev.template, 'RunJobStep')];
    expect(step?.Timeout).toBeGreaterThanOrEqual(300);
    expect(step?.MemorySize).toBeGreaterThanOrEqual(1024);
  });
});

/** The scope claims the API reads from an ID token: every custom attribute of the user pool that it trusts. */
const scopeAttributes = Object.keys(ClaimsSchema.shape).filter((claim) => claim.startsWith('custom:'));

describe('the user pool (issue 9: nobody rewrites their own scope)', () => {
  const stages = () =>
    [
      ['dev', dev],
      ['prod', prod],
    ] as const;

  it('keeps each scope attribute immutable: set by an administrator when the user is created, never changed', () => {
    expect([...scopeAttributes].sort()).toEqual([
      'custom:district',
      'custom:iin',
      'custom:managed_by',
      'custom:party',
    ]);
    for (const [stage, { template }] of stages()) {
      const pools = resourcesOf(template, 'AWS::Cognito::UserPool');
      expect(pools, stage).toHaveLength(1);
      const schema = z
        .object({ Schema: z.array(z.looseObject({ Name: z.string(), Mutable: z.boolean().optional() })) })
        .parse(pools[0]?.[1].Properties).Schema;
      for (const attribute of scopeAttributes) {
        const declared = schema.find((a) => `custom:${a.Name}` === attribute);
        expect(declared, `${stage} ${attribute}`).toBeDefined();
        // Stated false, not left to a default (Cognito, CloudFormation and CDK disagree on the default).
        expect(declared?.Mutable, `${stage} ${attribute}`).toBe(false);
      }
    }
  });

  it('lets no app client write a scope attribute: each lists the few a user may change, none custom', () => {
    for (const [stage, { template }] of stages()) {
      const clients = resourcesOf(template, 'AWS::Cognito::UserPoolClient');
      expect(clients.length, stage).toBeGreaterThan(0);
      for (const [id, client] of clients) {
        // An absent or empty WriteAttributes lets the client write every writable attribute.
        const writable = z
          .object({ WriteAttributes: z.array(z.string()).min(1) })
          .safeParse(client.Properties);
        expect(writable.success, `${stage} ${id} lists its write attributes`).toBe(true);
        expect(
          writable.data?.WriteAttributes.filter((a) => a.startsWith('custom:') || a.startsWith('dev:')),
          `${stage} ${id}`,
        ).toEqual([]);
      }
    }
  });

  it('lets each app client read the scope attributes, which the API takes from the ID token', () => {
    for (const [stage, { template }] of stages()) {
      for (const [id, client] of resourcesOf(template, 'AWS::Cognito::UserPoolClient')) {
        const { ReadAttributes } = z
          .object({ ReadAttributes: z.array(z.string()).min(1) })
          .parse(client.Properties);
        expect(ReadAttributes, `${stage} ${id}`).toEqual(expect.arrayContaining(scopeAttributes));
      }
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no finding unacknowledged, in dev or prod (synthesis would have failed), and gives each a reason', () => {
    for (const { stack } of [dev, prod]) {
      const metadata = JSON.stringify(stack.node.findAll().flatMap((c) => c.node.metadata));
      expect(metadata).not.toMatch(/"reason":""/);
    }
    expect(prod.template.toJSON().Resources).toBeDefined();
  });
});

describe('recovery', () => {
  it('runs the reconciler’s scheduled pass every fifteen minutes, failures to a dead-letter queue that alarms', () => {
    const schedules = resourcesOf(dev.template, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    const [, schedule] = schedules[0] ?? [];
    expect(schedule?.Properties).toMatchObject({
      ScheduleExpression: 'rate(15 minutes)',
      Target: { DeadLetterConfig: { Arn: expect.anything() }, RetryPolicy: expect.anything() },
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
    });
  });

  it('hands every execution of the product that fails, times out or is stopped to the reconciler, at once', () => {
    const rules = resourcesOf(dev.template, 'AWS::Events::Rule').filter(([, rule]) =>
      JSON.stringify(rule.Properties?.EventPattern ?? {}).includes('aws.states'),
    );
    expect(rules).toHaveLength(1);
    const [, rule] = rules[0] ?? [];
    const reconcile = functionId(dev.template, 'Reconcile');
    expect(rule?.Properties).toMatchObject({
      State: 'ENABLED',
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'] },
      },
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [reconcile, 'Arn'] },
          DeadLetterConfig: { Arn: expect.anything() },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
        },
      ],
    });
    const machines = resourcesOf(dev.template, 'AWS::StepFunctions::StateMachine').map(([id]) => ({
      Ref: id,
    }));
    expect(machines).toHaveLength(3);
    const pattern = rule?.Properties?.EventPattern as { detail: { stateMachineArn: unknown[] } };
    expect(pattern.detail.stateMachineArn).toEqual(expect.arrayContaining(machines));
    dev.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [reconcile, 'Arn'] },
    });
    // A national pass is thousands of requests, eight elections at once: more than the default 15 s.
    const [, reconcileFunction] =
      resourcesOf(dev.template, 'AWS::Lambda::Function').find(([id]) => id === reconcile) ?? [];
    expect(reconcileFunction?.Properties).toMatchObject({ Timeout: 120 });
    // A run that fails after Lambda's retries lands in the dead-letter queue that alarms.
    dev.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: reconcile },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('sends wake-ups that fail to the same dead-letter queue', () => {
    const functions = productFunctions(dev.template);
    for (const [id, fn] of functions) {
      expect(fn.Properties, id).toMatchObject({
        Environment: { Variables: expect.objectContaining({ WAKE_UP_DEAD_LETTER_ARN: expect.anything() }) },
      });
    }
  });

  it('lets only the reconciler and the reinstatement read and stop executions, of the product’s machines only', () => {
    // A reinstatement back to the commission stops the case's earlier execution before it starts the next.
    const stoppers = ['Reconcile', 'reinstateCase'];
    for (const name of stoppers) {
      expect(actionsOf(dev.template, name), name).toEqual(
        expect.arrayContaining(['states:DescribeExecution', 'states:StopExecution', 'states:StartExecution']),
      );
    }
    for (const spec of [...taskFunctions, ...apiFunctions].filter((s) => !stoppers.includes(s.name))) {
      expect(actionsOf(dev.template, spec.name), spec.name).not.toContain('states:StopExecution');
    }
  });
});
