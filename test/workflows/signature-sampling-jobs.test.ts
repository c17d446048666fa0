// Sample-based checking against the ledger (issue 12, item 5), run by the local engine with the real handlers: in
// a chunked job a sample is drawn over the whole submission, survives steps done again after a crash, and calls
// for a full count when it falls between the bands; a count that stops at the minimum stops across chunks; and a
// line nobody checked never holds a voter's support.
import { describe, expect, it } from 'vitest';
import * as getJob from '../../functions/get-job.ts';
import { isJobAnswer } from '../../functions/jobs/start-job.ts';
import * as runJobStep from '../../functions/run-job-step.ts';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import type { Dependencies } from '../../functions/support/dependencies.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import { samplingKeyFor } from '../../functions/support/sampling-key.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import type { ElectionRulesInput } from '../../shared/domain/election-rules.ts';
import { recomputeCheck } from '../../shared/domain/signature-check-audit.ts';
import { type CountedSubmission, submissionIdOf } from '../../shared/domain/signature-record.ts';
import { drawSample, inSheetOrder, sampleSeed, unpackDrawn } from '../../shared/domain/signature-sampling.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { candidateCaller, startTestEngine } from '../support/engine.ts';
import { electionId, selfNominee, wrap } from '../support/hostile.ts';
import { linesFrom, voterRows } from '../support/signers.ts';

/** A bulk request as the HTTP layer hands it over: the parsed body, and its bytes for a job. */
function bulk(caller: Caller, params: Record<string, string>, body: unknown): OperationRequest {
  return {
    caller,
    params,
    body,
    file: { bytes: Buffer.from(JSON.stringify(body)), contentType: 'application/json' },
  };
}

/**
 * An engine whose RunJobStep loses the checkpoint of each chunk once, after the chunk's work is done (the
 * process died before recording it): the retry does the same chunk again.
 */
async function engineLosingCheckpoints(rules: ElectionRulesInput) {
  let deps: Dependencies | undefined;
  const lost = new Set<string>();
  const t = await startTestEngine({
    wrapFunctions: (fns) => ({
      ...fns,
      RunJobStep: async (payload) => {
        if (deps === undefined) throw new Error('the engine is not started yet');
        const real = deps.jobs;
        const jobs = wrap(real, {
          record: async (...[seen, next]: Parameters<typeof real.record>) => {
            const step = `${seen.checkAll === true}/${seen.nextChunk}`;
            if (seen.chunks !== null && next.nextChunk > seen.nextChunk && !lost.has(step)) {
              lost.add(step);
              throw new Error('the process died before the checkpoint was recorded');
            }
            return real.record(seen, next);
          },
        });
        return runJobStep.createHandler({ ...deps, jobs })(payload);
      },
    }),
  });
  deps = t.deps;
  const nominee = await selfNominee(20_000, rules, t);
  return { ...nominee, lost };
}

async function runJob(
  t: Awaited<ReturnType<typeof startTestEngine>>,
  caller: Caller,
  caseId: string,
  lines: SignatureLine[],
) {
  const answer = await submitSignatures.createHandler(t.deps)(
    bulk(caller, { electionId, caseId }, { lines }),
  );
  if (!isJobAnswer(answer)) throw new Error('expected a job');
  await t.settled();
  return getJob.createHandler(t.deps)({ caller, params: { electionId, jobId: answer.job.jobId }, body: {} });
}

/** A counted submission's verdict as the recomputation reads it. */
const kept = (submission: CountedSubmission) => ({
  submissionId: submission.submissionId,
  ...submission.verdict,
});

