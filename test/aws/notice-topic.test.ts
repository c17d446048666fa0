import type { Logger } from '@aws-lambda-powertools/logger';
import {
  InvalidParameterException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import { isThrottlingError } from '@smithy/core/retry';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandler, publicationsOf } from '../../functions/publish-notices.ts';
import { SnsNoticePublisher } from '../../shared/aws/sns-notice-publisher.ts';
import { closeNomination, closeRegistration } from '../../shared/domain/calendar-steps.ts';
import type { Election } from '../../shared/domain/election.ts';
import {
  caseEventPublication,
  electionNoticePublication,
  PUBLISHED_MESSAGE_LIMIT_BYTES,
  PublishedCaseEventSchema,
} from '../../shared/domain/notice-publication.ts';
import {
  type NoticePublisher,
  NoticeRefusedError,
  RecordedNotices,
} from '../../shared/ports/notice-publisher.ts';
import { keys } from '../../shared/storage/keys.ts';
import { anElection } from '../support/elections.ts';

// SNS cannot exist here: these tests pin what is published for each stored change, the requests the adapter
// sends, and what happens to a notice SNS refuses or throttles.
const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-central-1:111122223333:notices';
const meta = { $metadata: {} };

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

const electionKey = (election: Election) => keys.election(election.electionId);
const called = anElection();
const extended = closeNomination(called, 1, called.calendar.nominationClosesAt);
const listed = closeRegistration(extended, 2, extended.calendar.registrationClosesAt);

const trailEvent = {
  caseId: '0f0e0d0c-0b0a-4908-8706-050403020100',
  electionId: called.electionId,
  seq: 3,
  version: 3,
  at: '2026-02-20T10:00:00.000Z',
  actor: { role: 'commission', id: '1952' },
  event: 'registration-refused',
  from: 'AwaitingRegistrationDecision',
  to: 'Refused',
  // What a trail may hold beside: never published.
  note: { iin: '061211600012', address: 'Ақтоғай ауылы, Абай көшесі 1', fullName: 'Әсет Бекұлы' },
  eventId: 'e-1',
  recordDigest: 'a'.repeat(64),
  prev: null,
  hash: 'b'.repeat(64),
};

beforeEach(() => {
  sns.reset();
});

