import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { NoticeTopic } from '../../infra/aws/constructs/notice-topic.ts';
import { DEADLINE_SWEEP_EVERY_MINUTES } from '../../shared/domain/inbox.ts';
import { resourcesOf } from '../support/cdk-template.ts';

/**
 * The notice topic alone, on a table like the product's, unbundled (these tests read the template, not the
 * functions' code): the whole stack's tests (desk-on-aws, stack) run cdk-nag over it.
 */
let template: Template;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Notices', { env: { account: '111122223333', region: 'eu-central-1' } });
  const table = new TableV2(stack, 'Table', {
    partitionKey: { name: 'pk', type: AttributeType.STRING },
    sortKey: { name: 'sk', type: AttributeType.STRING },
    dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
  });
  new NoticeTopic(stack, 'Notices', {
    table,
    environment: { TABLE_NAME: 'akim-nominations' },
    alarms: new Topic(stack, 'Alarms'),
  });
  template = Template.fromStack(stack);
}, 60_000);

const text = (value: unknown) => JSON.stringify(value);
const StatementSchema = z.looseObject({
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
  Condition: z.unknown().optional(),
});
const FunctionSchema = z.looseObject({
  Role: z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) }),
  ReservedConcurrentExecutions: z.number().optional(),
});

/** A function's properties and every statement of its role, by the start of its logical id. */
function functionNamed(idStart: string) {
  const found = resourcesOf(template, 'AWS::Lambda::Function').filter(([id]) => id.startsWith(idStart));
  expect(found).toHaveLength(1);
  const fn = FunctionSchema.parse(found[0]?.[1].Properties);
  const statements = resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, r]) => {
    const policy = z
      .object({
        Roles: z.array(z.object({ Ref: z.string() })),
        PolicyDocument: z.object({ Statement: z.array(StatementSchema) }),
      })
      .parse(r.Properties);
    return policy.Roles.some((role) => role.Ref === fn.Role['Fn::GetAtt'][0])
      ? policy.PolicyDocument.Statement
      : [];
  });
  return { fn, statements };
}

/** The partitions (LeadingKeys patterns) a function may reach with the given DynamoDB action. */
function partitionsFor(statements: z.infer<typeof StatementSchema>[], action: string): string[] {
  return statements
    .filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).includes(action))
    .flatMap((s) => {
      const condition = z
        .object({ 'ForAllValues:StringLike': z.object({ 'dynamodb:LeadingKeys': z.array(z.string()) }) })
        .safeParse(s.Condition);
      return condition.success
        ? condition.data['ForAllValues:StringLike']['dynamodb:LeadingKeys']
        : ['<any>'];
    })
    .sort();
}

describe('the notice topic’s publishers', () => {
  it('are fed the changes of elections and cases only, and publish to the topic', () => {
    const [mapping] = resourcesOf(template, 'AWS::Lambda::EventSourceMapping');
    const filters = text(mapping?.[1].Properties?.FilterCriteria);
    expect(filters).toContain('ELECTION');
    expect(filters).toContain('CASE#');
    expect(filters).not.toContain('EVENT#');
    for (const name of ['NoticesPublishNotices', 'NoticesPublishDeadlineNotices']) {
      const publish = functionNamed(name).statements.filter((s) => text(s.Action).includes('sns:Publish'));
      expect(
        publish.map((s) => text(s.Resource)),
        name,
      ).toEqual([expect.stringContaining('NoticesTopic')]);
    }
  });

  it('let the stream’s publisher read elections and the marks, and write only the marks and warning hours', () => {
    const { statements } = functionNamed('NoticesPublishNotices');
    expect(partitionsFor(statements, 'dynamodb:GetItem')).toEqual(['ELECTION#*', 'NOTICES-PUBLISHED#*']);
    expect(partitionsFor(statements, 'dynamodb:PutItem')).toEqual(['NOTICE-HOURS', 'NOTICES-PUBLISHED#*']);
    expect(text(statements)).not.toContain('dynamodb:Scan');
  });

  it('run the deadline sweep on a schedule, one run at a time, reading what it needs, writing only its marks', () => {
    const { fn, statements } = functionNamed('NoticesPublishDeadlineNotices');
    expect(fn.ReservedConcurrentExecutions).toBe(1);
    const [rule] = resourcesOf(template, 'AWS::Events::Rule');
    expect(rule?.[1].Properties?.ScheduleExpression).toBe(`rate(${DEADLINE_SWEEP_EVERY_MINUTES} minutes)`);
    expect(text(rule?.[1].Properties?.Targets)).toContain('DeadLetterConfig');
    expect(partitionsFor(statements, 'dynamodb:Query')).toEqual([
      'CASES#*',
      'ELECTION#*',
      'NOTICE-HOURS',
      'NOTICES-PUBLISHED#*',
    ]);
    expect(partitionsFor(statements, 'dynamodb:PutItem')).toEqual(['NOTICE-HOURS', 'NOTICES-PUBLISHED#*']);
  });

  it('leave the stream’s publisher out of X-Ray (a trace a change, five a case, was more than half the traces) and trace the sweep', () => {
    const mode = (name: string) =>
      z
        .object({ TracingConfig: z.object({ Mode: z.string() }) })
        .parse(
          resourcesOf(template, 'AWS::Lambda::Function').find(([id]) => id.startsWith(name))?.[1].Properties,
        ).TracingConfig.Mode;
    expect(mode('NoticesPublishNotices')).toBe('PassThrough');
    expect(mode('NoticesPublishDeadlineNotices')).toBe('Active');
  });

  it('alarm when notices are still not published after the retries', () => {
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    expect(alarms.map(([, r]) => text(r.Properties))).toEqual([
      expect.stringContaining('NoticesDeadLetters'),
    ]);
  });
});
