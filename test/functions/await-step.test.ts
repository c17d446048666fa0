import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFromFacts } from '../../functions/support/await-step.ts';
import { electionFactsOf } from '../../functions/support/workflow-inputs.ts';
import { waitDeadline } from '../../shared/domain/deadlines.ts';
import { waitingSteps } from '../../shared/domain/election-calendar.ts';
import { anElection } from '../support/elections.ts';

const election = anElection();
const opened = Date.parse('2026-02-05T00:00:00.000Z');
const plannedClose = Date.parse(election.calendar.nominationClosesAt);
const extendedClose = Date.parse(election.calendar.extendedNominationClosesAt);

describe('a wait’s deadline from the facts its execution carries', () => {
  it('is the deadline the election gives, extended or not, for a case filed before the planned close', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...waitingSteps),
        fc.integer({ min: opened, max: plannedClose - 1 }),
        fc.boolean(),
        (step, filed, extended) => {
          const filedAt = new Date(filed).toISOString();
          const stored = { ...election, nominationExtended: extended };
          expect(deadlineFromFacts(step, electionFactsOf(election), filedAt)).toBe(
            waitDeadline(step, stored, { filedAt }),
          );
        },
      ),
    );
  });

  it('is not known from the facts for a case filed at or after the planned close: the extension may move it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...waitingSteps),
        fc.integer({ min: plannedClose, max: extendedClose }),
        (step, filed) => {
          const filedAt = new Date(filed).toISOString();
          expect(deadlineFromFacts(step, electionFactsOf(election), filedAt)).toBeNull();
        },
      ),
    );
  });
});
