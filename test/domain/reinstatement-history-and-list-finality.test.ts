import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localize } from '../../shared/domain/error-catalogue.ts';
import {
  applyCaseEvent,
  decideStep,
  MAX_OVERTURNING_DECISIONS,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import {
  decisionFingerprint,
  type OverturningDecision,
  sameDecision,
} from '../../shared/domain/overturning-decision.ts';
import {
  isPublishedListFinal,
  publishedListChangesUntil,
} from '../../shared/domain/published-list-changes.ts';
import { cancelRegistration } from '../../shared/domain/registration-cancellation.ts';
import {
  ReinstatementAlreadyRecordedError,
  ReinstatementLimitReachedError,
  reinstate,
} from '../../shared/domain/reinstatement.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { messageProblems } from '../support/message-language.ts';

const election = anElection();
const tec = { role: 'commission', id: 'tec-clerk' } as const;
const party = { role: 'party', id: 'amanat-secretary' } as const;
const at = '2026-02-25T06:00:00.000Z';
const meta = { at, actor: tec };
const cancellation = { grounds: ['false-information'], reasons: 'The declaration omitted a property.' };
const ruling = (number: string): OverturningDecision => ({
  body: 'court',
  bodyName: 'Regional court',
  date: '2026-02-25',
  number,
});

function registeredCase(): NominationCase {
  const filed = openCase(
    aPartyFiling(),
    { caseId: 'case-1', electionId: election.electionId },
    { at: '2026-02-06T05:00:00.000Z', actor: party },
  );
  const m = { at: '2026-02-07T05:00:00.000Z', actor: party };
  const assessed = applyCaseEvent(
    applyCaseEvent(filed, { type: 'PartyConfirmed' }, m),
    { type: 'EligibilityAssessed' },
    m,
  );
  return decideStep(
    assessed,
    'registration-decision',
    { outcome: 'registered', details: {} },
    { type: 'RegistrationDecided', decision: 'register' },
    { at: '2026-02-10T06:00:00.000Z', actor: tec, note: {} },
  );
}

/** The case cancelled and reinstated once per ruling number, in order. */
function cycled(numbers: readonly string[]): NominationCase {
  let current = registeredCase();
  for (const number of numbers) {
    const cancelled = cancelRegistration(current, cancellation, election, meta);
    current = reinstate(cancelled, { decision: ruling(number), to: 'registered' }, election, meta);
  }
  return current;
}

describe('every overturning decision is remembered on the case', () => {
  const citation = fc.record({
    body: fc.constantFrom('court' as const, 'higher-commission' as const),
    bodyName: fc.constantFrom('Regional court', 'REGIONAL COURT', 'Abai regional court', 'Облыстық сот'),
    date: fc.constantFrom('2026-02-24', '2026-02-25'),
    number: fc.constantFrom('2-17/2026', '2-17/2026а', '2-17/2026А', '3-1/2026'),
  });

  it('gives two citations the same fingerprint exactly when they name the same decision', () => {
    fc.assert(
      fc.property(citation, citation, (a, b) => {
        expect(decisionFingerprint(a) === decisionFingerprint(b)).toBe(sameDecision(a, b));
      }),
    );
  });

  it('refuses any earlier decision again, however many reinstatements came after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 40 }), fc.nat(), (cycles, pick) => {
        const numbers = Array.from({ length: cycles }, (_, n) => `2-${n + 1}/2026`);
        const current = cycled(numbers);
        expect(current.reinstatements).toHaveLength(20);
        expect(current.overturnedBy).toHaveLength(cycles);
        const cancelled = cancelRegistration(current, cancellation, election, meta);
        const repeated = ruling(numbers[pick % cycles] ?? '');
        expect(() => reinstate(cancelled, { decision: repeated, to: 'registered' }, election, meta)).toThrow(
          ReinstatementAlreadyRecordedError,
        );
      }),
      { numRuns: 15 },
    );
  });

  it('refuses one decision beyond the bound, saying so in kk/ru/en, and changes nothing', () => {
    const current = cycled(['2-1/2026']);
    const full: NominationCase = {
      ...current,
      overturnedBy: Array.from({ length: MAX_OVERTURNING_DECISIONS }, (_, n) => ({
        fingerprint: n.toString(16).padStart(32, '0'),
        at,
      })),
    };
    const cancelled = cancelRegistration(full, cancellation, election, meta);
    expect(() =>
      reinstate(cancelled, { decision: ruling('9-9/2026'), to: 'registered' }, election, meta),
    ).toThrow(ReinstatementLimitReachedError);
    const text = localize('REINSTATEMENT_LIMIT_REACHED', { limit: MAX_OVERTURNING_DECISIONS });
    expect(messageProblems(text)).toEqual([]);
    expect(text.ru).toContain('1000 решений');
  });
});

describe('when the published list is final', () => {
  // Election day 15 March 2026, UTC+5: registration closes on 22 February, cancellations on 9 March (D−6),
  // reinstatements on 14 March (D−1), each at 18:00 local.
  const closed = { ...election, phase: 'RegistrationClosed' as const };

  it('is final from the last deadline that can change it: by default, reinstatements at D−1 18:00', () => {
    expect(publishedListChangesUntil(election)).toBe('2026-03-14T13:00:00.000Z');
    const lateCancellations = anElection(
      {},
      { cancellationClosesDaysBefore: 0, reinstatementClosesDaysBefore: 5 },
    );
    expect(publishedListChangesUntil(lateCancellations)).toBe('2026-03-14T13:00:00.000Z');
  });

  it('is never final before registration closed, and final after its last deadline exactly', () => {
    const until = Date.parse(publishedListChangesUntil(election));
    fc.assert(
      fc.property(fc.integer({ min: -40 * 86_400_000, max: 5 * 86_400_000 }), (offset) => {
        const now = new Date(until + offset).toISOString();
        expect(isPublishedListFinal(election, now)).toBe(false);
        expect(isPublishedListFinal(closed, now)).toBe(offset >= 0);
      }),
    );
  });
});
