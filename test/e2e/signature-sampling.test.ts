// Sample-based checking of signature sheets (issue 12, item 5), over HTTP against the engine as `npm start` runs
// it: a sample that qualifies, one that fails and cannot be drawn again, one between the bands counted in full,
// a job drawing over its whole submission, and each verdict recomputed from what the commission can download.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { EvidencePageSchema } from '../../shared/domain/evidence-pack.ts';
import { verifyEvidence } from '../../shared/domain/evidence-verification.ts';
import { recomputeCheck } from '../../shared/domain/signature-check-audit.ts';
import {
  type RecordedSignatureLine,
  SubmissionNoteSchema,
  SubmissionVerdictSchema,
  submissionIdOf,
} from '../../shared/domain/signature-record.ts';
import {
  drawSample,
  inSheetOrder,
  SignatureCheckSchema,
  sampleSeed,
  unpackDrawn,
} from '../../shared/domain/signature-sampling.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { keys } from '../../shared/storage/keys.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { AcceptedSchema, pollJob } from '../support/jobs-over-http.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
/** A sample of 40 lines whatever the submission's size; California's bands (≥ 110% qualifies, < 95% fails). */
const POLICY = { method: 'sample', sharePercent: 0, minimumLines: 40 } as const;
/** 15,000 voters: 150 signatures required. */
const VOTERS = 15_000;

const CaseSchema = z.object({ caseId: z.string(), status: z.string() });
const VerdictSchema = SubmissionVerdictSchema.extend({
  rejected: z.array(
    z.object({
      sheet: z.int(),
      line: z.int(),
      reason: z.string(),
      firstCounted: z.object({ sheet: z.int(), line: z.int(), submissionId: z.string() }).optional(),
    }),
  ),
});

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;
let dataDir: string;
/** The election's sampling key, read from the engine's table as the commission (or a court it gives it to) can. */
let samplingKey: string;

async function storedSamplingKey(): Promise<string> {
  const socket = readdirSync(dataDir).find((name) => name.endsWith('.sock'));
  if (socket === undefined) throw new Error('no storage socket');
  const storage = createDocumentClient({ endpoint: `unix:${join(dataDir, socket)}` });
  const { Item } = await storage.send(
    new GetCommand({ TableName: 'akim-nominations', Key: keys.election(E) }),
  );
  return z.object({ samplingKey: z.string() }).parse(Item).samplingKey;
}

/** A self-nominee's case, its caller, its sheets (drawn from voters `offset` on) and the lines a sample draws. */
interface Candidate {
  readonly caller: Caller;
  readonly caseId: string;
  readonly lines: readonly SignatureLine[];
  readonly drawn: ReadonlySet<number>;
}
const candidates: Record<'qualifies' | 'fails' | 'between' | 'job' | 'redraw', Candidate> = {} as never;

async function fileCandidate(serial: number, offset: number, count: number): Promise<Candidate> {
  const filing = aSelfFiling(serial);
  const caller = candidateCaller(filing.candidate.iin);
  const { caseId } = CaseSchema.parse((await api(caller, 'POST', `/elections/${E}/cases`, filing)).body);
  const lines = inSheetOrder(linesFrom(voterRows(count, offset)));
  // The seed is keyed by the election's sampling key: the test, holding it, knows the draw before it builds the
  // register (a candidate, who does not, cannot).
  const drawn = new Set(drawSample(sampleSeed(submissionIdOf(caseId, lines), samplingKey), lines.length, 40));
  return { caller, caseId, lines, drawn };
}

/** Every page of a case's evidence pack, as the commission downloads it. */
async function evidencePages(caseId: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query: string = cursor === '' ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const body = (await api(commission, 'GET', `/elections/${E}/cases/${caseId}/evidence${query}`)).body;
    pages.push(body);
    cursor = EvidencePageSchema.parse(body).next;
  }
  return pages;
}

