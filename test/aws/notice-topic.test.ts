import type { Logger } from '@aws-lambda-powertools/logger';
import {
  AuthorizationErrorException,
  InvalidParameterException,
  KMSThrottlingException,
  PublishBatchCommand,
  type PublishBatchCommandInput,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler as createSweep } from '../../functions/publish-deadline-notices.ts';
import { createHandler } from '../../functions/publish-notices.ts';
import {
  batchesOf,
  SNS_BATCH_BYTES,
  SNS_MESSAGE_ATTRIBUTES,
  SnsNoticePublisher,
} from '../../shared/aws/sns-notice-publisher.ts';
import { closeNomination } from '../../shared/domain/calendar-steps.ts';
import type { Election } from '../../shared/domain/election.ts';
import { type NominationCase, openCase } from '../../shared/domain/nomination-case.ts';
import {
  type NoticePublication,
  noticePublication,
  PUBLISHED_MESSAGE_LIMIT_BYTES,
} from '../../shared/domain/notice-publication.ts';
import { type NoticePublisher, RecordedNotices } from '../../shared/ports/notice-publisher.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { keys } from '../../shared/storage/keys.ts';
import { PublishedNotices } from '../../shared/storage/published-notices.ts';
import { WarningHours } from '../../shared/storage/warning-hours.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { messageProblems } from '../support/message-language.ts';
import { createTestTable } from '../support/test-table.ts';

// SNS cannot exist here: its client is mocked to SNS's real contract (PublishBatch's answer, its error names and
// limits). Everything else is real: the handlers, the marks on dynalite.
const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-central-1:111122223333:notices';
const meta = { $metadata: {} };
const NOW = '2026-02-08T00:00:00.000Z';

let table: Table;
const called = anElection();
const other = anElection({
  unit: { kato: '195330100', kind: 'rural-district', nameKk: 'Басқа ауылдық округі', nameRu: 'Другой округ' },
});

beforeAll(async () => {
  table = await createTestTable();
  const elections = new ElectionRepository(table);
  await elections.create(called);
  await elections.create(other);
});
beforeEach(() => {
  sns.reset();
});

/** A logger that keeps what it was told, to show what reaches the logs. */
function recordingLogger() {
  const lines: unknown[] = [];
  const log = (...args: unknown[]) => {
    lines.push(args);
  };
  return { logger: { warn: log, error: log, info: log } as unknown as Logger, lines };
}

let sequence = 0;
/** A stream record of the table as DynamoDB Streams hands it to Lambda (new and old images). */
function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  key: { pk: string; sk: string },
  newImage?: object,
  oldImage?: object,
): DynamoDBRecord {
  sequence += 1;
  const item = (image?: object) =>
    image === undefined
      ? undefined
      : (marshall({ ...image, ...key }, { removeUndefinedValues: true }) as Record<string, AttributeValue>);
  return {
    eventName,
    dynamodb: {
      Keys: marshall(key) as Record<string, AttributeValue>,
      SequenceNumber: String(sequence).padStart(21, '0'),
      ...(newImage === undefined ? {} : { NewImage: item(newImage) }),
      ...(oldImage === undefined ? {} : { OldImage: item(oldImage) }),
    },
  };
}

const electionChange = (after: Election, before?: Election) =>
  record(before === undefined ? 'INSERT' : 'MODIFY', keys.election(after.electionId), after, before);
const caseChange = (after: NominationCase, before?: NominationCase) =>
  record(
    before === undefined ? 'INSERT' : 'MODIFY',
    keys.case(after.electionId, after.caseId),
    after,
    before,
  );

let caseSerial = 0;
function filed(election: Election, filing = aPartyFiling('amanat'), at = '2026-02-06T05:00:00.000Z') {
  caseSerial += 1;
  return openCase(
    filing,
    {
      caseId: `0f0e0d0c-0b0a-4908-8706-${String(caseSerial).padStart(12, '0')}`,
      electionId: election.electionId,
    },
    { at, actor: { role: 'party', id: 'amanat' } },
  );
}

function streamHandler(notices: NoticePublisher, marks = new PublishedNotices(table), now = NOW, on = table) {
  const { logger, lines } = recordingLogger();
  const handle = createHandler({
    notices,
    marks,
    elections: new ElectionRepository(on),
    hours: new WarningHours(on),
    now: () => now,
    logger,
  });
  return { handle, lines };
}

