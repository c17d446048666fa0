import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as loadCase } from '../../functions/load-case.ts';
import { handler as loadElection } from '../../functions/load-election.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { anElection } from '../support/elections.ts';
import { createTestTable } from '../support/test-table.ts';

const context = {
  functionName: 'LoadElection',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:1:function:LoadElection',
  memoryLimitInMB: '256',
  functionVersion: '$LATEST',
  getRemainingTimeInMillis: () => 10_000,
} as Context;

beforeAll(async () => {
  const table = await createTestTable();
  // Next year's election: the Lambda reads the real clock, and its deadlines must still lie ahead.
  await new ElectionRepository(table).create(
    anElection({ electionDay: '2027-03-14', calledOn: '2027-02-02' }),
  );
  const endpoint = await table.db.config.endpoint?.();
  Object.assign(process.env, {
    TABLE_NAME: table.name,
    DYNAMODB_ENDPOINT: `${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`,
    CASE_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:1:stateMachine:case',
    CALENDAR_STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:1:stateMachine:calendar',
    WAKE_UP_GROUP: 'wake-ups',
    WAKE_UP_ROLE_ARN: 'arn:aws:iam::1:role/wake',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
});

describe('a Task state as Lambda runs it (middy, Powertools, real storage)', () => {
  it('answers with the recorded phase', async () => {
    await expect(loadElection({ electionId: '195230100-2027-03-14' }, context)).resolves.toEqual({
      phase: 'Nomination',
      phaseDue: false,
    });
  });

  it('fails with the domain error’s name, which the ASL catches', async () => {
    await expect(
      loadCase({ electionId: '195230100-2027-03-14', caseId: 'nope' }, context),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(loadCase({ electionId: 42 }, context)).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