/** Every recorded line of a case, through its evidence pack. */
async function evidenceLines(caseId: string): Promise<RecordedSignatureLine[]> {
  return (await evidencePages(caseId)).flatMap((page) => EvidencePageSchema.parse(page).signatureLines);
}

const submit = (
  c: Candidate,
  lines: readonly SignatureLine[] = c.lines,
  headers: Record<string, string> = {},
) => api(c.caller, 'POST', `/elections/${E}/cases/${c.caseId}/signatures`, { lines }, headers);

/**
 * The verdict recomputed from the evidence pack alone, as a court would: the submission's lines and the
 * SignaturesVerified event that noted its count, threshold and check.
 */
async function recomputed(c: Candidate) {
  const submissionId = submissionIdOf(c.caseId, c.lines);
  const pages = (await evidencePages(c.caseId)).map((page) => EvidencePageSchema.parse(page));
  const lines = pages.flatMap((page) => page.signatureLines).filter((l) => l.submissionId === submissionId);
  const notes = pages
    .flatMap((page) => page.events)
    .map((event) => SubmissionNoteSchema.safeParse(event.note))
    .flatMap((note) => (note.success && note.data.submissionId === submissionId ? [note.data] : []));
  expect(notes).toHaveLength(1);
  const [note] = notes;
  if (note?.required === undefined || note.sufficient === undefined)
    throw new Error('the note names its verdict');
  const stored = {
    ...note,
    required: note.required,
    sufficient: note.sufficient,
    check: SignatureCheckSchema.parse(note.check),
  };
  // With the key (the commission, a court) the seed is checked too; without it (the pack alone), the draw.
  const audit = recomputeCheck(c.caseId, stored, lines, samplingKey);
  expect(recomputeCheck(c.caseId, stored, lines)).toEqual(audit);
  return { audit, lines };
}

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  const created = await api(
    commission,
    'POST',
    '/elections',
    newElectionInput({}, { signatureCheckPolicy: POLICY }),
  );
  expect(created.status).toBe(201);
  samplingKey = await storedSamplingKey();
  candidates.qualifies = await fileCandidate(31, 20_000, 400);
  candidates.fails = await fileCandidate(32, 21_000, 400);
  candidates.between = await fileCandidate(33, 22_000, 400);
  candidates.job = await fileCandidate(34, 23_000, 2_400);
  candidates.redraw = await fileCandidate(35, 26_000, 400);
  // Who is on the register decides each sample: all of the first, 10 of 40 drawn of the second (100 projected,
  // under 95% of 150), 15 of 40 drawn of the third (150 projected: between the bands) and all its others.
  // The fifth: 10 of 40 drawn, and every line the sample leaves unchecked would be valid.
  const { qualifies, fails, between, job, redraw } = candidates;
  const listed = [
    ...qualifies.lines,
    ...fails.lines.filter((_, i) => fails.drawn.has(i)).slice(0, 10),
    ...between.lines.filter((_, i) => between.drawn.has(i)).slice(0, 15),
    ...between.lines.filter((_, i) => !between.drawn.has(i)),
    ...job.lines,
    ...redraw.lines.filter((_, i) => redraw.drawn.has(i)).slice(0, 10),
    ...redraw.lines.filter((_, i) => !redraw.drawn.has(i)),
  ];
  const signers = listed.map(({ iin, fullName, birthDate, address }) => ({
    iin,
    fullName,
    birthDate,
    address,
  }));
  const register = [...signers, ...voterRows(VOTERS - signers.length, 0)];
  const imported = await api(commission, 'POST', `/elections/${E}/voter-register`, {
    source: 'list',
    voters: register,
  });
  expect(imported.status, JSON.stringify(imported.body).slice(0, 600)).toBeLessThan(300);
}, 240_000);
afterAll(() => engine.kill('SIGTERM'));

