import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueInWords, localize } from '../../shared/domain/error-catalogue.ts';
import { DeadlinePassedError, InvalidTransitionError, ValidationError } from '../../shared/domain/errors.ts';
import { cancellationAndReinstatementMessages } from '../../shared/domain/messages/cancellation-and-reinstatement.ts';
import {
  applyCaseEvent,
  decideStep,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import type { OverturningDecision } from '../../shared/domain/overturning-decision.ts';
import { publicDecisionView } from '../../shared/domain/public-decisions.ts';
import {
  groundCategories,
  groundCategory,
  groundCategoryMessage,
} from '../../shared/domain/public-grounds.ts';
import { cancellationClosesAt, cancelRegistration } from '../../shared/domain/registration-cancellation.ts';
import {
  ReinstatementAfterRegistrationCloseError,
  ReinstatementAlreadyRecordedError,
  reinstate,
  reinstatementClosesAt,
} from '../../shared/domain/reinstatement.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';

const election = anElection();
const tec = { role: 'commission', id: 'tec-clerk' } as const;
const party = { role: 'party', id: 'amanat-secretary' } as const;
const registeredAt = '2026-02-10T06:00:00.000Z';
const afterRegistrationClose = '2026-02-25T06:00:00.000Z';
const falseInformation = { grounds: ['false-information'], reasons: 'The declaration omitted a property.' };
const courtRuling = (number = '2-114/2026'): OverturningDecision => ({
  body: 'court',
  bodyName: 'Regional court',
  date: '2026-02-25',
  number,
});

/** A party nominee at the registration decision, then registered or refused on 10 February. */
function decidedCase(decision: 'register' | 'refuse'): NominationCase {
  const filed = openCase(
    aPartyFiling(),
    { caseId: 'case-1', electionId: election.electionId },
    {
      at: '2026-02-06T05:00:00.000Z',
      actor: party,
    },
  );
  const meta = { at: '2026-02-07T05:00:00.000Z', actor: party };
  const confirmed = applyCaseEvent(filed, { type: 'PartyConfirmed' }, meta);
  const assessed = applyCaseEvent(confirmed, { type: 'EligibilityAssessed' }, meta);
  const details =
    decision === 'refuse' ? { grounds: ['disqualified-cle-4-4'], reasons: 'A conviction not expunged.' } : {};
  return decideStep(
    assessed,
    'registration-decision',
    { outcome: decision === 'register' ? 'registered' : 'refused', details },
    { type: 'RegistrationDecided', decision },
    { at: registeredAt, actor: tec, note: details },
  );
}

describe('cancellation of registration [D]', () => {
  it('cancels a registration with grounds from the election’s list, recording who and why', () => {
    const cancelled = cancelRegistration(decidedCase('register'), falseInformation, election, {
      at: afterRegistrationClose,
      actor: tec,
    });
    expect(cancelled.status).toBe('RegistrationCancelled');
    expect(cancelled.decisions.cancellation).toMatchObject({
      actor: tec,
      outcome: 'cancelled',
      details: falseInformation,
    });
    expect(cancelled.lastEntry).toMatchObject({
      event: 'RegistrationCancelled',
      actor: tec,
      from: 'Registered',
      to: 'RegistrationCancelled',
      note: falseInformation,
    });
  });

  it('refuses every ground not on the list, naming each field, in all three languages', () => {
    const attempt = () =>
      cancelRegistration(
        decidedCase('register'),
        { grounds: ['false-information', 'bad-manners', 'age-requirement'], reasons: 'x' },
        election,
        { at: afterRegistrationClose, actor: tec },
      );
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as ValidationError).issues;
      expect(issues.map(({ field, code }) => ({ field, code }))).toEqual([
        { field: 'grounds.1', code: 'CANCELLATION_GROUND_UNKNOWN' },
        { field: 'grounds.2', code: 'CANCELLATION_GROUND_UNKNOWN' },
      ]);
      for (const issue of issues) {
        expect(issueInWords(issue).message).toEqual(localize('CANCELLATION_GROUND_UNKNOWN'));
      }
    }
  });

  it('closes 5 days before election day at 18:00 local (D−6), or where the election sets it', () => {
    expect(cancellationClosesAt(election)).toBe('2026-03-09T13:00:00.000Z');
    const cancel = (at: string, e = election) =>
      cancelRegistration(decidedCase('register'), falseInformation, e, { at, actor: tec });
    expect(cancel('2026-03-09T12:59:59.999Z').status).toBe('RegistrationCancelled');
    expect(() => cancel('2026-03-09T13:00:00.000Z')).toThrowError(
      expect.objectContaining({
        name: 'DeadlinePassedError',
        details: expect.objectContaining({ step: 'cancellation', deadline: '2026-03-09T13:00:00.000Z' }),
      }),
    );
    const later = anElection({}, { cancellationClosesDaysBefore: 2 });
    expect(cancellationClosesAt(later)).toBe('2026-03-12T13:00:00.000Z');
    expect(cancel('2026-03-10T06:00:00.000Z', later).status).toBe('RegistrationCancelled');
  });

  it('cancels only a registration, and only once', () => {
    const meta = { at: afterRegistrationClose, actor: tec };
    expect(() => cancelRegistration(decidedCase('refuse'), falseInformation, election, meta)).toThrow(
      InvalidTransitionError,
    );
    const cancelled = cancelRegistration(decidedCase('register'), falseInformation, election, meta);
    expect(() => cancelRegistration(cancelled, falseInformation, election, meta)).toThrowError(
      expect.objectContaining({ name: 'StepAlreadyDecidedError' }),
    );
  });
});

