// Signature sheets that come in several submissions: every line's verdict is kept and counted once, and what
// one caller can add to a case in a day is bounded (issue 10, item 3).
import { describe, expect, it } from 'vitest';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import { messageOf } from '../../shared/domain/error-catalogue.ts';
import { SubmissionLimitReachedError } from '../../shared/domain/errors.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, startTestEngine, type TestEngine } from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';
const voters = voterRows(1236); // 13 signatures needed

let t: TestEngine;

async function start(rules?: { signatureSubmissionsPerDay: number }) {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput({}, rules));
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
  const filing = aSelfFiling(1);
  const caller = candidateCaller(filing.candidate.iin);
  const { caseId } = await t.operations.fileNomination(caller, { electionId }, filing);
  const submit = (lines: ReturnType<typeof linesFrom>) =>
    t.operations.submitSignatures(caller, { electionId, caseId }, { lines });
  return { caseId, submit };
}

describe('signature submissions', () => {
  it('keeps an earlier valid line counted when a later submission gives its place again', async () => {
    const { caseId, submit } = await start();
    expect(await submit(linesFrom(voters.slice(0, 5)))).toMatchObject({ validCount: 5 });

    // Sheet 1, line 1 again, with another voter: refused as a repeated line, the first one still counts.
    const [again] = linesFrom(voters.slice(5, 6));
    const [sheetTwo] = linesFrom(voters.slice(6, 7), '2026-02-08', 2);
    if (again === undefined || sheetTwo === undefined) throw new Error('fixture');
    const second = await submit([again, sheetTwo]);
    expect(second).toMatchObject({
      validCount: 6,
      rejected: [{ sheet: 1, line: 1, reason: 'DUPLICATE_LINE' }],
    });

    const third = await submit(linesFrom(voters.slice(7, 8), '2026-02-08', 3));
    expect(third).toMatchObject({ validCount: 7, shortfall: 6 });

    const lines = await t.deps.signatures.listLines(caseId);
    expect(lines).toHaveLength(8);
    expect(lines.filter((l) => l.valid)).toHaveLength(7);
    const { events } = await t.deps.cases.withTrail(electionId, caseId);
    expect(events.filter((e) => e.event === 'SignaturesVerified').map((e) => e.note?.validCount)).toEqual([
      5, 6, 7,
    ]);
  });

  it('refuses a submission over the day’s bound before anything is counted, and takes it the next day', async () => {
    const { caseId, submit } = await start({ signatureSubmissionsPerDay: 2 });
    await submit(linesFrom(voters.slice(0, 1)));
    await submit(linesFrom(voters.slice(1, 2), '2026-02-08', 2));
    const before = {
      lines: await t.deps.signatures.listLines(caseId),
      trail: (await t.deps.cases.withTrail(electionId, caseId)).events,
      support: await t.deps.signatures.supportOf(electionId, [voters[2]?.iin ?? '']),
    };

    const refused = await submit(linesFrom(voters.slice(2, 3), '2026-02-08', 3)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SubmissionLimitReachedError);
    if (!(refused instanceof SubmissionLimitReachedError)) throw refused;
    expect(refused.details).toEqual({ limit: 2, on: '2026-02-05' });
    expect(messageOf(refused).kk).toContain('шек');
    expect(messageOf(refused).ru).toContain('предел');
    expect(messageOf(refused).en).toContain('limit');

    expect(await t.deps.signatures.listLines(caseId)).toEqual(before.lines);
    expect((await t.deps.cases.withTrail(electionId, caseId)).events).toEqual(before.trail);
    expect(await t.deps.signatures.supportOf(electionId, [voters[2]?.iin ?? ''])).toEqual(before.support);

    // The bound is per local day: at 00:30 in Kazakhstan (UTC+5) the next day has begun.
    await t.advanceTo('2026-02-05T19:30:00.000Z');
    expect(await submit(linesFrom(voters.slice(2, 3), '2026-02-05', 3))).toMatchObject({ validCount: 3 });
  });
});

