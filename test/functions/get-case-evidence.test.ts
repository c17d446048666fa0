// getCaseEvidence over real storage and real workflows, with pages small enough that a case spans many.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../functions/get-case-evidence.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { ForbiddenError, ValidationError } from '../../shared/domain/errors.ts';
import type { EvidencePage } from '../../shared/domain/evidence-pack.ts';
import { evidencePageLimits } from '../../shared/domain/evidence-paging.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import {
  akimat,
  candidateCaller,
  commission,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const electionId = '195230100-2026-03-15';
const voters = voterRows(1236); // 13 signatures needed
const filing = aSelfFiling(1);
const candidate = candidateCaller(filing.candidate.iin);

let t: TestEngine;
let caseId: string;
let evidence: ReturnType<typeof createHandler>;

beforeAll(async () => {
  t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
  caseId = (await t.operations.fileNomination(candidate, { electionId }, filing)).caseId;
  // The first submission short, with a line signed before the window and a signer not on the register.
  const first = linesFrom(voters.slice(0, 9));
  const stranger = linesFrom(voterRows(1, 5000), '2026-02-08', 9)[0];
  const early = first[4];
  if (stranger === undefined || early === undefined) throw new Error('fixture');
  first[4] = { ...early, signedOn: '2026-02-01' };
  await t.operations.submitSignatures(candidate, { electionId, caseId }, { lines: [...first, stranger] });
  await t.operations.submitSignatures(
    candidate,
    { electionId, caseId },
    { lines: linesFrom(voters.slice(9, 17), '2026-02-09', 2) },
  );
  await t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    { decision: 'register', checks: checksPassed },
  );
  evidence = createHandler(t.deps, { events: 2, lines: 3, bytes: evidencePageLimits.bytes });
});

const request = (caller: Caller, cursor?: string, forCase = caseId): OperationRequest => ({
  caller,
  params: { electionId, caseId: forCase },
  query: cursor === undefined ? {} : { cursor },
  body: {},
});

/** Every page, following each page's `next` from `first` (page 1 when not given). */
async function pagesFrom(caller: Caller, first?: EvidencePage): Promise<EvidencePage[]> {
  const pages = [first ?? (await evidence(request(caller)))];
  for (let next = pages[0]?.next; next !== null && next !== undefined; next = pages.at(-1)?.next) {
    pages.push(await evidence(request(caller, next)));
  }
  return pages;
}

async function refusal(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
}

describe('getCaseEvidence', () => {
  it('hands the commission the whole pack, page by page, and the pack proves itself', async () => {
    const pages = await pagesFrom(commission);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(pages.filter((p) => p.record !== undefined).map((p) => p.page)).toEqual([1]);
    expect(new Set(pages.map((p) => JSON.stringify(p.head))).size).toBe(1);
    for (const page of pages) {
      expect(page.events.length).toBeLessThanOrEqual(2);
      expect(page.signatureLines.length).toBeLessThanOrEqual(3);
    }
    const events = pages.flatMap((p) => p.events);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.event === 'SignaturesVerified')).toHaveLength(2);

    const verdict = verifyEvidence(pages);
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({
      ok: true,
      warnings: [],
      summary: { events: events.length, lines: 18, submissions: 2, status: 'Registered' },
    });
    expect(pages.flatMap((p) => p.signatureLines).filter((l) => !l.valid)).toHaveLength(2);
  });

  it('gives the candidate their own case, and refuses the akimat, a party, another district and another candidate', async () => {
    expect((await evidence(request(candidate))).record?.caseId).toBe(caseId);
    const others: Caller[] = [
      akimat,
      partyCaller('amanat'),
      { role: 'commission', subject: 'tec-2', district: '2710' },
      candidateCaller(aSelfFiling(2).candidate.iin),
      { role: 'public' },
    ];
    for (const caller of others) {
      expect(await refusal(evidence(request(caller))), caller.role).toBeInstanceOf(ForbiddenError);
    }
  });

  it('refuses a cursor that is malformed, of another case, or pinned to no event of this one, and changes nothing', async () => {
    const other = aSelfFiling(3);
    const otherCase = (
      await t.operations.fileNomination(candidateCaller(other.candidate.iin), { electionId }, other)
    ).caseId;
    const page1 = await evidence(request(commission));
    const cursor = page1.next ?? '';
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const forged = Buffer.from(
      JSON.stringify({ ...decoded, head: { ...decoded.head, eventId: 'no-such-event' } }),
    ).toString('base64url');
    const before = await t.deps.cases.get(electionId, caseId);

    for (const bad of [
      request(commission, 'not a cursor'),
      request(commission, cursor, otherCase),
      request(commission, forged),
    ]) {
      const refused = await refusal(evidence(bad));
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues).toMatchObject([
        { field: 'cursor', code: 'EVIDENCE_CURSOR_INVALID' },
      ]);
    }
    expect(await t.deps.cases.get(electionId, caseId)).toEqual(before);
  });

  it('walks every later page from the head of page 1, however the case moves on meanwhile', async () => {
    const first = await evidence(request(commission));
    await t.operations.withdrawNomination(candidate, { electionId, caseId });

    const pinned = await pagesFrom(commission, first);
    expect(pinned.every((p) => JSON.stringify(p.head) === JSON.stringify(first.head))).toBe(true);
    expect(Math.max(...pinned.flatMap((p) => p.events.map((e) => e.seq)))).toBe(first.head.seq);
    expect(verifyEvidence(pinned)).toMatchObject({ ok: true, summary: { status: 'Registered' } });

    const fresh = await pagesFrom(commission);
    expect(fresh[0]?.head.seq).toBe(first.head.seq + 1);
    expect(verifyEvidence(fresh)).toMatchObject({ ok: true, summary: { status: 'Withdrawn' } });
  });
});
