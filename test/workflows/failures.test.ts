import { describe, expect, it, vi } from 'vitest';
import type { LocalFunction } from '../../infra/local/local-workflows.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, partyCaller, startTestEngine } from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { withoutIds } from '../support/without-ids.ts';

const electionId = '195230100-2026-03-15';

/** A handler that fails `times` times with an error named `name`, then behaves. */
function failing(fn: LocalFunction | undefined, name: string, times: number): LocalFunction {
  let failures = 0;
  return async (payload) => {
    if (failures < times) {
      failures += 1;
      throw Object.assign(new Error(`injected ${name}`), { name });
    }
    if (fn === undefined) throw new Error('no such handler');
    return fn(payload);
  };
}

describe('workflow failures', () => {
  it('retries a transient storage error with backoff and carries on', async () => {
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({
        ...fns,
        CheckEligibility: failing(fns.CheckEligibility, 'ProvisionedThroughputExceededException', 2),
      }),
    });
    await t.operations.createElection(commission, {}, newElectionInput());
    const { caseId } = await t.operations.fileNomination(
      partyCaller('amanat'),
      { electionId },
      aPartyFiling('amanat', 1),
    );
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );

    expect((await t.deps.cases.get(electionId, caseId)).status).toBe('AwaitingRegistrationDecision');
    const retried = t.engine.workflows
      .execution('nomination-case', caseId)
      ?.history.filter((e) => e.type === 'StateRetried');
    expect(retried?.map((e) => e.state)).toEqual(['CheckEligibility', 'CheckEligibility']);
  });

  it('records a failure it cannot retry away on the case, and ends the execution as failed', async () => {
    const t = await startTestEngine({
      wrapFunctions: (fns) => ({
        ...fns,
        CheckEligibility: failing(fns.CheckEligibility, 'ValidationError', 1),
      }),
    });
    await t.operations.createElection(commission, {}, newElectionInput());
    const { caseId } = await t.operations.fileNomination(
      partyCaller('amanat'),
      { electionId },
      aPartyFiling('amanat', 2),
    );
    await t.operations.confirmPartyNomination(
      partyCaller('amanat'),
      { electionId, caseId },
      { decision: 'confirm' },
    );

    const failed = await t.deps.cases.get(electionId, caseId);
    expect(failed.findings.workflowFailure).toMatchObject({
      error: 'ValidationError',
      cause: 'injected ValidationError',
    });
    expect(t.engine.workflows.execution('nomination-case', caseId)).toMatchObject({
      status: 'FAILED',
      currentState: 'CaseWorkflowFailed',
    });
  });

  it('writes structured logs without a single IIN in them', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const t = await startTestEngine({ logLevel: 'DEBUG' });
      await t.operations.createElection(commission, {}, newElectionInput());
      const voters = voterRows(300);
      await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
      const filing = aSelfFiling(3);
      const { caseId } = await t.operations.fileNomination(
        candidateCaller(filing.candidate.iin),
        { electionId },
        filing,
      );
      await t.operations.submitSignatures(
        commission,
        { electionId, caseId },
        { lines: linesFrom(voters.slice(0, 3)) },
      );
    } finally {
      spy.mockRestore();
    }
    const logs = written.join('');
    expect(logs).toContain('signatures verified');
    expect(withoutIds(logs)).not.toMatch(/\d{12}/);
  });
});
