// The hash-chained trail and the evidence pack, against storage changed behind the engine's back.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as getCaseEvidence from '../../functions/get-case-evidence.ts';
import * as getCaseTimeline from '../../functions/get-case-timeline.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import type { EvidencePage } from '../../shared/domain/evidence-pack.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { keys } from '../../shared/storage/keys.ts';
import { checksPassed } from '../support/decisions.ts';
import { akimat, commission } from '../support/engine.ts';
import { electionId, selfNominee } from '../support/hostile.ts';
import { linesFrom } from '../support/signers.ts';

type Nominee = Awaited<ReturnType<typeof selfNominee>>;

/** A self-nominee with two submissions (5, then 8 more signers: sufficient), registered by the commission. */
async function registeredNominee(): Promise<Nominee> {
  const nominee = await selfNominee();
  const { t, voters, caller, caseId } = nominee;
  await t.operations.submitSignatures(
    caller,
    { electionId, caseId },
    { lines: linesFrom(voters.slice(0, 5)) },
  );
  await t.operations.submitSignatures(
    caller,
    { electionId, caseId },
    { lines: linesFrom(voters.slice(5, 13), '2026-02-09', 2) },
  );
  await t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    { decision: 'register', checks: checksPassed },
  );
  return nominee;
}

async function downloadPack({ t, caseId }: Nominee): Promise<EvidencePage[]> {
  const handler = getCaseEvidence.createHandler(t.deps);
  const request = (cursor?: string): OperationRequest => ({
    caller: commission,
    params: { electionId, caseId },
    query: cursor === undefined ? {} : { cursor },
    body: {},
  });
  const pages = [await handler(request())];
  for (let next = pages[0]?.next; typeof next === 'string'; next = pages.at(-1)?.next) {
    pages.push(await handler(request(next)));
  }
  return pages;
}

async function caseItem({ t, caseId }: Nominee): Promise<Record<string, unknown>> {
  const { Item } = await t.table.db.send(
    new GetCommand({ TableName: t.table.name, Key: keys.case(electionId, caseId), ConsistentRead: true }),
  );
  if (Item === undefined) throw new Error('no case');
  return Item;
}

async function putCaseItem({ t }: Nominee, item: Record<string, unknown>): Promise<void> {
  await t.table.db.send(new PutCommand({ TableName: t.table.name, Item: item }));
}

describe('a trail with an event deleted from storage', () => {
  it('does not hand out a shortened timeline as if it were whole', async () => {
    const nominee = await registeredNominee();
    const { t, caseId } = nominee;
    const { Items = [] } = await t.table.db.send(
      new QueryCommand({
        TableName: t.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.trailOf(caseId).pk },
      }),
    );
    const second = Items.find((item) => item.seq === 2);
    if (second === undefined) throw new Error('fixture');
    await t.table.db.send(
      new DeleteCommand({ TableName: t.table.name, Key: { pk: second.pk, sk: second.sk } }),
    );

    // Reading, and the evidence's verdict, notice; the timeline the district's akimat reads does not.
    expect((await t.operations.getCase(commission, { electionId, caseId })) as object).toBeDefined();
    expect(verifyEvidence(await downloadPack(nominee)).firstBrokenLink).not.toBeNull();
    const timeline = getCaseTimeline.createHandler(t.deps);
    const answer = await timeline({
      caller: akimat as Caller,
      params: { electionId, caseId },
      body: {},
    }).catch((e: unknown) => ({ refused: e }));
    // Not events 3… as if whole: the answer says the trail is incomplete, and names the missing event.
    const seqs = 'timeline' in answer ? answer.timeline.map((e) => e.seq) : [];
    expect('refused' in answer || seqs[0] === 1 || JSON.stringify(answer).includes('missing')).toBe(true);
  });
});

describe('changes in storage that a verified pack does not show', () => {
  it('flags a trail count that the pack’s own valid lines cannot make (entries added to the ledger)', async () => {
    const nominee = await selfNominee();
    const { t, voters, caller, caseId } = nominee;
    // Eight voters of the register put on the case's ledger directly, naming a submission that never existed.
    for (const [i, voter] of voters.slice(100, 108).entries()) {
      await t.table.db.send(
        new PutCommand({
          TableName: t.table.name,
          Item: {
            ...keys.ledgerEntry(caseId, voter.iin),
            submissionId: 'f'.repeat(32),
            sheet: 1,
            line: i + 1,
          },
        }),
      );
    }
    // Five real signatures are now "sufficient": 13 on the trail.
    const verdict = await t.operations.submitSignatures(
      caller,
      { electionId, caseId },
      { lines: linesFrom(voters.slice(0, 5)) },
    );
    expect(verdict).toMatchObject({ validCount: 13, sufficient: true });

    const pack = await downloadPack(nominee);
    const validLines = pack.flatMap((p) => p.signatureLines).filter((l) => l.valid);
    expect(validLines).toHaveLength(5);
    // A count of 13 from five valid lines does not verify.
    const result = verifyEvidence(pack);
    expect(result.ok).toBe(false);
  });

  it('flags a candidate’s filing changed in storage after registration', async () => {
    const nominee = await registeredNominee();
    const item = await caseItem(nominee);
    const filing = item.filing as { candidate: Record<string, unknown> };
    // The candidate's recorded education and documents rewritten: what eligibility was judged on.
    await putCaseItem(nominee, {
      ...item,
      filing: {
        ...filing,
        candidate: { ...filing.candidate, fullName: 'Someone Else', education: 'secondary' },
      },
    });
    const result = verifyEvidence(await downloadPack(nominee));
    // The head's event vouches for the filing by the record's digest.
    expect(result.ok).toBe(false);
  });

  it('flags the count removed from the record', async () => {
    const nominee = await registeredNominee();
    const item = await caseItem(nominee);
    const { signatures: _removed, ...findings } = item.findings as Record<string, unknown>;
    await putCaseItem(nominee, { ...item, findings });
    const result = verifyEvidence(await downloadPack(nominee));
    // The count is part of what the head's event vouches for, and must match the trail's last count.
    expect(result.ok).toBe(false);
  });
});
