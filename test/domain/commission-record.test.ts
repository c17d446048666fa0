import { describe, expect, it } from 'vitest';
import { callElection } from '../../shared/domain/election.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { applyCaseEvent, decideStep, openCase } from '../../shared/domain/nomination-case.ts';
import { RegistrationDecisionSchema } from '../../shared/domain/registration.ts';
import { CancellationSchema, cancelRegistration } from '../../shared/domain/registration-cancellation.ts';
import { aPartyFiling } from '../support/candidates.ts';
import { anElection, newElectionInput } from '../support/elections.ts';

const commission = {
  nameKk: ' Бейнеу аудандық аумақтық сайлау комиссиясы ',
  nameRu: 'Бейнеуская районная территориальная избирательная комиссия',
  chair: 'Асқаров Ерлан',
  secretary: 'Омарова Гүлнар',
};

describe('what a commission’s documents are signed with', () => {
  it('keeps the commission’s name and signatories given at calling, trimmed', () => {
    const election = callElection(newElectionInput({ commission }), '2026-02-04T06:00:00.000Z');
    expect(election.commission).toEqual({ ...commission, nameKk: commission.nameKk.trim() });
  });

  it('leaves them null when not given, as in elections called before they existed', () => {
    expect(anElection().commission).toBeNull();
  });

  it('refuses an empty signatory, naming the field', () => {
    const call = () =>
      callElection(
        newElectionInput({ commission: { ...commission, chair: '  ' } }),
        '2026-02-04T06:00:00.000Z',
      );
    expect(call).toThrow(ValidationError);
    try {
      call();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['commission.chair']);
    }
  });

  it('takes a decision number of at most 40 characters on a registration decision and a cancellation', () => {
    expect(RegistrationDecisionSchema.parse({ decision: 'register', number: ' 12/3 ' })).toMatchObject({
      number: '12/3',
    });
    expect(
      RegistrationDecisionSchema.safeParse({ decision: 'register', number: 'x'.repeat(41) }).success,
    ).toBe(false);
    expect(
      CancellationSchema.safeParse({ grounds: ['false-information'], reasons: 'r', number: '' }).success,
    ).toBe(false);
  });

  it('records a cancellation’s number with its grounds, where its document reads it', () => {
    const election = anElection();
    const tec = { role: 'commission', id: '1952/tec' } as const;
    const filed = openCase(
      aPartyFiling(),
      { caseId: 'c-1', electionId: election.electionId },
      { at: '2026-02-06T05:00:00.000Z', actor: { role: 'party', id: 'amanat/s' } },
    );
    const confirmed = applyCaseEvent(
      applyCaseEvent(filed, { type: 'PartyConfirmed' }, { at: '2026-02-07T05:00:00.000Z', actor: tec }),
      { type: 'EligibilityAssessed' },
      { at: '2026-02-07T06:00:00.000Z', actor: tec },
    );
    const registered = decideStep(
      confirmed,
      'registration-decision',
      { outcome: 'registered', details: { number: '7/1' } },
      { type: 'RegistrationDecided', decision: 'register' },
      { at: '2026-02-10T06:00:00.000Z', actor: tec },
    );
    const cancelled = cancelRegistration(
      registered,
      CancellationSchema.parse({
        grounds: ['false-information'],
        reasons: 'A flat left out.',
        number: '9/2',
      }),
      election,
      { at: '2026-02-25T06:00:00.000Z', actor: tec },
    );
    expect(cancelled.decisions.cancellation?.details).toMatchObject({ number: '9/2' });
  });
});
