import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from '../../infra/aws/app.ts';
import { apiFunctions, scheduledFunctions, taskFunctions } from '../../infra/aws/function-catalogue.ts';
import { deskConfig } from '../../infra/local/desk-config.ts';
import { createDeskFiles } from '../../infra/local/desk-files.ts';
import { deskConfigFields } from '../../shared/desk-config.ts';
import { privateEncryptedBucket, resourcesIn, stubDesk } from '../support/cdk-template.ts';

/**
 * The dev stage synthesised with a stub desk and no bundling (these tests read the template, not the functions'
 * code: issue 14), cdk-nag running as at every synthesis: a finding not acknowledged fails here.
 */
function synth(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-desk-'));
  const { app, stack } = createApp({
    outdir,
    context: { stage: 'dev', deskDirectory: stubDesk(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  app.synth();
  return { template: Template.fromStack(stack), outdir };
}

let dev: ReturnType<typeof synth>;
beforeAll(() => {
  dev = synth();
}, 120_000);

const resources = () => resourcesIn(dev.template);
/** The one resource of a type whose logical id starts so; its properties. */
function propertiesOf(type: string, idStart = '') {
  const found = Object.entries(resources()).filter(([id, r]) => r.Type === type && id.startsWith(idStart));
  expect(
    found.map(([id]) => id),
    `${type} ${idStart}`,
  ).toHaveLength(1);
  return found[0]?.[1].Properties ?? {};
}
const idOf = (type: string, idStart: string) =>
  Object.entries(resources()).find(([id, r]) => r.Type === type && id.startsWith(idStart))?.[0] ?? 'none';
/** A CloudFormation value as text, references kept by name: what a string with tokens says. */
const text = (value: unknown) => JSON.stringify(value);

const StatementSchema = z.looseObject({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
});
/** Every statement on the role of a function, found by its construct's id. */
function statementsOf(functionIdStart: string) {
  const fn = z
    .object({ Role: z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }) })
    .parse(propertiesOf('AWS::Lambda::Function', functionIdStart));
  const role = fn.Role['Fn::GetAtt'][0];
  return Object.values(resources())
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .map((r) =>
      z
        .object({
          Roles: z.array(z.object({ Ref: z.string() })),
          PolicyDocument: z.object({ Statement: z.array(StatementSchema) }),
        })
        .parse(r.Properties),
    )
    .filter((p) => p.Roles.some((r) => r.Ref === role))
    .flatMap((p) => p.PolicyDocument.Statement);
}
const actions = (statements: z.infer<typeof StatementSchema>[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

/** A CloudFormation string as text, each reference written `{what it names}`. */
function rendered(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = z.object({ 'Fn::Join': z.tuple([z.string(), z.array(z.unknown())]) }).safeParse(value);
  if (join.success) return join.data['Fn::Join'][1].map(rendered).join(join.data['Fn::Join'][0]);
  const ref = z.object({ Ref: z.string() }).safeParse(value);
  if (ref.success) return `{${ref.data.Ref}}`;
  const attribute = z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }).safeParse(value);
  if (attribute.success) return `{${attribute.data['Fn::GetAtt'].join('.')}}`;
  throw new Error(`not a string: ${text(value)}`);
}

/** The headers CloudFront adds to every desk response, by their lower-case names, as its policy says. */
function cloudFrontHeaders(): Record<string, string> {
  const config = z
    .object({
      ResponseHeadersPolicyConfig: z.object({
        SecurityHeadersConfig: z.object({
          ContentSecurityPolicy: z.object({ ContentSecurityPolicy: z.unknown(), Override: z.literal(true) }),
          StrictTransportSecurity: z.object({
            AccessControlMaxAgeSec: z.number(),
            IncludeSubdomains: z.boolean(),
            Override: z.literal(true),
          }),
          ContentTypeOptions: z.object({ Override: z.literal(true) }),
          FrameOptions: z.object({ FrameOption: z.string(), Override: z.literal(true) }),
          ReferrerPolicy: z.object({ ReferrerPolicy: z.string(), Override: z.literal(true) }),
        }),
        CustomHeadersConfig: z.object({
          Items: z.array(z.object({ Header: z.string(), Value: z.string(), Override: z.literal(true) })),
        }),
      }),
    })
    .parse(propertiesOf('AWS::CloudFront::ResponseHeadersPolicy')).ResponseHeadersPolicyConfig;
  const security = config.SecurityHeadersConfig;
  const hsts = security.StrictTransportSecurity;
  return {
    'content-security-policy': rendered(security.ContentSecurityPolicy.ContentSecurityPolicy),
    'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': security.FrameOptions.FrameOption,
    'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
    ...Object.fromEntries(
      config.CustomHeadersConfig.Items.map((item) => [item.Header.toLowerCase(), item.Value]),
    ),
  };
}

/** The security headers of the local engine's desk (its index.html), as a browser receives them. */
async function localDeskHeaders(): Promise<Record<string, string>> {
  const dist = stubDesk();
  const engine = 'http://127.0.0.1:3000';
  const desk = createDeskFiles({ distDir: dist, config: () => deskConfig(engine) });
  const server = createServer((req, res) => {
    if (!desk(req, res, new URL(req.url ?? '/', engine).pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    // What is not about the content or the connection is a security header.
    const describesContent = [
      'content-type',
      'content-length',
      'cache-control',
      'date',
      'connection',
      'keep-alive',
    ];
    return Object.fromEntries(
      [...response.headers.entries()].filter(([name]) => !describesContent.includes(name)),
    );
  } finally {
    await new Promise<void>((closed) => server.close(() => closed()));
  }
}

/** A CSP's directives, in order, each origin written `<origin>`: what stays when the origins are set aside. */
const policyShape = (policy: string) =>
  policy.split('; ').map((directive) => {
    const [name, ...sources] = directive.split(' ');
    return [name, ...new Set(sources.map((source) => (/^'|^[a-z]+:$/.test(source) ? source : '<origin>')))];
  });

/** One directive of a CSP, with its sources. */
const directiveOf = (policy: string, name: string) =>
  policy.split('; ').find((directive) => directive.startsWith(`${name} `)) ?? '';

const environmentOf = (functionIdStart: string) =>
  z
    .object({ Environment: z.object({ Variables: z.record(z.string(), z.unknown()) }) })
    .parse(propertiesOf('AWS::Lambda::Function', functionIdStart)).Environment.Variables;

describe('the desk on AWS: S3 behind CloudFront', () => {
  it('keeps the files in a bucket nobody reads but the desk’s CloudFront distribution, over TLS only', () => {
    expect(propertiesOf('AWS::S3::Bucket', 'DeskFiles')).toMatchObject({
      ...privateEncryptedBucket,
      LoggingConfiguration: { LogFilePrefix: 'desk-bucket/' },
    });
    const statements = z
      .object({ PolicyDocument: z.object({ Statement: z.array(z.looseObject({ Effect: z.string() })) }) })
      .parse(propertiesOf('AWS::S3::BucketPolicy', 'DeskFilesPolicy')).PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    // Reads: CloudFront's service, for this distribution only (origin access control).
    const reads = statements.filter((s) => s.Effect === 'Allow' && text(s.Action).includes('s3:GetObject'));
    expect(reads).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    expect(text(reads[0]?.Condition)).toContain(idOf('AWS::CloudFront::Distribution', 'DeskDistribution'));
  });

  it('serves index.html at /, redirects HTTP to HTTPS, reaches the bucket through origin access control, and logs', () => {
    const config = z
      .object({ DistributionConfig: z.looseObject({}) })
      .parse(propertiesOf('AWS::CloudFront::Distribution')).DistributionConfig;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] },
      Origins: [{ OriginAccessControlId: expect.anything(), S3OriginConfig: { OriginAccessIdentity: '' } }],
      Logging: { Prefix: 'cloudfront/' },
    });
    expect(propertiesOf('AWS::CloudFront::OriginAccessControl')).toMatchObject({
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
  });

  it('sends strict security headers: a CSP naming only the desk, the API, Cognito and the upload bucket; HSTS; no framing', () => {
    const headers = cloudFrontHeaders();
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
    });
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // connect-src: the API, the pool's issuer, the hosted sign-in, the upload bucket; form-action: the sign-in.
    const connect = directiveOf(csp, 'connect-src');
    expect(connect).toContain(idOf('AWS::ApiGatewayV2::Api', 'Api'));
    expect(connect).toContain('https://cognito-idp.');
    expect(connect).toContain(idOf('AWS::Cognito::UserPoolDomain', 'IdentityUsersSignIn'));
    expect(connect).toContain(idOf('AWS::S3::Bucket', 'Uploads'));
    expect(connect).not.toMatch(/\*/);
    expect(directiveOf(csp, 'form-action')).toContain(
      idOf('AWS::Cognito::UserPoolDomain', 'IdentityUsersSignIn'),
    );
  });

  it('sends the policy the local engine sends with its desk: the same headers and directives, only the origins its own', async () => {
    const local = await localDeskHeaders();
    const aws = cloudFrontHeaders();
    expect(Object.keys(aws).sort()).toEqual(Object.keys(local).sort());
    const { 'content-security-policy': localPolicy, ...localRest } = local;
    const { 'content-security-policy': awsPolicy, ...awsRest } = aws;
    expect(awsRest).toEqual(localRest);
    expect(policyShape(awsPolicy ?? '')).toEqual(policyShape(localPolicy ?? ''));
  });

  it('writes desk-config.json at deploy time: the pool as authority, the desk’s client, the API’s URL, the sign-out page', () => {
    const pages = z
      .object({
        SourceMarkers: z.array(z.record(z.string(), z.unknown())),
        DistributionPaths: z.array(z.string()),
      })
      .parse(propertiesOf('Custom::CDKBucketDeployment', 'DeskPages'));
    const written = readdirSync(dev.outdir)
      .map((entry) => join(dev.outdir, entry, 'desk-config.json'))
      .flatMap((file) => {
        try {
          return [JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>];
        } catch {
          return [];
        }
      });
    expect(written).toHaveLength(1);
    const markers = Object.assign({}, ...pages.SourceMarkers) as Record<string, unknown>;
    const resolved = Object.fromEntries(
      Object.entries(written[0] ?? {}).map(([key, value]) => [
        key,
        value.replace(/<<marker:0xbaba:\d+>>/g, (marker) => text(markers[marker])),
      ]),
    );
    // Every field of the desk's own schema: one it lacks would fail in the browser, not here.
    expect(Object.keys(resolved).sort()).toEqual([...deskConfigFields].sort());
    expect(resolved.endSessionEndpoint).toContain(
      idOf('AWS::Cognito::UserPoolDomain', 'IdentityUsersSignIn'),
    );
    expect(resolved.endSessionEndpoint).toMatch(/\/logout$/);
    expect(resolved.authority).toMatch(/^https:\/\/cognito-idp\..*\.amazonaws\.com\//);
    expect(resolved.authority).toContain(idOf('AWS::Cognito::UserPool', 'IdentityUsers'));
    expect(resolved.clientId).toContain(idOf('AWS::Cognito::UserPoolClient', 'IdentityUsersDesk'));
    expect(resolved.apiUrl).toContain(idOf('AWS::ApiGatewayV2::Api', 'Api'));
    // A deploy is seen at once: CloudFront's copies of index.html and the configuration are invalidated.
    expect(pages.DistributionPaths).toEqual(['/*']);
  });

  it('uploads index.html and the assets, not the build’s own stamp', () => {
    const staged = readdirSync(dev.outdir)
      .filter((entry) => entry.startsWith('asset.'))
      .flatMap((entry) => {
        try {
          return readdirSync(join(dev.outdir, entry));
        } catch {
          return [];
        }
      });
    expect(staged).toContain('index.html');
    expect(staged).toContain('index-abc123.js');
    expect(staged).not.toContain('.desk-build.json');
  });

  it('keeps hashed assets a year and revalidates index.html and the configuration on every load', () => {
    expect(propertiesOf('Custom::CDKBucketDeployment', 'DeskAssets')).toMatchObject({
      DestinationBucketKeyPrefix: 'assets/',
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      Prune: false,
    });
    expect(propertiesOf('Custom::CDKBucketDeployment', 'DeskPages')).toMatchObject({
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
  });

  it('names the desk’s URL, its client and the sign-in domain in the outputs', () => {
    const outputs = Object.keys(z.record(z.string(), z.unknown()).parse(dev.template.toJSON().Outputs));
    expect(outputs).toEqual(
      expect.arrayContaining(['DeskUrl', 'DeskClientId', 'SignInDomain', 'NoticeTopicArn']),
    );
  });

  it('says how to build the desk when a synthesis finds none', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-desk-'));
    expect(() => synth({ deskDirectory: empty })).toThrow(/npm run desk/);
  });
});

describe('signing in to the desk on AWS (Cognito)', () => {
  it('gives the desk a public client: code grant with PKCE through the hosted sign-in, back to the desk, ID tokens of an hour', () => {
    const desk = propertiesOf('AWS::Cognito::UserPoolClient', 'IdentityUsersDesk');
    expect(desk).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      // No password flow of its own: only the hosted sign-in, then refreshing.
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      IdTokenValidity: 60,
      TokenValidityUnits: { IdToken: 'minutes' },
      WriteAttributes: ['name'],
    });
    const distribution = idOf('AWS::CloudFront::Distribution', 'DeskDistribution');
    for (const urls of [desk.CallbackURLs, desk.LogoutURLs]) {
      expect(urls).toEqual([
        { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }, '/']] },
      ]);
    }
    expect(desk.ReadAttributes).toEqual(
      propertiesOf('AWS::Cognito::UserPoolClient', 'IdentityUsersApi').ReadAttributes,
    );
  });

  it('leaves the scripts’ client without any OAuth flow, so the hosted sign-in sends tokens nowhere else', () => {
    const api = propertiesOf('AWS::Cognito::UserPoolClient', 'IdentityUsersApi');
    expect(api.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(api.AllowedOAuthFlows).toBeUndefined();
    expect(api.CallbackURLs).toBeUndefined();
  });

  it('runs the hosted sign-in (managed login) on a Cognito domain, styled by Cognito for the desk’s client', () => {
    expect(propertiesOf('AWS::Cognito::UserPoolDomain')).toMatchObject({ ManagedLoginVersion: 2 });
    expect(propertiesOf('AWS::Cognito::ManagedLoginBranding')).toMatchObject({
      UseCognitoProvidedValues: true,
      ClientId: { Ref: idOf('AWS::Cognito::UserPoolClient', 'IdentityUsersDesk') },
    });
  });

  it('has the API accept ID tokens of both clients', () => {
    const { JwtConfiguration } = z
      .object({ JwtConfiguration: z.object({ Audience: z.array(z.unknown()) }) })
      .parse(propertiesOf('AWS::ApiGatewayV2::Authorizer'));
    expect(JwtConfiguration.Audience).toEqual([
      { Ref: idOf('AWS::Cognito::UserPoolClient', 'IdentityUsersApi') },
      { Ref: idOf('AWS::Cognito::UserPoolClient', 'IdentityUsersDesk') },
    ]);
  });

  it('lets the desk call the API from its own origin (CORS), the bearer token being the only credential', () => {
    expect(propertiesOf('AWS::ApiGatewayV2::Api')).toMatchObject({
      CorsConfiguration: {
        AllowOrigins: ['*'],
        AllowHeaders: expect.arrayContaining(['authorization', 'idempotency-key', 'accept-language']),
      },
    });
    expect(propertiesOf('AWS::ApiGatewayV2::Api').CorsConfiguration).not.toHaveProperty(
      'AllowCredentials',
      true,
    );
  });

  it('has an admin group for commission administrators beside the role groups, and login names that need not be e-mails', () => {
    const groups = Object.values(resources())
      .filter((r) => r.Type === 'AWS::Cognito::UserPoolGroup')
      .map((r) => r.Properties?.GroupName)
      .sort();
    expect(groups).toEqual(['admin', 'akimat', 'candidate', 'commission', 'party']);
    const pool = propertiesOf('AWS::Cognito::UserPool');
    expect(pool.UsernameAttributes).toBeUndefined();
    expect(pool.AliasAttributes).toBeUndefined();
    expect(pool).toMatchObject({ UsernameConfiguration: { CaseSensitive: false } });
    expect(pool.Schema).toContainEqual(expect.objectContaining({ Name: 'managed_by', Mutable: false }));
  });
});

describe('accounts on AWS: the account functions and Cognito', () => {
  const cognitoActions = (name: string) =>
    actions(statementsOf(`${name}Function`)).filter((a) => a.startsWith('cognito-idp:'));

  it('lets createAccount create a user, put it in a group, and remove it again (or one half made before), on the product’s pool only', () => {
    expect(cognitoActions('createAccount').sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminGetUser',
    ]);
    const pool = idOf('AWS::Cognito::UserPool', 'IdentityUsers');
    for (const name of ['createAccount', 'disableAccount']) {
      for (const statement of statementsOf(`${name}Function`).filter((s) =>
        text(s.Action).includes('cognito-idp:'),
      )) {
        expect(statement.Resource, name).toEqual({ 'Fn::GetAtt': [pool, 'Arn'] });
      }
      expect(environmentOf(`${name}Function`).USER_POOL_ID).toEqual({ Ref: pool });
    }
  });

  it('lets disableAccount read, disable and sign out a user, and nothing more', () => {
    expect(cognitoActions('disableAccount').sort()).toEqual([
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
  });

  it('gives listAccounts the pool’s id and no Cognito action (it reads the records in the table), and no other function either', () => {
    expect(cognitoActions('listAccounts')).toEqual([]);
    expect(environmentOf('listAccountsFunction').USER_POOL_ID).toBeDefined();
    const accountFunctions = ['createAccount', 'disableAccount', 'listAccounts'];
    for (const spec of [...taskFunctions, ...apiFunctions, ...scheduledFunctions]) {
      if (accountFunctions.includes(spec.name)) continue;
      expect(cognitoActions(spec.name), spec.name).toEqual([]);
      expect(environmentOf(`${spec.name}Function`).USER_POOL_ID, spec.name).toBeUndefined();
    }
  });
});

describe('notices reach people: the notice topic', () => {
  it('is encrypted with SNS’s own key and refuses publishing without TLS', () => {
    // SNS's own key: e-mail and SMS subscriptions need no grant on it.
    expect(text(propertiesOf('AWS::SNS::Topic', 'NoticesTopic').KmsMasterKeyId)).toContain(':alias/aws/sns');
    const policy = z
      .object({ PolicyDocument: z.object({ Statement: z.array(z.looseObject({})) }) })
      .parse(propertiesOf('AWS::SNS::TopicPolicy', 'NoticesTopic')).PolicyDocument.Statement;
    expect(policy).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('is fed from the table’s stream: elections and cases only, retried, failures kept and alarmed', () => {
    expect(propertiesOf('AWS::DynamoDB::GlobalTable')).toMatchObject({
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const mapping = propertiesOf('AWS::Lambda::EventSourceMapping', 'NoticesPublishNotices');
    expect(mapping).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [idOf('AWS::SQS::Queue', 'NoticesDeadLetters'), 'Arn'] } },
      },
    });
    expect(text(mapping.FilterCriteria)).toContain('ELECTION');
    expect(text(mapping.FilterCriteria)).toContain('CASE#');
    const alarm = Object.values(resources()).find(
      (r) =>
        r.Type === 'AWS::CloudWatch::Alarm' &&
        text(r.Properties).includes(idOf('AWS::SQS::Queue', 'NoticesDeadLetters')),
    );
    expect(alarm).toBeDefined();
  });

  // What the publishing functions may reach of the table: test/infra/notice-topic.test.ts.
});