describe('reinstatement by a court or a higher commission [D]', () => {
  const at = '2026-02-25T06:00:00.000Z';
  const beforeClose = '2026-02-20T06:00:00.000Z';

  it('registers a refused candidate as the court decides, keeping the overturned refusal', () => {
    const refused = decidedCase('refuse');
    const reinstated = reinstate(refused, { decision: courtRuling(), to: 'registered' }, election, {
      at,
      actor: tec,
    });
    expect(reinstated.status).toBe('Registered');
    expect(reinstated.decisions['registration-decision']).toEqual({
      at,
      actor: tec,
      outcome: 'registered',
      details: { reinstatedBy: courtRuling() },
    });
    expect(reinstated.reinstatements).toEqual([
      {
        at,
        actor: tec,
        decision: courtRuling(),
        to: 'Registered',
        overturned: { step: 'registration-decision', ...refused.decisions['registration-decision'] },
      },
    ]);
    expect(reinstated.lastEntry).toMatchObject({
      event: 'Reinstated',
      from: 'Refused',
      to: 'Registered',
      note: { decision: courtRuling(), overturned: 'registration-decision', to: 'Registered' },
    });
    expect(reinstated.executionAttempt).toBe(refused.executionAttempt);
  });

  it('sends a refused case back to the commission with a new execution, and lets it decide again', () => {
    const refused = decidedCase('refuse');
    const ruling = { ...courtRuling(), date: '2026-02-19' };
    const back = reinstate(refused, { decision: ruling, to: 'registration-decision' }, election, {
      at: beforeClose,
      actor: tec,
    });
    expect(back.status).toBe('AwaitingRegistrationDecision');
    expect(back.decisions['registration-decision']).toBeUndefined();
    expect(back.executionAttempt).toBe(refused.executionAttempt + 1);
    const registered = decideStep(
      back,
      'registration-decision',
      { outcome: 'registered', details: {} },
      { type: 'RegistrationDecided', decision: 'register' },
      { at: beforeClose, actor: tec },
    );
    expect(registered.status).toBe('Registered');
  });

  it('sends a case back to the registration decision only while registration is open', () => {
    expect(() =>
      reinstate(decidedCase('refuse'), { decision: courtRuling(), to: 'registration-decision' }, election, {
        at,
        actor: tec,
      }),
    ).toThrow(ReinstatementAfterRegistrationCloseError);
  });

  it('restores a cancelled registration as it was, after which it may be cancelled again', () => {
    const cancelled = cancelRegistration(decidedCase('register'), falseInformation, election, {
      at,
      actor: tec,
    });
    const restored = reinstate(cancelled, { decision: courtRuling(), to: 'registered' }, election, {
      at: '2026-02-26T06:00:00.000Z',
      actor: tec,
    });
    expect(restored.status).toBe('Registered');
    expect(restored.decisions.cancellation).toBeUndefined();
    expect(restored.decisions['registration-decision']?.at).toBe(registeredAt);
    const again = cancelRegistration(
      restored,
      { grounds: ['court-decision'], reasons: 'Decision of the regional court 2-200/2026.' },
      election,
      { at: '2026-02-27T06:00:00.000Z', actor: tec },
    );
    expect(again.status).toBe('RegistrationCancelled');
  });

  it('records one decision once: the same reference again is a repeat, refused', () => {
    const meta = { at, actor: tec };
    const first = reinstate(
      decidedCase('refuse'),
      { decision: courtRuling(), to: 'registered' },
      election,
      meta,
    );
    const cancelled = cancelRegistration(first, falseInformation, election, meta);
    const sameRuling = { ...courtRuling(), bodyName: 'REGIONAL COURT' };
    expect(() => reinstate(cancelled, { decision: sameRuling, to: 'registered' }, election, meta)).toThrow(
      ReinstatementAlreadyRecordedError,
    );
    expect(
      reinstate(cancelled, { decision: courtRuling('2-115/2026'), to: 'registered' }, election, meta).status,
    ).toBe('Registered');
  });

  it('reinstates only a refused or cancelled case', () => {
    expect(() =>
      reinstate(decidedCase('register'), { decision: courtRuling(), to: 'registered' }, election, {
        at,
        actor: tec,
      }),
    ).toThrow(InvalidTransitionError);
  });

  it('refuses a decision dated in the future or before the decision it overturns', () => {
    const refused = decidedCase('refuse');
    const dated = (date: string) => () =>
      reinstate(refused, { decision: { ...courtRuling(), date }, to: 'registered' }, election, {
        at,
        actor: tec,
      });
    expect(dated('2026-02-26')).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'decision.date', code: 'DECISION_DATE_IN_FUTURE' })],
      }),
    );
    expect(dated('2026-02-09')).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ field: 'decision.date', code: 'DECISION_DATE_BEFORE_OVERTURNED' }),
        ],
      }),
    );
    expect(dated('2026-02-10')().status).toBe('Registered');
  });

  it('is recorded until the eve of election day, 18:00 local', () => {
    expect(reinstatementClosesAt(election)).toBe('2026-03-14T13:00:00.000Z');
    expect(() =>
      reinstate(decidedCase('refuse'), { decision: courtRuling(), to: 'registered' }, election, {
        at: '2026-03-14T13:00:00.000Z',
        actor: tec,
      }),
    ).toThrow(DeadlinePassedError);
  });

  it('keeps any sequence of cancellations and reinstatements consistent: status, decisions and history agree', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (steps) => {
        let c = decidedCase('register');
        let reinstated = 0;
        steps.forEach((cancel, i) => {
          const meta = { at, actor: tec };
          try {
            c = cancel
              ? cancelRegistration(c, falseInformation, election, meta)
              : reinstate(c, { decision: courtRuling(`2-${i}/2026`), to: 'registered' }, election, meta);
            if (!cancel) reinstated += 1;
          } catch (error) {
            // Cancelling a cancelled case, or reinstating a registered one: refused, nothing changes.
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).name).toMatch(/StepAlreadyDecidedError|InvalidTransitionError/);
          }
          expect(['Registered', 'RegistrationCancelled']).toContain(c.status);
          expect(c.decisions.cancellation !== undefined).toBe(c.status === 'RegistrationCancelled');
          expect(c.decisions['registration-decision']?.at).toBe(registeredAt);
          expect(c.reinstatements?.length ?? 0).toBe(Math.min(reinstated, 20));
        });
      }),
    );
  });
});