describe('sample-based signature checking over HTTP', { timeout: 240_000 }, () => {
  it('refuses a sample policy that draws no line, in three languages, and calls no election', async () => {
    const refused = await api(
      commission,
      'POST',
      '/elections',
      newElectionInput(
        { electionDay: '2026-03-22' },
        { signatureCheckPolicy: { ...POLICY, minimumLines: 0 } },
      ),
      { 'accept-language': 'ru' },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('SIGNATURE_SAMPLE_EMPTY');
    expect(JSON.stringify(refused.body)).toContain('выборочной проверки');
    expect((await api(commission, 'GET', '/elections/195230100-2026-03-22')).status).toBe(404);
  });

  it('reports the policy in the election’s rules as configured, with its basis', async () => {
    const body = JSON.stringify((await api(commission, 'GET', `/elections/${E}`)).body);
    expect(body).toContain('signatureCheckPolicy');
    expect(body).toMatch(/"method":"sample"[^}]*"version":1/);
  });

  it('shows the commitment to the election’s sampling key to everyone, and the key to no one', async () => {
    const expected = createHash('sha256').update(Buffer.from(samplingKey, 'hex')).digest('hex');
    for (const caller of [commission, candidates.qualifies.caller]) {
      const view = (await api(caller, 'GET', `/elections/${E}`)).body as Record<string, unknown>;
      expect(view.samplingKeyCommitment).toBe(expected);
      expect(JSON.stringify(view)).not.toContain(samplingKey);
    }
    // Made at the call, random: another election's key is another.
    const other = await api(
      commission,
      'POST',
      '/elections',
      newElectionInput({ electionDay: '2026-03-29' }),
    );
    expect(other.status).toBe(201);
    const otherCommitment = (other.body as Record<string, unknown>).samplingKeyCommitment;
    expect(otherCommitment).toMatch(/^[0-9a-f]{64}$/);
    expect(otherCommitment).not.toBe(expected);
  });

  it('qualifies by projection: counts only the drawn lines, leaves the rest unchecked, and says so', async () => {
    const c = candidates.qualifies;
    const answer = await submit(c, [...c.lines].reverse(), { 'idempotency-key': randomUUID() });
    expect(answer.status).toBe(200);
    const verdict = VerdictSchema.parse(answer.body);
    expect(verdict).toMatchObject({
      validCount: 40,
      required: 150,
      sufficient: true,
      shortfall: 0,
      notChecked: 360,
      rejected: [],
      check: { outcome: 'sample-qualifies', sample: { size: 40, validInSample: 40, projectedValid: 400 } },
    });
    // The lines drawn are those the key and the content give, whatever order the sheets came in.
    expect(unpackDrawn(verdict.check?.sample?.drawn ?? '')).toEqual([...c.drawn]);
    expect(verdict.check?.sample?.seedFrom).toBe('sampling-key');
    const { audit, lines } = await recomputed(c);
    expect(audit.problems).toEqual([]);
    expect(audit.check).toEqual(verdict.check);
    expect(lines.filter((l) => l.checked === false)).toHaveLength(360);
    expect(lines.filter((l) => l.valid)).toHaveLength(40);
    // The pack with its unchecked lines still proves itself offline.
    expect(verifyEvidence(await evidencePages(c.caseId)).problems).toEqual([]);
    const status = CaseSchema.parse((await api(commission, 'GET', `/elections/${E}/cases/${c.caseId}`)).body);
    expect(['CheckingEligibility', 'AwaitingRegistrationDecision']).toContain(status.status);
    // The trail commits the seed.
    expect(
      JSON.stringify((await api(commission, 'GET', `/elections/${E}/cases/${c.caseId}/timeline`)).body),
    ).toContain(verdict.check?.sample?.seed ?? 'no seed');
    // The same sheets again: the first verdict, the same lines drawn, nothing counted twice.
    const again = VerdictSchema.parse((await submit(c)).body);
    expect(again).toEqual(verdict);
  });

  it('fails by projection, and sheets sent again edited to draw anew count nothing', async () => {
    const c = candidates.fails;
    const verdict = VerdictSchema.parse((await submit(c)).body);
    expect(verdict).toMatchObject({
      validCount: 10,
      sufficient: false,
      shortfall: 140,
      notChecked: 360,
      reasons: { SIGNER_NOT_ON_REGISTER: 30 },
      check: { outcome: 'sample-fails', sample: { validInSample: 10, projectedValid: 100, band: 'fails' } },
    });
    expect((await recomputed(c)).audit.problems).toEqual([]);
    // Another content is another seed, but every place on these sheets is taken by the recorded submission.
    const edited = c.lines.map((l, i) => (i === 0 ? { ...l, collector: 'Another collector' } : l));
    const redraw = await submit(c, edited);
    expect(redraw.status).toBe(200);
    expect(VerdictSchema.parse(redraw.body)).toMatchObject({
      validCount: 10,
      sufficient: false,
      reasons: { DUPLICATE_LINE: expect.any(Number) },
    });
    const status = CaseSchema.parse((await api(commission, 'GET', `/elections/${E}/cases/${c.caseId}`)).body);
    expect(status.status).toBe('AwaitingSignatures');
  });

  it('does not draw a failed sample’s unchecked signers again from renumbered sheets', async () => {
    const c = candidates.redraw;
    const first = VerdictSchema.parse((await submit(c)).body);
    expect(first).toMatchObject({ validCount: 10, notChecked: 360, check: { outcome: 'sample-fails' } });
    // The 360 signers left unchecked, all on the register, sent again on sheets 101 on: another submission and
    // another draw, but each drawn line repeats a signer the case handed in before, and says where.
    const firstId = submissionIdOf(c.caseId, c.lines);
    const unchecked = c.lines.filter((_, i) => !c.drawn.has(i));
    const renumbered = unchecked.map((l) => ({ ...l, sheet: l.sheet + 100 }));
    const resent = VerdictSchema.parse((await submit(c, renumbered)).body);
    expect(resent).toMatchObject({ validCount: 10, sufficient: false, reasons: { DUPLICATE_SIGNER: 40 } });
    expect(resent.rejected).toHaveLength(40);
    for (const line of resent.rejected) {
      expect(line).toEqual({
        sheet: line.sheet,
        line: line.line,
        reason: 'DUPLICATE_SIGNER',
        firstCounted: { submissionId: firstId, sheet: line.sheet - 100, line: line.line },
      });
    }
    const status = CaseSchema.parse((await api(commission, 'GET', `/elections/${E}/cases/${c.caseId}`)).body);
    expect(status.status).toBe('AwaitingSignatures');
  });

  it('counts every line when the projection falls between the bands', async () => {
    const c = candidates.between;
    const verdict = VerdictSchema.parse((await submit(c)).body);
    expect(verdict).toMatchObject({
      validCount: 375,
      sufficient: true,
      notChecked: 0,
      check: {
        outcome: 'counted-in-full',
        sample: { validInSample: 15, projectedValid: 150, band: 'between' },
      },
    });
    const { audit, lines } = await recomputed(c);
    expect(audit.problems).toEqual([]);
    expect(lines.every((l) => l.checked === undefined)).toBe(true);
  });

  it('draws over the whole submission in a job of three chunks, as a request would', async () => {
    const c = candidates.job;
    const started = await submit(c, c.lines, { 'idempotency-key': randomUUID() });
    expect(started.status).toBe(202);
    const seen = await pollJob(api, c.caller, AcceptedSchema.parse(started.body).location);
    expect(seen.at(-1)).toMatchObject({
      state: 'succeeded',
      result: { validCount: 40, sufficient: true, notChecked: 2_360, check: { outcome: 'sample-qualifies' } },
    });
    const lines = inSheetOrder(await evidenceLines(c.caseId));
    const checked = lines.flatMap((l, i) => (l.checked === false ? [] : [i]));
    expect(checked).toEqual([...c.drawn]);
    // Chunks are 1,000 lines: the draw reaches into all three.
    expect(new Set(checked.map((i) => Math.floor(i / 1_000))).size).toBe(3);
  });
});
