// Attacks the code withstands: races for the same voters, double clicks, the day's bound, a damaged trail, forged cursors.
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as getCaseEvidence from '../../functions/get-case-evidence.ts';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import { SubmissionLimitReachedError, ValidationError } from '../../shared/domain/errors.ts';
import { encodeCursor } from '../../shared/domain/evidence-paging.ts';
import { keys } from '../../shared/storage/keys.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { answered, candidateCaller, commission, startTestEngine } from '../support/engine.ts';
import { electionId, selfNominee } from '../support/hostile.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

describe('what held', () => {
  it('keeps each voter to one of two candidates racing for the same signers (exclusive election)', async () => {
    const t = await startTestEngine();
    const voters = voterRows(1236);
    await t.operations.createElection(
      commission,
      {},
      newElectionInput({}, { multipleSupportAllowed: false }),
    );
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
    const [a, b] = [aSelfFiling(1), aSelfFiling(2)];
    const ca = candidateCaller(a.candidate.iin);
    const cb = candidateCaller(b.candidate.iin);
    const caseA = (await t.operations.fileNomination(ca, { electionId }, a)) as { caseId: string };
    const caseB = (await t.operations.fileNomination(cb, { electionId }, b)) as { caseId: string };
    const handler = submitSignatures.createHandler(t.deps);
    const sheets = linesFrom(voters.slice(0, 60));
    const [va, vb] = await Promise.all([
      handler({ caller: ca, params: { electionId, caseId: caseA.caseId }, body: { lines: sheets } }),
      handler({ caller: cb, params: { electionId, caseId: caseB.caseId }, body: { lines: sheets } }),
    ]);
    await t.settled();
    const la = new Set(await t.deps.signatures.ledger.signersOf(caseA.caseId));
    const lb = new Set(await t.deps.signatures.ledger.signersOf(caseB.caseId));
    expect([...la].filter((iin) => lb.has(iin))).toEqual([]);
    expect(la.size + lb.size).toBe(60);
    expect(answered(va).validCount).toBe(la.size);
    expect(answered(vb).validCount).toBe(lb.size);
  });

  it('records one verdict for a double-clicked submission', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    const handler = submitSignatures.createHandler(t.deps);
    const body = { lines: linesFrom(voters.slice(0, 30)) };
    const [x, y] = await Promise.all([
      handler({ caller, params: { electionId, caseId }, body }),
      handler({ caller, params: { electionId, caseId }, body }),
    ]);
    await t.settled();
    expect(answered(x).validCount).toBe(30);
    expect(answered(y).validCount).toBe(30);
    const { events } = await t.deps.cases.withTrail(electionId, caseId);
    expect(events.filter((e) => e.event === 'SignaturesVerified')).toHaveLength(1);
  });

  it('keeps the day’s bound under ten concurrent submissions', async () => {
    const { t, voters, caller, caseId } = await selfNominee(1236, { signatureSubmissionsPerDay: 3 });
    const handler = submitSignatures.createHandler(t.deps);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        handler({
          caller,
          params: { electionId, caseId },
          body: { lines: linesFrom(voters.slice(i, i + 1), '2026-02-08', i + 1) },
        }),
      ),
    );
    await t.settled();
    const taken = outcomes.filter(
      (o) => o.status === 'fulfilled' || !(o.reason instanceof SubmissionLimitReachedError),
    );
    expect(taken.length).toBeLessThanOrEqual(3);
    expect((await t.deps.cases.get(electionId, caseId)).submissionsOfDay?.count).toBe(3);
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBeLessThanOrEqual(3);
  });

  it('lets a case whose trail lost an event be read and withdrawn, chaining the withdrawal to its head', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 3)) },
    );
    const { Items = [] } = await t.table.db.send(
      new QueryCommand({
        TableName: t.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.trailOf(caseId).pk },
      }),
    );
    const first = Items.find((item) => item.seq === 1);
    if (first === undefined) throw new Error('fixture');
    await t.table.db.send(
      new DeleteCommand({ TableName: t.table.name, Key: { pk: first.pk, sk: first.sk } }),
    );
    await t.operations.withdrawNomination(caller, { electionId, caseId }, {});
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.nominationCase.status).toBe('Withdrawn');
    expect(stored.missing).toMatchObject({ seq: 1 });
    expect(stored.events.map((e) => e.event)).toEqual(['SignaturesVerified', 'Withdrawn']);
  });

  it('refuses forged evidence cursors: another case, an unknown head, a head past the trail', async () => {
    const { t, voters, caller, caseId } = await selfNominee();
    await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 3)) },
    );
    const handler = getCaseEvidence.createHandler(t.deps);
    const { head } = await t.deps.cases.withTrail(electionId, caseId);
    const forged = (over: Record<string, unknown>) =>
      encodeCursor({ electionId, caseId, head, page: 2, afterSeq: 0, afterLine: null, ...over } as never);
    const attempts = [
      forged({ caseId: 'another-case' }),
      forged({ head: { ...head, eventId: 'not-an-event' } }),
      forged({ head: { ...head, seq: head.seq + 5 } }),
      forged({ afterSeq: head.seq + 1 }),
      'A'.repeat(5000),
    ];
    for (const cursor of attempts) {
      await expect(
        handler({ caller, params: { electionId, caseId }, query: { cursor }, body: {} }),
      ).rejects.toBeInstanceOf(ValidationError);
    }
  });
});