describe('sampling in chunked jobs and on the ledger', { timeout: 180_000 }, () => {
  it('checks every line of a job whose sample falls between the bands, each chunk done twice, counting once', async () => {
    // 20,000 voters need 200; half of 2,400 lines are signed by voters not on the register. Bands of 100% and
    // 1,000% put any projection of these sheets (about 1,200) between them.
    const policy = {
      method: 'sample',
      sharePercent: 0,
      minimumLines: 40,
      qualifyAtPercent: 1000,
      failBelowPercent: 100,
    } as const;
    const { t, voters, caller, caseId, lost } = await engineLosingCheckpoints({
      signatureCheckPolicy: policy,
    });
    const lines = [
      ...linesFrom(voters.slice(0, 1_200)),
      ...linesFrom(voterRows(1_200, 50_000), '2026-02-08', 61),
    ];
    const job = await runJob(t, caller, caseId, lines);
    // Three chunks drawn, then three counted whole: each one's checkpoint lost once.
    expect(lost.size).toBe(6);
    expect(job).toMatchObject({
      state: 'succeeded',
      result: {
        validCount: 1_200,
        sufficient: true,
        notChecked: 0,
        check: { outcome: 'counted-in-full', sample: { size: 40, band: 'between' } },
      },
    });
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(1_200);
    const { events } = await t.deps.cases.withTrail(electionId, caseId);
    expect(events.filter((e) => e.event === 'SignaturesVerified')).toHaveLength(1);

    const submissionId = submissionIdOf(caseId, lines);
    const [record, recorded] = await Promise.all([
      t.deps.signatures.submissions.find(caseId, submissionId),
      t.deps.signatures.linesOfSubmission(caseId, submissionId),
    ]);
    if (record?.state !== 'counted') throw new Error('the submission is counted');
    const { samplingKey } = await t.deps.elections.get(electionId);
    const drawn = drawSample(sampleSeed(submissionId, samplingKey), 2_400, 40);
    expect(unpackDrawn(record.verdict.check?.sample?.drawn ?? '')).toEqual(drawn);
    expect(recorded.filter((l) => l.checked === false)).toEqual([]);
    expect(recorded.filter((l) => !l.valid).map((l) => l.reason)).toEqual(
      new Array(1_200).fill('SIGNER_NOT_ON_REGISTER'),
    );
    expect(recomputeCheck(caseId, kept(record), recorded, samplingKey).problems).toEqual([]);
  });

  it('stops a job at the line that verifies the minimum, leaving the later chunks unchecked', async () => {
    const { t, voters, caller, caseId } = await selfNominee(
      20_000,
      { signatureCheckPolicy: { method: 'until-minimum' } },
      await startTestEngine(),
    );
    // 200 required; the third line is signed after nomination closed, so the 201st line verifies the minimum.
    const lines = linesFrom(voters.slice(0, 2_400)).map((l, i) =>
      i === 2 ? { ...l, signedOn: '2026-03-01' } : l,
    );
    const job = await runJob(t, caller, caseId, lines);
    expect(job).toMatchObject({
      state: 'succeeded',
      result: {
        validCount: 200,
        sufficient: true,
        notChecked: 2_199,
        check: { outcome: 'minimum-verified' },
      },
    });
    const recorded = inSheetOrder(await t.deps.signatures.listLines(caseId));
    const checked = recorded.flatMap((l, i) => (l.checked === false ? [] : [i]));
    expect(checked).toEqual(Array.from({ length: 201 }, (_, i) => i));
    expect(await t.deps.signatures.ledger.countOf(caseId)).toBe(200);
    const submissionId = submissionIdOf(caseId, lines);
    const record = await t.deps.signatures.submissions.find(caseId, submissionId);
    if (record?.state !== 'counted') throw new Error('the submission is counted');
    expect(recomputeCheck(caseId, kept(record), recorded).problems).toEqual([]);
  });
  it('gives an election called before sampling keys one key at its first draw, the same to racing requests', async () => {
    const policy = { method: 'sample', sharePercent: 0, minimumLines: 40 } as const;
    const { t, voters, caller, caseId } = await selfNominee(
      20_000,
      { signatureCheckPolicy: policy },
      await startTestEngine(),
    );
    await t.deps.elections.update(electionId, (e) => ({ ...e, samplingKey: null }));
    const legacy = await t.deps.elections.get(electionId);
    const raced = await Promise.all([samplingKeyFor(t.deps, legacy), samplingKeyFor(t.deps, legacy)]);
    const { samplingKey } = await t.deps.elections.get(electionId);
    expect(samplingKey).toMatch(/^[0-9a-f]{64}$/);
    expect(raced).toEqual([samplingKey, samplingKey]);

    // Kept from then on: the next draw is seeded by it.
    const lines = linesFrom(voters.slice(0, 400));
    const verdict = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines });
    expect(verdict).toMatchObject({
      check: {
        sample: { seed: sampleSeed(submissionIdOf(caseId, lines), samplingKey), seedFrom: 'sampling-key' },
      },
    });
    expect((await t.deps.elections.get(electionId)).samplingKey).toBe(samplingKey);
  });

  it('keeps a voter on an undrawn line free to support another candidate where only one may be supported', async () => {
    const policy = { method: 'sample', sharePercent: 0, minimumLines: 40 } as const;
    const { t, voters, caller, caseId } = await selfNominee(
      20_000,
      { signatureCheckPolicy: policy, multipleSupportAllowed: false },
      await startTestEngine(),
    );
    const lines = linesFrom(voters.slice(0, 400));
    const first = await t.operations.submitSignatures(caller, { electionId, caseId }, { lines });
    expect(first).toMatchObject({ validCount: 40, sufficient: true, check: { outcome: 'sample-qualifies' } });
    const { samplingKey } = await t.deps.elections.get(electionId);
    const drawn = new Set(drawSample(sampleSeed(submissionIdOf(caseId, lines), samplingKey), 400, 40));
    const undrawn = lines.find((_, i) => !drawn.has(i));
    const drawnLine = lines.find((_, i) => drawn.has(i));
    if (undrawn === undefined || drawnLine === undefined) throw new Error('a sample of 40 of 400');

    const rival = aSelfFiling(2);
    const rivalCaller = candidateCaller(rival.candidate.iin);
    const { caseId: rivalCase } = (await t.operations.fileNomination(rivalCaller, { electionId }, rival)) as {
      caseId: string;
    };
    const rivalLines = [
      { ...undrawn, sheet: 1, line: 1 },
      { ...drawnLine, sheet: 1, line: 2 },
    ];
    const verdict = await t.operations.submitSignatures(
      rivalCaller,
      { electionId, caseId: rivalCase },
      { lines: rivalLines },
    );
    // The verified signer stays the first candidate's; the one nobody checked was never held.
    expect(verdict).toMatchObject({
      validCount: 1,
      rejected: [{ sheet: 1, line: 2, reason: 'SUPPORTS_ANOTHER_CANDIDATE' }],
    });
  });
});
