import { beforeAll, describe, expect, it } from 'vitest';
import { handler as loadCase } from '../../functions/load-case.ts';
import { handler as loadElection } from '../../functions/load-election.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { anElection } from '../support/elections.ts';
import { lambdaContext, useLambdaEnvironment } from '../support/lambda-environment.ts';
import { createTestTable } from '../support/test-table.ts';

const context = lambdaContext;

beforeAll(async () => {
  const table = await createTestTable();
  // Next year's election: the Lambda reads the real clock, and its deadlines must still lie ahead.
  await new ElectionRepository(table).create(
    anElection({ electionDay: '2027-03-14', calledOn: '2027-02-02' }),
  );
  await useLambdaEnvironment(table);
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