describe('what a change of the table publishes', () => {
  it('publishes each notice an election change added, once: the extension to the commission, then the published list to everyone', () => {
    const { logger } = recordingLogger();
    const extension = publicationsOf(record('MODIFY', electionKey(called), extended, called), logger);
    expect(extension.map((p) => [p.attributes.code, p.attributes.to])).toEqual([
      ['NOMINATION_EXTENDED', ['commission']],
    ]);
    expect(extension[0]?.attributes).toMatchObject({ electionId: called.electionId, district: '1952' });
    // Its words are the desk's, in the three languages, moments in the election's zone.
    expect(extension[0]?.message).toContain('ұзартылды');
    expect(extension[0]?.message).toContain('продлён');
    expect(extension[0]?.message).toContain('extended');

    const list = publicationsOf(record('MODIFY', electionKey(called), listed, extended), logger);
    expect(list.map((p) => [p.attributes.code, p.attributes.to])).toEqual([
      ['REGISTERED_LIST_PUBLISHED', ['public']],
    ]);
    // A change that adds no notice (a wake-up armed, the phase moved) publishes nothing.
    expect(
      publicationsOf(record('MODIFY', electionKey(called), { ...listed, version: 9 }, listed), logger),
    ).toEqual([]);
  });

  it('publishes the notices an election is called with (a late call is noticed to the commission)', () => {
    const late = anElection({ calledOn: '2026-02-04', incumbentTermEndsOn: '2026-03-01' });
    const published = publicationsOf(record('INSERT', electionKey(late), late), recordingLogger().logger);
    expect(late.notices.length).toBeGreaterThan(0);
    expect(published.map((p) => p.attributes.code)).toEqual(late.notices.map((n) => n.code));
  });

  it('publishes a case’s new trail event by the case’s id, with no IIN, address or name, to whom it concerns', () => {
    const [published] = publicationsOf(
      record('INSERT', keys.trailEvent(trailEvent.caseId, 3, 'e-1'), trailEvent),
      recordingLogger().logger,
    );
    expect(published?.attributes).toEqual({
      electionId: called.electionId,
      district: '1952',
      code: 'CASE_EVENT',
      to: ['commission', 'akimat', 'party', 'candidate'],
      caseId: trailEvent.caseId,
    });
    for (const personal of ['061211600012', 'Абай', 'Әсет', 'Бекұлы']) {
      expect(published?.message).not.toContain(personal);
      expect(published?.subject).not.toContain(personal);
    }
    expect(published?.message).toContain(trailEvent.caseId);
  });

  it('addresses a case that now waits to the one it waits for', () => {
    const [published] = publicationsOf(
      record('INSERT', keys.trailEvent(trailEvent.caseId, 2, 'e-2'), {
        ...trailEvent,
        event: 'eligibility-checked',
        from: 'CheckingEligibility',
        to: 'AwaitingRegistrationDecision',
      }),
      recordingLogger().logger,
    );
    expect(published?.attributes.to).toEqual(['commission']);
  });

  it('publishes nothing for other items, removals, or a trail event rewritten', () => {
    const { logger } = recordingLogger();
    expect(publicationsOf(record('INSERT', { pk: 'CASES#x', sk: 'CASE#y' }, { any: 1 }), logger)).toEqual([]);
    expect(publicationsOf(record('REMOVE', electionKey(called), undefined, called), logger)).toEqual([]);
    expect(
      publicationsOf(
        record('MODIFY', keys.trailEvent(trailEvent.caseId, 3, 'e-1'), trailEvent, trailEvent),
        logger,
      ),
    ).toEqual([]);
  });

  it('logs an image it cannot read by its key only, never its content, and publishes nothing from it', () => {
    const { logger, lines } = recordingLogger();
    const broken = { electionId: called.electionId, notices: 'not a list', secret: '061211600012' };
    expect(publicationsOf(record('MODIFY', electionKey(called), broken), logger)).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('061211600012');
    expect(JSON.stringify(lines)).toContain(`ELECTION#${called.electionId}`);
  });

  it('keeps every message under SNS’s 256 KB, however large a notice’s details grew', () => {
    const huge = {
      ...listed.notices.at(-1),
      details: { registered: 'x'.repeat(400_000) },
    } as Election['notices'][number];
    const published = electionNoticePublication(
      { electionId: listed.electionId, timeZone: 'Asia/Almaty' },
      huge,
    );
    const bytes = Buffer.byteLength(published.message) + Buffer.byteLength(published.subject) + 1_000;
    expect(bytes).toBeLessThan(PUBLISHED_MESSAGE_LIMIT_BYTES);
    expect(published.message).toContain('REGISTERED_LIST_PUBLISHED');
  });

  it('gives SNS a subject it takes: one ASCII line under 100 characters', () => {
    const subject = caseEventPublication(
      PublishedCaseEventSchema.parse({ ...trailEvent, caseId: 'к'.repeat(150) }),
    ).subject;
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('the stream handler', () => {
  /** A publisher that fails as told for the n-th notice it is given. */
  function failing(failAt: number, error: Error): NoticePublisher & { published: string[] } {
    const published: string[] = [];
    let calls = 0;
    return {
      published,
      async publish(notice) {
        calls += 1;
        if (calls === failAt) throw error;
        published.push(notice.attributes.code);
      },
    };
  }

  const changes = () => [
    record('MODIFY', electionKey(called), extended, called),
    record('MODIFY', electionKey(called), listed, extended),
  ];

  it('publishes every new notice of a batch and reports no failure', async () => {
    const notices = new RecordedNotices();
    const handle = createHandler({ notices, logger: recordingLogger().logger });
    expect(await handle({ Records: changes() })).toEqual({ batchItemFailures: [] });
    expect(notices.published.map((p) => p.attributes.code)).toEqual([
      'NOMINATION_EXTENDED',
      'REGISTERED_LIST_PUBLISHED',
    ]);
  });

  it('reports the record whose publishing failed, so the stream retries from it and not from the start', async () => {
    const notices = failing(2, new ThrottledException({ message: 'Rate exceeded', ...meta }));
    const batch = changes();
    const answer = await createHandler({ notices, logger: recordingLogger().logger })({ Records: batch });
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: batch[1]?.dynamodb?.SequenceNumber }]);
    expect(notices.published).toEqual(['NOMINATION_EXTENDED']);
  });

  it('passes over a notice the topic refuses as it is, logging its name, and publishes the ones after it', async () => {
    const notices = failing(1, new NoticeRefusedError('InvalidParameterException'));
    const { logger, lines } = recordingLogger();
    const answer = await createHandler({ notices, logger })({ Records: changes() });
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(notices.published).toEqual(['REGISTERED_LIST_PUBLISHED']);
    expect(JSON.stringify(lines)).toContain('InvalidParameterException');
  });
});

describe('the SNS adapter', () => {
  const notice = () => {
    const published = listed.notices.at(-1);
    if (published === undefined) throw new Error('the list is published with a notice');
    return electionNoticePublication({ electionId: listed.electionId, timeZone: 'Asia/Almaty' }, published);
  };

  it('publishes the notice to the topic with attributes a subscription can filter on', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    await new SnsNoticePublisher(new SNSClient({}), TOPIC).publish(notice());
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
      TopicArn: TOPIC,
      Subject: `akim-nominations ${listed.electionId}: REGISTERED_LIST_PUBLISHED`,
      Message: notice().message,
      MessageAttributes: {
        electionId: { DataType: 'String', StringValue: listed.electionId },
        district: { DataType: 'String', StringValue: '1952' },
        code: { DataType: 'String', StringValue: 'REGISTERED_LIST_PUBLISHED' },
        to: { DataType: 'String.Array', StringValue: '["public"]' },
      },
    });
  });

  it('turns SNS refusing the message as it is (InvalidParameterException) into a refusal never retried', async () => {
    sns
      .on(PublishCommand)
      .rejects(new InvalidParameterException({ message: 'Invalid parameter: Message too long', ...meta }));
    await expect(new SnsNoticePublisher(new SNSClient({}), TOPIC).publish(notice())).rejects.toThrow(
      NoticeRefusedError,
    );
  });

  it('lets throttling that outlasted the SDK’s retries through, for the stream to retry (ThrottledException)', async () => {
    const throttled = new ThrottledException({ message: 'Rate exceeded', ...meta });
    // The SDK itself retries it with backoff first (mocks bypass the SDK's retries: this pins that it does).
    expect(isThrottlingError({ name: throttled.name, message: throttled.message, $metadata: {} })).toBe(true);
    sns.on(PublishCommand).rejects(throttled);
    const error = await new SnsNoticePublisher(new SNSClient({ maxAttempts: 1 }), TOPIC)
      .publish(notice())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledException);
    expect(error).not.toBeInstanceOf(NoticeRefusedError);
  });
});
