// A commission or a court verifying a case's evidence pack gets each counted submission's signature check
// recomputed (issue 12, item 5, as `verify-evidence` runs it): over HTTP against the engine as `npm start` runs it,
// a pack downloaded whole passes, sample or full count, and a pack whose verdict was rewritten is caught even when
// every hash in it was made again to match.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { eventHash, linkTo, type TrailEvent } from '../../shared/domain/case-trail.ts';
import { type EvidencePage, EvidencePageSchema } from '../../shared/domain/evidence-pack.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { SubmissionNoteSchema } from '../../shared/domain/signature-record.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const VERIFY = new URL('../../infra/evidence/verify-evidence.ts', import.meta.url).pathname;
const SAMPLED = '195230100-2026-03-15';
const COUNTED = '195230200-2026-03-15';
/** 5,000 voters: 50 signatures required. */
const voters = voterRows(5_000);
const CaseSchema = z.object({ caseId: z.string(), status: z.string() });
const VerdictSchema = z.looseObject({
  sufficient: z.boolean(),
  check: z.looseObject({ outcome: z.string() }),
});

let engine: EngineProcess;
let dataDir: string;
let api: ReturnType<typeof apiClient>;
const cases = { sampled: '', counted: '' };

async function fileAndSign(electionId: string, serial: number, lines: number): Promise<string> {
  const filing = aSelfFiling(serial);
  const caller: Caller = candidateCaller(filing.candidate.iin);
  const { caseId } = CaseSchema.parse(
    (await api(caller, 'POST', `/elections/${electionId}/cases`, filing)).body,
  );
  const answer = await api(caller, 'POST', `/elections/${electionId}/cases/${caseId}/signatures`, {
    lines: linesFrom(voters.slice(0, lines)),
  });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 400)).toBe(200);
  return caseId;
}

/** Every page of a case's evidence pack, as the commission downloads it. */
async function evidencePages(electionId: string, caseId: string): Promise<EvidencePage[]> {
  const pages: EvidencePage[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query: string = cursor === '' ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const response = await api(
      commission,
      'GET',
      `/elections/${electionId}/cases/${caseId}/evidence${query}`,
    );
    expect(response.status).toBe(200);
    const page = EvidencePageSchema.parse(response.body);
    pages.push(page);
    cursor = page.next;
  }
  return pages;
}

/**
 * The pack with its SignaturesVerified note rewritten by `forge`, and every hash after it made again, the head
 * of every page too: a forgery no link of the chain betrays. Only the recomputation can tell.
 */
function forged(pages: EvidencePage[], forge: (note: Record<string, unknown>) => Record<string, unknown>) {
  const copy: EvidencePage[] = JSON.parse(JSON.stringify(pages));
  const events = copy.flatMap((page) => page.events).sort((a, b) => a.seq - b.seq);
  let before: TrailEvent | null = null;
  for (const event of events) {
    if (event.event === 'SignaturesVerified' && SubmissionNoteSchema.safeParse(event.note).success) {
      event.note = forge(event.note ?? {});
    }
    event.prev = before === null ? null : linkTo(before);
    event.hash = eventHash(event);
    before = event;
  }
  if (before === null) throw new Error('a pack has events');
  for (const page of copy) page.head = linkTo(before);
  return copy;
}

