import { describe, expect, it } from 'vitest';
import { caseView } from '../../shared/domain/case-views.ts';
import { assessEligibility } from '../../shared/domain/eligibility.ts';
import { localize } from '../../shared/domain/error-catalogue.ts';
import { findingMessage, withFindingMessages } from '../../shared/domain/finding-messages.ts';
import {
  applyCaseEvent,
  decideStep,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import { cancellationClosesAt, cancelRegistration } from '../../shared/domain/registration-cancellation.ts';
import { reinstatementClosesAt } from '../../shared/domain/reinstatement.ts';
import { aCandidate, aPartyFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { messageProblems } from '../support/message-language.ts';

const election = anElection();
const tec = { role: 'commission', id: 'tec-clerk' } as const;
const party = { role: 'party', id: 'amanat-secretary' } as const;

function atRegistrationDecision(): NominationCase {
  const filed = openCase(
    aPartyFiling(),
    { caseId: 'case-1', electionId: election.electionId },
    { at: '2026-02-06T05:00:00.000Z', actor: party },
  );
  const meta = { at: '2026-02-07T05:00:00.000Z', actor: party };
  return applyCaseEvent(
    applyCaseEvent(filed, { type: 'PartyConfirmed' }, meta),
    { type: 'EligibilityAssessed' },
    meta,
  );
}

function decided(decision: 'register' | 'refuse'): NominationCase {
  const details =
    decision === 'refuse' ? { grounds: ['disqualified-cle-4-4'], reasons: 'Not expunged.' } : {};
  return decideStep(
    atRegistrationDecision(),
    'registration-decision',
    { outcome: decision === 'register' ? 'registered' : 'refused', details },
    { type: 'RegistrationDecided', decision },
    { at: '2026-02-10T06:00:00.000Z', actor: tec, note: details },
  );
}

const deadlinesOf = (c: NominationCase) => caseView(c, election, true).deadlines;

describe('a case’s deadlines: cancellation and reinstatement where they apply', () => {
  it('shows nothing of either while the case waits for a decision', () => {
    const view = deadlinesOf(atRegistrationDecision());
    expect(view).not.toHaveProperty('cancellation');
    expect(view).not.toHaveProperty('reinstatement');
  });

  it('shows a registered case until when its registration may be cancelled (D−6, 18:00 local)', () => {
    const view = deadlinesOf(decided('register'));
    // D = 15 March 2026; "5 days before" = 9 March 18:00 in Almaty (UTC+5).
    expect(view).toMatchObject({ cancellation: '2026-03-09T13:00:00.000Z' });
    expect(view.cancellation).toBe(cancellationClosesAt(election));
    expect(view).not.toHaveProperty('reinstatement');
  });

  it('shows a refused or cancelled case until when an overturning decision may be recorded', () => {
    const cancelled = cancelRegistration(
      decided('register'),
      { grounds: ['false-information'], reasons: 'The declaration omitted a flat.' },
      election,
      { at: '2026-02-25T06:00:00.000Z', actor: tec },
    );
    for (const c of [decided('refuse'), cancelled]) {
      const view = deadlinesOf(c);
      // "0 days before" = the eve of election day, 14 March 18:00 local.
      expect(view, c.status).toMatchObject({ reinstatement: '2026-03-14T13:00:00.000Z' });
      expect(view.reinstatement).toBe(reinstatementClosesAt(election));
      expect(view, c.status).not.toHaveProperty('cancellation');
    }
  });

  it('follows the election’s own rules, not the defaults', () => {
    const strict = anElection({}, { cancellationClosesDaysBefore: 8, reinstatementClosesDaysBefore: 3 });
    expect(caseView(decided('register'), strict, false).deadlines.cancellation).toBe(
      '2026-03-06T13:00:00.000Z',
    );
    expect(caseView(decided('refuse'), strict, false).deadlines.reinstatement).toBe(
      '2026-03-11T13:00:00.000Z',
    );
  });
});

describe('eligibility findings in words', () => {
  const young = aCandidate({ birthDate: '2003-01-01', citizen: false }, 1);
  const eligibility = assessEligibility(
    young,
    { specialCheck: 'pending', declarationsFiled: false, disqualification: null },
    { electionDay: election.electionDay, filedOn: '2026-02-06', rules: election.rules },
  );

  it('gives every finding the catalogue’s text with its legal ground, whole in kk, ru and en', () => {
    const shown = withFindingMessages({ eligibility });
    const findings = (shown.eligibility as { findings: { code: string; message: unknown }[] }).findings;
    expect(findings.map((f) => f.code)).toEqual([
      'UNDER_MINIMUM_AGE',
      'NOT_A_CITIZEN',
      'SPECIAL_CHECK_PENDING',
      'DECLARATIONS_PENDING',
    ]);
    for (const [i, finding] of findings.entries()) {
      const message = finding.message as { kk: string; ru: string; en: string };
      expect(messageProblems(message), finding.code).toEqual([]);
      // The catalogue's own text for the code and its details, then the ground.
      const stored = eligibility.findings[i];
      if (stored === undefined) throw new Error('as many messages as findings');
      const own = localize(stored.code, stored.details);
      expect(message.ru.startsWith(own.ru.replace(/\.$/, '')), finding.code).toBe(true);
      expect(message.en.startsWith(own.en.replace(/\.$/, '')), finding.code).toBe(true);
    }
    const age = findings[0]?.message as { ru: string; kk: string };
    expect(age.ru).toContain('статья 113-2 Конституционного закона «О выборах в Республике Казахстан»');
    expect(age.kk).toContain('113-2-бабы');
  });

  it('keeps what it cannot say as stored, and leaves other findings alone', () => {
    expect(findingMessage({ code: 'SOMETHING_NEWER' })).toBeNull();
    const stored = {
      eligibility: { outcome: 'pending', findings: ['OLD_BARE_CODE'] },
      signatures: { validCount: 3 },
    };
    expect(withFindingMessages(stored)).toEqual(stored);
    expect(withFindingMessages({ eligibility: 'garbage' })).toEqual({ eligibility: 'garbage' });
  });

  it('shows the messages on the case view without changing the stored case', () => {
    const c = { ...decided('refuse'), findings: { eligibility } };
    const view = caseView(c, election, false);
    expect(view.findings).toMatchObject({
      eligibility: {
        outcome: 'ineligible',
        findings: expect.arrayContaining([
          expect.objectContaining({
            code: 'NOT_A_CITIZEN',
            message: expect.objectContaining({ en: expect.stringContaining('citizen') }),
          }),
        ]),
      },
    });
    expect(c.findings.eligibility.findings[0]).not.toHaveProperty('message');
  });
});
