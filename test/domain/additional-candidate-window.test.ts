import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { additionalCandidateWindow } from '../../shared/domain/additional-candidate-window.ts';
import type { Election } from '../../shared/domain/election.ts';
import { electionPhases } from '../../shared/domain/election-phases.ts';
import { electionViewAt } from '../../shared/domain/election-view.ts';
import { checkFilingAllowed } from '../../shared/domain/nomination.ts';
import { anAkimatFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { fixtureCalendar } from '../support/engine.ts';
import { messageProblems } from '../support/message-language.ts';

const election = anElection();
const { nominationClosesAt, extendedNominationClosesAt, additionalCandidateClosesAt } = election.calendar;
const justBefore = (instant: string) => new Date(Date.parse(instant) - 1).toISOString();
const inWindow: Election = {
  ...election,
  phase: 'AdditionalCandidateWindow',
  nominationExtended: true,
  nominationsAtClose: 0,
};

describe('the district akim’s window for an additional candidate (CLE 113-3 p.6)', () => {
  it('is not yet open during nomination, and can open at the earliest at the extended close', () => {
    expect(additionalCandidateWindow(election, fixtureCalendar.nominationOpen)).toMatchObject({
      state: 'not-yet-open',
      opensAt: extendedNominationClosesAt,
      nominationsAtClose: null,
    });
    // Without an extension a close that counts 0 or 1 opens it at once.
    const noExtension = anElection({}, { extensionDays: 0 });
    expect(additionalCandidateWindow(noExtension, fixtureCalendar.nominationOpen)).toMatchObject({
      state: 'not-yet-open',
      opensAt: noExtension.calendar.nominationClosesAt,
    });
    // Past the planned close, before the engine's step has run: still the engine's phase that decides.
    expect(additionalCandidateWindow(election, nominationClosesAt).state).toBe('not-yet-open');
  });

  it('is open from the close that counted 0 or 1 until its end, then closed', () => {
    expect(additionalCandidateWindow(inWindow, extendedNominationClosesAt)).toMatchObject({
      state: 'open',
      opensAt: extendedNominationClosesAt,
      closesAt: additionalCandidateClosesAt,
      nominationsAtClose: 0,
    });
    expect(additionalCandidateWindow(inWindow, justBefore(additionalCandidateClosesAt)).state).toBe('open');
    expect(additionalCandidateWindow(inWindow, additionalCandidateClosesAt).state).toBe('closed');
    const published: Election = { ...inWindow, phase: 'RegistrationClosed' };
    expect(additionalCandidateWindow(published, additionalCandidateClosesAt).state).toBe('closed');
  });

  it('does not apply when two or more were nominated at the close', () => {
    for (const phase of ['AwaitingRegistrationClose', 'RegistrationClosed'] as const) {
      const crowded: Election = { ...election, phase, nominationsAtClose: 2 };
      expect(additionalCandidateWindow(crowded, nominationClosesAt)).toMatchObject({
        state: 'not-applicable',
        opensAt: null,
        nominationsAtClose: 2,
      });
    }
  });

  it('says when a configured limit of proposals is used up', () => {
    const limited: Election = {
      ...inWindow,
      rules: { ...inWindow.rules, additionalCandidateProposalLimit: 1 },
      additionalProposals: 1,
    };
    expect(additionalCandidateWindow(limited, extendedNominationClosesAt)).toMatchObject({
      state: 'limit-reached',
      proposals: 1,
      proposalLimit: 1,
    });
  });

  it('is the judgement a proposal meets: accepted exactly when the window is open', () => {
    const instants = [
      fixtureCalendar.nominationOpen,
      nominationClosesAt,
      extendedNominationClosesAt,
      justBefore(additionalCandidateClosesAt),
      additionalCandidateClosesAt,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...electionPhases),
        fc.constantFrom(...instants),
        fc.option(fc.integer({ min: 0, max: 3 })),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 2 })),
        fc.integer({ min: 0, max: 3 }),
        (phase, now, nominationsAtClose, nominationExtended, limit, proposals) => {
          const shaped: Election = {
            ...election,
            phase,
            nominationsAtClose,
            nominationExtended,
            additionalProposals: proposals,
            rules: { ...election.rules, additionalCandidateProposalLimit: limit },
          };
          const accepted = (() => {
            try {
              checkFilingAllowed(anAkimatFiling(), shaped, now);
              return true;
            } catch {
              return false;
            }
          })();
          expect(accepted).toBe(additionalCandidateWindow(shaped, now).state === 'open');
        },
      ),
    );
  });

  it('explains itself in words, in the election’s local time, with its legal ground', () => {
    const before = electionViewAt(election, fixtureCalendar.nominationOpen).additionalCandidateWindow;
    expect(before.explanation.kk).toContain('2026 жылғы 20 ақпанда сағат 18:00-де (жергілікті уақыт)');
    expect(before.explanation.ru).toContain('20 февраля 2026 г. в 18:00 по местному времени');
    expect(before.explanation.ru).toContain(
      'пункт 6 статьи 113-3 Конституционного закона «О выборах в Республике Казахстан»',
    );
    const open = electionViewAt(inWindow, extendedNominationClosesAt).additionalCandidateWindow;
    expect(open.explanation.kk).toContain('2026 жылғы 22 ақпанда сағат 18:00-де (жергілікті уақыт) бітеді');
    expect(open.explanation.en).toContain('Candidates at the close of nomination: 0.');
    const shapes: readonly [Election, string][] = [
      [election, fixtureCalendar.nominationOpen],
      [inWindow, extendedNominationClosesAt],
      [inWindow, additionalCandidateClosesAt],
      [{ ...election, phase: 'AwaitingRegistrationClose', nominationsAtClose: 3 }, nominationClosesAt],
      [
        {
          ...inWindow,
          rules: { ...inWindow.rules, additionalCandidateProposalLimit: 1 },
          additionalProposals: 1,
        },
        extendedNominationClosesAt,
      ],
    ];
    const states = shapes.map(([shape, now]) => {
      const { state, explanation } = electionViewAt(shape, now).additionalCandidateWindow;
      expect(messageProblems(explanation), `${state}: ${JSON.stringify(explanation)}`).toEqual([]);
      return state;
    });
    expect(new Set(states).size).toBe(5);
  });
});
