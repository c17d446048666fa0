// Issue 12 attacked: a case cancelled and reinstated many times.
// DEFECT: the case keeps only its last 20 reinstatements, and "each decision once" is checked against those only.
import { expect, it } from 'vitest';
import {
  applyCaseEvent,
  decideStep,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import type { OverturningDecision } from '../../shared/domain/overturning-decision.ts';
import { cancelRegistration } from '../../shared/domain/registration-cancellation.ts';
import { ReinstatementAlreadyRecordedError, reinstate } from '../../shared/domain/reinstatement.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';

const election = anElection();
const tec = { role: 'commission', id: 'tec-clerk' } as const;
const party = { role: 'party', id: 'amanat-secretary' } as const;
const at = '2026-02-25T06:00:00.000Z';
const ruling = (n: number): OverturningDecision => ({
  body: 'court',
  bodyName: 'Regional court',
  date: '2026-02-25',
  number: `2-${n}/2026`,
});

function registeredCase(): NominationCase {
  const filed = openCase(
    aPartyFiling(),
    { caseId: 'case-1', electionId: election.electionId },
    { at: '2026-02-06T05:00:00.000Z', actor: party },
  );
  const meta = { at: '2026-02-07T05:00:00.000Z', actor: party };
  const assessed = applyCaseEvent(
    applyCaseEvent(filed, { type: 'PartyConfirmed' }, meta),
    { type: 'EligibilityAssessed' },
    meta,
  );
  return decideStep(
    assessed,
    'registration-decision',
    { outcome: 'registered', details: {} },
    { type: 'RegistrationDecided', decision: 'register' },
    { at: '2026-02-10T06:00:00.000Z', actor: tec, note: {} },
  );
}

/*
 * WRONG: reinstatement.ts keeps `[...reinstatements, record].slice(-MAX_REINSTATEMENTS)` (20) and looks for a
 * repeat of the decision only in what is kept. After 21 cancellations and reinstatements, the first court
 * decision can be recorded again as if new: the README's "each decision once" (REINSTATEMENT_ALREADY_RECORDED)
 * no longer holds, and the case silently forgets which decisions overturned it (the trail still has them).
 * SHOULD: a decision already recorded on the case is refused however many came after it (the ids of every
 * decision are kept, or the count of reinstatements is bounded and refused beyond the bound, saying so).
 */
it('refuses a court decision recorded before, even after 21 cancellations and reinstatements', () => {
  const meta = { at, actor: tec };
  const cancellation = { grounds: ['false-information'], reasons: 'The declaration omitted a property.' };
  let current = registeredCase();
  for (let n = 1; n <= 21; n += 1) {
    const cancelled = cancelRegistration(current, cancellation, election, meta);
    current = reinstate(cancelled, { decision: ruling(n), to: 'registered' }, election, meta);
  }
  const cancelledAgain = cancelRegistration(current, cancellation, election, meta);
  expect(() => reinstate(cancelledAgain, { decision: ruling(1), to: 'registered' }, election, meta)).toThrow(
    ReinstatementAlreadyRecordedError,
  );
});