describe('signature submissions: a ledger every verdict is computed from', () => {
  it('answers the same sheets sent again with their first verdict, taking nothing more', async () => {
    const { caseId, submit } = await start({ signatureSubmissionsPerDay: 2 });
    const sheets = linesFrom(voters.slice(0, 13));
    const bad = { ...linesFrom(voters.slice(13, 14), '2026-01-01', 2)[0], line: 1 } as (typeof sheets)[0];
    const first = await submit([...sheets, bad]);
    expect(first).toMatchObject({ validCount: 13, sufficient: true, rejectedCount: 1 });
    await t.engine.workflows.settled();
    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');

    // The case has moved on, and the day's bound allows one more: the same sheets still get their verdict.
    const again = await submit([bad, ...[...sheets].reverse()]);
    expect(again).toEqual(first);
    const stored = await t.deps.cases.withTrail(electionId, caseId);
    expect(stored.events.filter((e) => e.event === 'SignaturesVerified')).toHaveLength(1);
    expect(stored.nominationCase.submissionsOfDay?.count).toBe(1);
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(13);
  });

  it('names where a repeated signer was first counted', async () => {
    const { submit } = await start();
    const first = await submit(linesFrom(voters.slice(0, 3)));
    const [repeat] = linesFrom(voters.slice(1, 2), '2026-02-09', 5);
    if (repeat === undefined) throw new Error('fixture');
    const second = await submit([repeat]);
    expect(first).toMatchObject({ validCount: 3 });
    expect(second).toMatchObject({
      validCount: 3,
      rejected: [
        {
          sheet: 5,
          line: 1,
          reason: 'DUPLICATE_SIGNER',
          firstCounted: { sheet: 1, line: 2, submissionId: expect.stringMatching(/^[0-9a-f]{32}$/) },
        },
      ],
    });
  });

  it('gives a submission retried after a crash the verdicts of an uninterrupted run, never its own signers as duplicates', async () => {
    const { caseId } = await start();
    const caller = candidateCaller(aSelfFiling(1).candidate.iin);
    const sheets = linesFrom(voters.slice(0, 40));
    // The process dies after counting every signer on the ledger, before the verdict is kept.
    const bound = <T extends object>(target: T, name: string | symbol): unknown => {
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    };
    const submissions = new Proxy(t.deps.signatures.submissions, {
      get: (records, name) =>
        name === 'save'
          ? async () => {
              throw new Error('killed');
            }
          : bound(records, name),
    });
    const crashing = submitSignatures.createHandler({
      ...t.deps,
      signatures: new Proxy(t.deps.signatures, {
        get: (target, name) => (name === 'submissions' ? submissions : bound(target, name)),
      }),
    });
    await expect(
      crashing({ caller, params: { electionId, caseId }, body: { lines: sheets } }),
    ).rejects.toThrow('killed');
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(40);

    const retried = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines: sheets });
    expect(retried).toMatchObject({ validCount: 40, sufficient: true, rejectedCount: 0, rejected: [] });
    const lines = await t.deps.signatures.listLines(caseId);
    expect(lines.filter((l) => l.valid)).toHaveLength(40);
    const { events } = await t.deps.cases.withTrail(electionId, caseId);
    expect(events.filter((e) => e.event === 'SignaturesVerified').map((e) => e.note?.validCount)).toEqual([
      40,
    ]);
  });

  it('keeps a voter to one candidate where the election says so, without telling the rival whom they signed for', async () => {
    t = await startTestEngine();
    await t.operations.createElection(
      commission,
      {},
      newElectionInput({}, { multipleSupportAllowed: false }),
    );
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
    const [a, b] = [aSelfFiling(1), aSelfFiling(2)];
    const first = await t.operations.fileNomination(candidateCaller(a.candidate.iin), { electionId }, a);
    const rival = await t.operations.fileNomination(candidateCaller(b.candidate.iin), { electionId }, b);
    const sheets = linesFrom(voters.slice(0, 5));
    await t.operations.submitSignatures(
      candidateCaller(a.candidate.iin),
      { electionId, caseId: first.caseId },
      { lines: sheets },
    );
    const rivalVerdict = await t.operations.submitSignatures(
      candidateCaller(b.candidate.iin),
      { electionId, caseId: rival.caseId },
      { lines: sheets },
    );
    expect(rivalVerdict).toMatchObject({
      validCount: 0,
      rejectedCount: 5,
      reasons: { SUPPORTS_ANOTHER_CANDIDATE: 5 },
    });
    expect(JSON.stringify(rivalVerdict)).not.toContain(first.caseId);
    expect(await t.deps.signatures.ledger.countOf(rival.caseId)).toBe(0);
    expect(await t.deps.signatures.ledger.countOf(first.caseId)).toBe(5);
  });
});
