import {
  InvalidParameterException,
  InvalidParameterValueException,
  PublishCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { NoticePublication } from '../domain/notice-publication.ts';
import { type NoticePublisher, NoticeRefusedError } from '../ports/notice-publisher.ts';

/**
 * The NoticePublisher on AWS: one SNS message per notice, its attributes those a subscription filters on
 * (`district`, `to`, `code`, `electionId`). Throttling is retried by the SDK with backoff; what still fails is
 * thrown for the stream to retry. A message SNS refuses as it is becomes NoticeRefusedError.
 */
export class SnsNoticePublisher implements NoticePublisher {
  readonly #client: SNSClient;
  readonly #topicArn: string;

  constructor(client: SNSClient, topicArn: string) {
    this.#client = client;
    this.#topicArn = topicArn;
  }

  async publish(notice: NoticePublication): Promise<void> {
    const { attributes } = notice;
    const text = (value: string) => ({ DataType: 'String', StringValue: value });
    try {
      await this.#client.send(
        new PublishCommand({
          TopicArn: this.#topicArn,
          Subject: notice.subject,
          Message: notice.message,
          MessageAttributes: {
            electionId: text(attributes.electionId),
            district: text(attributes.district),
            code: text(attributes.code),
            to: { DataType: 'String.Array', StringValue: JSON.stringify(attributes.to) },
            ...(attributes.caseId === undefined ? {} : { caseId: text(attributes.caseId) }),
          },
        }),
      );
    } catch (error) {
      if (error instanceof InvalidParameterException || error instanceof InvalidParameterValueException) {
        throw new NoticeRefusedError(error.name);
      }
      throw error;
    }
  }
}