describe('refusals and cancellations as published [D]', () => {
  it('publishes the name and the categories of the grounds, never the reasons or the grounds as cited', () => {
    const view = publicDecisionView(decidedCase('refuse'));
    expect(view).toEqual({
      caseId: 'case-1',
      fullName: 'Candidate Test',
      route: 'party',
      nominator: { partyId: 'amanat' },
      decision: 'refused',
      decidedAt: registeredAt,
      groundCategories: ['cle-4-4'],
    });
    expect(JSON.stringify(view)).not.toMatch(/conviction|disqualified|\d{12}/);
    expect(publicDecisionView(decidedCase('register'))).toBeNull();
  });

  it('publishes a ground the product does not know only as “another ground”, whatever it says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (ground) => {
        const category = groundCategory(ground);
        expect(groundCategories).toContain(category);
        const text = localize(groundCategoryMessage[category]);
        if (ground.length > 3)
          for (const language of ['kk', 'ru', 'en'] as const) {
            expect(text[language]).not.toContain(ground);
          }
      }),
    );
    expect(groundCategory('criminal-record-art-190')).toBe('other');
    expect(groundCategory('__proto__')).toBe('other');
  });

  it('says every message of this area in whole Kazakh and Russian, and in English', () => {
    const details = {
      recordedAt: '2026-02-25T06:00:00.000Z',
      closedAt: '2026-02-22T13:00:00.000Z',
      timeZone: 'Asia/Almaty',
    };
    for (const [code, template] of Object.entries(cancellationAndReinstatementMessages)) {
      const text = template(details);
      for (const language of ['kk', 'ru', 'en'] as const)
        expect(text[language].length, code).toBeGreaterThan(10);
      expect(text.kk, code).not.toMatch(/[A-Za-z]/);
      expect(text.ru, code).not.toMatch(/[A-Za-z]/);
    }
    expect(localize('REINSTATEMENT_AFTER_REGISTRATION_CLOSE', details).ru).toContain(
      '22 февраля 2026 г. в 18:00 по местному времени',
    );
  });
});