/** `npm run verify-evidence` on the pack as a file: its exit code and report. */
function verifyAsFile(pages: EvidencePage[], name: string) {
  const file = join(dataDir, name);
  writeFileSync(file, pages.map((page) => JSON.stringify(page)).join('\n'));
  const done = spawnSync(process.execPath, [VERIFY, file, '--lang', 'ru'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: done.status, out: done.stdout };
}

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  const sampled = newElectionInput(
    {},
    { signatureCheckPolicy: { method: 'sample', sharePercent: 0, minimumLines: 40 } },
  );
  const counted = newElectionInput({ unit: { ...newElectionInput().unit, kato: '195230200' } });
  for (const [electionId, input] of [
    [SAMPLED, sampled],
    [COUNTED, counted],
  ] as const) {
    expect((await api(commission, 'POST', '/elections', input)).status).toBe(201);
    const imported = await api(commission, 'POST', `/elections/${electionId}/voter-register`, {
      source: 'list',
      voters,
    });
    expect(imported.status).toBe(201);
  }
  // 200 lines, 40 drawn, all on the register: 200 projected of 50 required qualifies by the sample.
  cases.sampled = await fileAndSign(SAMPLED, 51, 200);
  // 60 lines, every one checked: 60 of 50.
  cases.counted = await fileAndSign(COUNTED, 52, 60);
}, 120_000);
afterAll(() => engine.kill('SIGTERM'));

describe('the evidence pack’s signature checks, recomputed by whoever verifies it', {
  timeout: 120_000,
}, () => {
  it('catches a sample’s verdict rewritten to fail, with every hash made again to match', async () => {
    const pages = await evidencePages(SAMPLED, cases.sampled);
    const rewritten = forged(pages, (note) => ({
      ...note,
      sufficient: false,
      check: { ...(note.check as object), outcome: 'sample-fails' },
    }));
    const verdict = verifyEvidence(rewritten);
    expect(verdict.ok).toBe(false);
    // The chain holds: nothing but the recomputation finds the lie.
    expect(verdict.firstBrokenLink).toBeNull();
    expect(verdict.problems.map((p) => p.code)).toEqual(['SIGNATURE_CHECK_VERDICT_DIFFERS']);
    expect(verdict.problems[0]).toMatchObject({
      details: {
        recorded: { outcome: 'sample-fails', sufficient: false },
        recomputed: { outcome: 'sample-qualifies', sufficient: true },
      },
    });
    const report = verifyAsFile(rewritten, 'sample-forged.ndjson');
    expect(report.code).toBe(1);
    expect(report.out).toContain('по выборке подписей достаточно');
  });

  it('catches a line of the sample given a verdict it was never drawn for', async () => {
    const pages: EvidencePage[] = JSON.parse(JSON.stringify(await evidencePages(SAMPLED, cases.sampled)));
    const line = pages.flatMap((page) => page.signatureLines).find((l) => l.checked === false);
    if (line === undefined) throw new Error('a sample leaves lines unchecked');
    delete line.checked;
    line.valid = true;
    const verdict = verifyEvidence(pages);
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        code: 'SIGNATURE_CHECK_LINES_NOT_AS_POLICY',
        submissionId: line.submissionId,
      }),
    );
  });

  it('catches a full count rewritten as insufficient, with every hash made again to match', async () => {
    const pages = await evidencePages(COUNTED, cases.counted);
    const verdict = verifyEvidence(forged(pages, (note) => ({ ...note, sufficient: false, shortfall: 10 })));
    expect(verdict.firstBrokenLink).toBeNull();
    expect(verdict.problems.map((p) => p.code)).toEqual(['SIGNATURE_CHECK_VERDICT_DIFFERS']);
  });

  it('passes both packs as downloaded, each verdict what its lines give', async () => {
    const sampled = await evidencePages(SAMPLED, cases.sampled);
    const counted = await evidencePages(COUNTED, cases.counted);
    for (const pages of [sampled, counted]) {
      const verdict = verifyEvidence(pages);
      expect(verdict.problems).toEqual([]);
      expect(verdict.ok).toBe(true);
    }
    const notes = [sampled, counted].map((pages) =>
      VerdictSchema.parse(pages.flatMap((p) => p.events).find((e) => e.event === 'SignaturesVerified')?.note),
    );
    expect(notes.map((n) => [n.check.outcome, n.sufficient])).toEqual([
      ['sample-qualifies', true],
      ['counted-in-full', true],
    ]);
    expect(verifyAsFile(sampled, 'sample-whole.ndjson').code).toBe(0);
  });
});
