// Issue 12 attacked: a reinstatement racing the party's new nomination for the slot the refusal freed.
// DEFECT: both win, and the party has two live nominees in one election.
import { expect, it } from 'vitest';
import * as reinstateCase from '../../functions/reinstate-case.ts';
import { isLive } from '../../shared/domain/case-lifecycle.ts';
import type { NominationCase } from '../../shared/domain/nomination-case.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, partyCaller, startTestEngine } from '../support/engine.ts';
import { electionId, wrap } from '../support/hostile.ts';

const refusal = { decision: 'refuse', grounds: ['documents-incomplete'], reasons: 'No service record.' };

/*
 * WRONG: reinstate-case.ts claims the slot (`reclaimSlot`) and only then writes the case back into the race
 * (`cases.update`). Between the two, the case is still Refused, so a filing by the same party finds the slot's
 * holder "no longer live" (case-repository.ts `#takeOverSlotIfFree`) and takes the slot over; the reinstatement
 * then writes the case Registered without looking at the slot again. One live nominee per party (nomination.ts,
 * [P]) is broken, and the roll names only the newcomer, so the reinstated candidate holds no slot at all.
 * SHOULD: one of the two is refused: the filing (PARTY_NOMINEE_EXISTS, the slot is the reinstated case's) or the
 * reinstatement (PARTY_NOMINEE_EXISTS, as when the filing came first), and the party keeps one live nominee.
 */
it('never leaves a party two live nominees when its new filing races the reinstatement of its refused one', async () => {
  const t = await startTestEngine();
  await t.operations.createElection(commission, {}, newElectionInput());
  const partyId = 'amanat';
  const party = partyCaller(partyId);
  const { caseId: refused } = await t.operations.fileNomination(
    party,
    { electionId },
    aPartyFiling(partyId, 1),
  );
  await t.operations.confirmPartyNomination(party, { electionId, caseId: refused }, { decision: 'confirm' });
  await t.operations.decideRegistration(commission, { electionId, caseId: refused }, refusal);
  await t.settled();

  // The party files its new nominee at the moment the commission records the court's decision: after the
  // reinstatement claimed the slot, before it wrote the case.
  const filings: Promise<unknown>[] = [];
  const cases = wrap(t.deps.cases, {
    reclaimSlot: async (c: NominationCase, now: string) => {
      await t.deps.cases.reclaimSlot(c, now);
      const filing = t.operations.fileNomination(party, { electionId }, aPartyFiling(partyId, 2));
      filings.push(filing.catch((error: unknown) => error));
      await filings[0];
    },
  });
  const reinstated = await reinstateCase
    .createHandler({ ...t.deps, cases })({
      caller: commission,
      params: { electionId, caseId: refused },
      body: {
        decision: { body: 'court', bodyName: 'District court', date: '2026-02-05', number: '2-17/2026' },
        to: 'registered',
      },
    })
    .catch((error: unknown) => error);
  await Promise.all(filings);
  await t.settled();

  const { cases: all } = await t.deps.cases.listByElection(electionId);
  const liveOfParty = all.filter((c) => c.slot?.includes(partyId) === true && isLive(c.status));
  expect(
    liveOfParty.map((c) => c.status),
    `reinstatement answered ${reinstated instanceof Error ? reinstated.name : 'ok'}`,
  ).toHaveLength(1);
});