describe('the stream publishes each notice the inbox shows, once', () => {
  it('publishes an election’s new notice to its district and addressee, in kk and ru, with filterable attributes', async () => {
    const extended = closeNomination(called, 1, called.calendar.nominationClosesAt);
    const notices = new RecordedNotices();
    await streamHandler(notices).handle({ Records: [electionChange(extended, called)] });
    expect(notices.published).toHaveLength(1);
    const [published] = notices.published;
    expect(published?.attributes).toEqual({
      noticeId: `${called.electionId}:notice:0:NOMINATION_EXTENDED`,
      electionId: called.electionId,
      district: '1952',
      kind: 'election',
      code: 'NOMINATION_EXTENDED',
      to: ['commission'],
    });
    expect(published?.message).toContain('ұзартылды');
    expect(published?.message).toContain('продлён');
  });

  it('publishes what a case’s change adds (waiting for the party), naming the case by its id, never the candidate', async () => {
    const c = filed(called);
    const notices = new RecordedNotices();
    await streamHandler(notices).handle({ Records: [caseChange(c)] });
    const [published] = notices.published;
    expect(published?.attributes).toEqual({
      noticeId: `${c.caseId}:waiting:party-confirmation:0`,
      electionId: called.electionId,
      district: '1952',
      kind: 'case',
      code: 'CASE_WAITING_FOR_YOU',
      to: ['party'],
      caseId: c.caseId,
      partyId: 'amanat',
    });
    const [kk, ru, en] = (published?.message ?? '').split('\n');
    expect(messageProblems({ kk: kk ?? '', ru: ru ?? '', en: en ?? '' })).toEqual([]);
    expect(published?.message).toContain(c.caseId);
    for (const personal of [
      c.filing.candidate.iin,
      c.filing.candidate.fullName,
      c.filing.candidate.birthDate,
    ]) {
      expect(published?.message).not.toContain(personal);
      expect(published?.subject).not.toContain(personal);
      expect(JSON.stringify(published?.attributes)).not.toContain(personal);
    }
  });

  it('publishes nothing twice when the stream retries the same batch', async () => {
    const c = filed(called);
    const batch = { Records: [caseChange(c), electionChange(closeNomination(other, 0, NOW), other)] };
    const notices = new RecordedNotices();
    const { handle } = streamHandler(notices);
    expect(await handle(batch)).toEqual({ batchItemFailures: [] });
    expect(await handle(batch)).toEqual({ batchItemFailures: [] });
    expect(notices.published.map((p) => p.attributes.code).sort()).toEqual([
      'CASE_WAITING_FOR_YOU',
      'NOMINATION_EXTENDED',
    ]);
  });

  it('publishes nothing for a change that adds no notice (the wait stored), nor for a removal', async () => {
    const c = filed(called);
    const waiting = {
      ...c,
      version: 2,
      waitingFor: { step: 'party-confirmation' as const, taskToken: 't', since: NOW },
    };
    const notices = new RecordedNotices();
    await streamHandler(notices).handle({
      Records: [caseChange(waiting, c), record('REMOVE', keys.case(c.electionId, c.caseId), undefined, c)],
    });
    expect(notices.published).toEqual([]);
  });

  it('loses no notice when the process dies after publishing and before marking: the retry publishes it again', async () => {
    const c = filed(called);
    const marks = new PublishedNotices(table);
    const dying = Object.assign(Object.create(marks) as PublishedNotices, {
      marked: marks.marked.bind(marks),
      mark: async () => {
        throw new Error('the process died here');
      },
    });
    const notices = new RecordedNotices();
    const first = await streamHandler(notices, dying).handle({ Records: [caseChange(c)] });
    expect(first.batchItemFailures).toHaveLength(1);
    await streamHandler(notices).handle({ Records: [caseChange(c)] });
    await streamHandler(notices).handle({ Records: [caseChange(c)] });
    // Published in the crash's window and once more by the retry, which marked it: never again after.
    expect(notices.published.map((p) => p.noticeId)).toEqual([
      `${c.caseId}:waiting:party-confirmation:0`,
      `${c.caseId}:waiting:party-confirmation:0`,
    ]);
  });

  it('keeps each district’s notices to that district: a subscription on 1952 never gets 1953’s', async () => {
    const notices = new RecordedNotices();
    await streamHandler(notices).handle({ Records: [caseChange(filed(called)), caseChange(filed(other))] });
    const byDistrict = (d: string) => notices.published.filter((p) => p.attributes.district === d);
    expect(byDistrict('1952').map((p) => p.attributes.electionId)).toEqual([called.electionId]);
    expect(byDistrict('1953').map((p) => p.attributes.electionId)).toEqual([other.electionId]);
  });

  it('logs an image it cannot read by its key only, never its content, and publishes nothing from it', async () => {
    const notices = new RecordedNotices();
    const { handle, lines } = streamHandler(notices);
    const broken = { electionId: called.electionId, filing: { candidate: { iin: '061211600012' } } };
    const answer = await handle({
      Records: [record('MODIFY', keys.case(called.electionId, 'broken'), broken)],
    });
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(notices.published).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('061211600012');
    expect(JSON.stringify(lines)).toContain('CASE#broken');
  });

  it('reports the record whose notices SNS did not take, after marking those it did', async () => {
    const first = filed(called);
    const second = filed(called);
    let calls = 0;
    const flaky: NoticePublisher = {
      async publish(batch) {
        calls += 1;
        const [ok, ...rest] = batch;
        return {
          published: ok === undefined ? [] : [ok.noticeId],
          refused: [],
          failed: rest.map((n) => ({ noticeId: n.noticeId, reason: 'ThrottledException' })),
        };
      },
    };
    const batch = { Records: [caseChange(first), caseChange(second)] };
    const answer = await streamHandler(flaky).handle(batch);
    expect(answer.batchItemFailures).toEqual([
      { itemIdentifier: batch.Records[1]?.dynamodb?.SequenceNumber },
    ]);
    const notices = new RecordedNotices();
    await streamHandler(notices).handle({ Records: batch.Records.slice(1) });
    expect(calls).toBe(1);
    expect(notices.published.map((p) => p.attributes.caseId)).toEqual([second.caseId]);
  });
});

describe('the stream when storage throttles', () => {
  it('publishes what the records before a throttled read add, and retries from that record', async () => {
    const ready = filed(called);
    const throttled = filed(other);
    const repository = new ElectionRepository(table);
    const notices = new RecordedNotices();
    const handle = createHandler({
      notices,
      marks: new PublishedNotices(table),
      elections: {
        get: async (id) => {
          if (id !== other.electionId) return repository.get(id);
          throw Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
        },
      },
      hours: new WarningHours(table),
      now: () => NOW,
      logger: recordingLogger().logger,
    });
    const batch = { Records: [caseChange(ready), caseChange(throttled)] };
    expect(await handle(batch)).toEqual({
      batchItemFailures: [{ itemIdentifier: batch.Records[1]?.dynamodb?.SequenceNumber }],
    });
    expect(notices.published.map((p) => p.attributes.caseId)).toEqual([ready.caseId]);
  });
});

describe('the deadline sweep', () => {
  // A table of its own: the sweep's mark (how far it swept) is one per table.
  let own: Table;
  const election = anElection();
  const waiting = filed(election, aSelfFiling(7));
  beforeAll(async () => {
    own = await createTestTable();
    await new ElectionRepository(own).create(election);
    await own.db.send(
      new PutCommand({
        TableName: own.name,
        Item: { ...keys.case(waiting.electionId, waiting.caseId), ...waiting },
      }),
    );
    // The stream's publisher sees the election called, and keeps its warning hours for the sweep.
    await streamHandler(new RecordedNotices(), new PublishedNotices(own), NOW, own).handle({
      Records: [electionChange(election)],
    });
  });
  const sweep = (notices: NoticePublisher, now: string) =>
    createSweep({
      notices,
      marks: new PublishedNotices(own),
      hours: new WarningHours(own),
      elections: new ElectionRepository(own),
      cases: new CaseRepository(own),
      now: () => now,
      logger: recordingLogger().logger,
    })();

  it('publishes DEADLINE_NEAR once at its hour, to whom the case waits for; a failed run leaves it to the next', async () => {
    const notices = new RecordedNotices();
    // The signatures are due at the close of nomination, 2026-02-17T13:00Z: warned from 2026-02-15T13:00Z.
    expect(await sweep(notices, '2026-02-15T12:59:00.000Z')).toEqual({ published: 0 });
    const down: NoticePublisher = {
      publish: async (batch) => ({
        published: [],
        refused: [],
        failed: batch.map((n) => ({ noticeId: n.noticeId, reason: 'InternalError' })),
      }),
    };
    await expect(sweep(down, '2026-02-15T13:00:00.000Z')).rejects.toThrow('not published');
    expect(await sweep(notices, '2026-02-15T13:15:00.000Z')).toEqual({ published: 1 });
    expect(await sweep(notices, '2026-02-16T13:00:00.000Z')).toEqual({ published: 0 });
    expect(notices.published.map((p) => [p.attributes.code, p.attributes.to, p.attributes.caseId])).toEqual([
      ['DEADLINE_NEAR', ['candidate'], waiting.caseId],
    ]);
  });

  it('leaves to the stream the warning of a case that began to wait inside the 48 hours, and the stream sends it', async () => {
    const late = filed(election, aSelfFiling(8), '2026-02-16T02:00:00.000Z');
    const notices = new RecordedNotices();
    await own.db.send(
      new PutCommand({ TableName: own.name, Item: { ...keys.case(late.electionId, late.caseId), ...late } }),
    );
    expect(await sweep(notices, '2026-02-16T03:00:00.000Z')).toEqual({ published: 0 });
    await streamHandler(notices, new PublishedNotices(own), '2026-02-16T02:00:01.000Z', own).handle({
      Records: [caseChange(late)],
    });
    expect(notices.published.map((p) => [p.attributes.code, p.attributes.caseId])).toEqual([
      ['CASE_WAITING_FOR_YOU', late.caseId],
      ['DEADLINE_NEAR', late.caseId],
    ]);
    // One that began to wait at the very hour, after the sweep had passed it: the stream still warns it.
    const onTheHour = filed(election, aSelfFiling(9), '2026-02-15T13:00:00.000Z');
    const more = new RecordedNotices();
    await streamHandler(more, new PublishedNotices(own), '2026-02-16T04:00:00.000Z', own).handle({
      Records: [caseChange(onTheHour)],
    });
    expect(more.published.map((p) => p.attributes.code)).toEqual(['CASE_WAITING_FOR_YOU', 'DEADLINE_NEAR']);
  });
});

describe('the SNS adapter, to SNS’s contract', () => {
  const notice = (n: number, bytes = 100): NoticePublication => ({
    noticeId: `n-${n}`,
    subject: `akim-nominations ${called.electionId}: CASE_DECIDED`,
    message: 'ж'.repeat(bytes / 2),
    attributes: {
      noticeId: `n-${n}`,
      electionId: called.electionId,
      district: '1952',
      kind: 'case',
      code: 'CASE_DECIDED',
      to: ['party', 'candidate'],
      caseId: `case-${n}`,
      partyId: 'amanat',
    },
  });
  const noPause = async () => {};
  const entriesOf = (call: number) =>
    sns.commandCalls(PublishBatchCommand)[call]?.args[0].input.PublishBatchRequestEntries ?? [];

  it('sends at most 10 entries and 256 KiB a request, each with at most 10 attributes a subscription can filter on', async () => {
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
      Successful: (input.PublishBatchRequestEntries ?? []).map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })),
      Failed: [],
    }));
    const many = Array.from({ length: 23 }, (_, i) => notice(i));
    const outcome = await new SnsNoticePublisher(new SNSClient({}), TOPIC, { pause: noPause }).publish(many);
    expect(outcome.published).toEqual(many.map((n) => n.noticeId));
    expect(sns.commandCalls(PublishBatchCommand).map((_, i) => entriesOf(i).length)).toEqual([10, 10, 3]);
    const [entry] = entriesOf(0);
    expect(Object.keys(entry?.MessageAttributes ?? {}).length).toBeLessThanOrEqual(SNS_MESSAGE_ATTRIBUTES);
    expect(entry?.MessageAttributes).toMatchObject({
      district: { DataType: 'String', StringValue: '1952' },
      to: { DataType: 'String.Array', StringValue: '["party","candidate"]' },
      code: { DataType: 'String', StringValue: 'CASE_DECIDED' },
      kind: { DataType: 'String', StringValue: 'case' },
    });
    // Large messages: fewer to a request, so that no request passes 256 KiB.
    const large = Array.from({ length: 5 }, (_, i) => notice(i, 100_000));
    expect(batchesOf(large).map((b) => b.length)).toEqual([2, 2, 1]);
    for (const batch of batchesOf(large)) {
      expect(batch.reduce((sum, n) => sum + Buffer.byteLength(n.message), 0)).toBeLessThan(SNS_BATCH_BYTES);
    }
    expect(PUBLISHED_MESSAGE_LIMIT_BYTES).toBe(SNS_BATCH_BYTES);
  });

  it('keeps every message under SNS’s 256 KiB, however large a notice’s details grew', () => {
    const huge = noticePublication(
      {
        id: `${called.electionId}:notice:9:REGISTERED_LIST_PUBLISHED`,
        at: NOW,
        electionId: called.electionId,
        caseId: null,
        code: 'REGISTERED_LIST_PUBLISHED',
        details: { registered: 'x'.repeat(400_000) },
        to: ['public'],
        partyId: null,
      },
      'Asia/Almaty',
    );
    const [batch] = batchesOf([huge]);
    expect(batch).toHaveLength(1);
    expect(Buffer.byteLength(huge.message) + Buffer.byteLength(huge.subject) + 1_000).toBeLessThan(
      PUBLISHED_MESSAGE_LIMIT_BYTES,
    );
    expect(huge.message).toContain('REGISTERED_LIST_PUBLISHED');
  });

  it('tries again when SNS or its KMS key throttles the request, and reports the notices published', async () => {
    sns
      .on(PublishBatchCommand)
      .rejectsOnce(new ThrottledException({ message: 'Rate exceeded', ...meta }))
      .rejectsOnce(new KMSThrottlingException({ message: 'KMS rate exceeded', ...meta }))
      .resolves({ Successful: [{ Id: 'n0', MessageId: 'm-1' }], Failed: [] });
    const outcome = await new SnsNoticePublisher(new SNSClient({ maxAttempts: 1 }), TOPIC, {
      pause: noPause,
    }).publish([notice(1)]);
    expect(outcome).toEqual({ published: ['n-1'], refused: [], failed: [] });
    expect(sns.commandCalls(PublishBatchCommand)).toHaveLength(3);
  });

  it('sends again only the entries throttled alone, and reports refused those SNS refuses as they are', async () => {
    sns
      .on(PublishBatchCommand)
      .resolvesOnce({
        Successful: [{ Id: 'n0', MessageId: 'm-0' }],
        Failed: [
          { Id: 'n1', Code: 'Throttled', SenderFault: false },
          { Id: 'n2', Code: 'InvalidParameter', SenderFault: true },
        ],
      })
      .resolves({ Successful: [{ Id: 'n0', MessageId: 'm-1' }], Failed: [] });
    const outcome = await new SnsNoticePublisher(new SNSClient({}), TOPIC, { pause: noPause }).publish([
      notice(0),
      notice(1),
      notice(2),
    ]);
    expect(outcome).toEqual({
      published: ['n-0', 'n-1'],
      refused: [{ noticeId: 'n-2', reason: 'InvalidParameter' }],
      failed: [],
    });
    expect(entriesOf(1).map((e) => e.Message)).toEqual([notice(1).message]);
  });

  it('sends each notice alone when SNS refuses the whole request for what it carries, and refuses only the one at fault', async () => {
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
      const entries = input.PublishBatchRequestEntries ?? [];
      if (entries.some((e) => e.MessageAttributes?.noticeId?.StringValue === 'n-1')) {
        throw new InvalidParameterException({ message: 'Invalid parameter: Message', ...meta });
      }
      return { Successful: entries.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })), Failed: [] };
    });
    const outcome = await new SnsNoticePublisher(new SNSClient({ maxAttempts: 1 }), TOPIC, {
      pause: noPause,
    }).publish([notice(0), notice(1), notice(2)]);
    expect(outcome).toEqual({
      published: ['n-0', 'n-2'],
      refused: [{ noticeId: 'n-1', reason: 'InvalidParameterException' }],
      failed: [],
    });
  });

  it('reports failed, for the stream to retry once an operator mends it, a request refused for the function’s own rights', async () => {
    sns
      .on(PublishBatchCommand)
      .rejects(new AuthorizationErrorException({ message: 'not authorized', ...meta }));
    const outcome = await new SnsNoticePublisher(new SNSClient({ maxAttempts: 1 }), TOPIC, {
      pause: noPause,
    }).publish([notice(0), notice(1)]);
    expect(outcome.failed.map((f) => f.noticeId)).toEqual(['n-0', 'n-1']);
    expect(outcome.refused).toEqual([]);
    expect(sns.commandCalls(PublishBatchCommand)).toHaveLength(1);
  });

  it('reports failed, for the stream to retry, what is still throttled after its tries', async () => {
    sns.on(PublishBatchCommand).rejects(new ThrottledException({ message: 'Rate exceeded', ...meta }));
    const outcome = await new SnsNoticePublisher(new SNSClient({ maxAttempts: 1 }), TOPIC, {
      pause: noPause,
      retries: 2,
    }).publish([notice(1)]);
    expect(outcome.failed).toEqual([{ noticeId: 'n-1', reason: 'ThrottledException' }]);
    expect(sns.commandCalls(PublishBatchCommand)).toHaveLength(3);
  });
});
