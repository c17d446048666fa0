import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.ts';
import { closeRegistration } from '../../shared/domain/calendar-steps.ts';
import { inboxFor, inboxKeeps, warningHoursOf } from '../../shared/domain/inbox.ts';
import {
  applyCaseEvent,
  decideStep,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';

const election = anElection();
const tec = { role: 'commission', id: '1952/tec-clerk' } as const;
const amanat = { role: 'party', id: 'amanat/secretary' } as const;
const commission: Exclude<Caller, { role: 'public' }> = {
  role: 'commission',
  subject: 'tec',
  district: '1952',
};
const otherCommission: Exclude<Caller, { role: 'public' }> = {
  role: 'commission',
  subject: 'tec-2',
  district: '1953',
};
const party: Exclude<Caller, { role: 'public' }> = { role: 'party', subject: 'sec', partyId: 'amanat' };
const otherParty: Exclude<Caller, { role: 'public' }> = { role: 'party', subject: 'sec-2', partyId: 'auyl' };

function partyCase(caseId: string): NominationCase {
  return openCase(
    aPartyFiling('amanat'),
    { caseId, electionId: election.electionId },
    { at: '2026-02-06T05:00:00.000Z', actor: amanat },
  );
}

function atDecision(caseId: string): NominationCase {
  return applyCaseEvent(
    applyCaseEvent(
      partyCase(caseId),
      { type: 'PartyConfirmed' },
      { at: '2026-02-07T05:00:00.000Z', actor: amanat },
    ),
    { type: 'EligibilityAssessed' },
    { at: '2026-02-07T06:00:00.000Z', actor: tec },
  );
}

function refused(caseId: string): NominationCase {
  const details = { grounds: ['disqualified-cle-4-4'] };
  return decideStep(
    atDecision(caseId),
    'registration-decision',
    { outcome: 'refused', details },
    { type: 'RegistrationDecided', decision: 'refuse' },
    { at: '2026-02-10T06:00:00.000Z', actor: tec, note: details },
  );
}

const codes = (notices: readonly { code: string }[]) => notices.map((n) => n.code);

describe('the inbox', () => {
  it('tells a party its nominee waits for its confirmation, and no other party', () => {
    const sources = [{ election, cases: [partyCase('c-1')] }];
    const now = '2026-02-08T00:00:00.000Z';
    expect(codes(inboxFor(party, sources, now, null))).toEqual(['CASE_WAITING_FOR_YOU']);
    expect(inboxFor(otherParty, sources, now, null)).toEqual([]);
    // The commission does not confirm party nominations: nothing waits for it yet.
    expect(inboxFor(commission, sources, now, null)).toEqual([]);
  });

  it('warns that a deadline is near only within its last 48 hours, and not after it passed', () => {
    const sources = [{ election, cases: [atDecision('c-1')] }];
    // Registration closes 2026-02-22T13:00Z.
    expect(codes(inboxFor(commission, sources, '2026-02-20T12:59:00.000Z', null))).toEqual([
      'CASE_WAITING_FOR_YOU',
    ]);
    expect(codes(inboxFor(commission, sources, '2026-02-20T13:00:00.000Z', null))).toEqual([
      'DEADLINE_NEAR',
      'CASE_WAITING_FOR_YOU',
    ]);
    expect(codes(inboxFor(commission, sources, '2026-02-22T13:00:00.000Z', null))).toEqual([
      'CASE_WAITING_FOR_YOU',
    ]);
  });

  it('gives a commission nothing of another district', () => {
    const sources = [{ election, cases: [atDecision('c-1')] }];
    expect(inboxFor(otherCommission, sources, '2026-02-21T00:00:00.000Z', null)).toEqual([]);
  });

  it('tells the party the decision, in words in each language, the candidate named as filed', () => {
    const [notice] = inboxFor(
      party,
      [{ election, cases: [refused('c-1')] }],
      '2026-02-11T00:00:00.000Z',
      null,
    );
    expect(notice).toMatchObject({ code: 'CASE_DECIDED', caseId: 'c-1', at: '2026-02-10T06:00:00.000Z' });
    expect(notice?.message?.ru).toContain('отказано');
    expect(notice?.message?.kk).toContain('тіркеуден бас тартылды');
    expect(notice?.message?.en).toContain('«Candidate Test»');
  });

  it('tells a self-nominee its signatures are short after a counted submission that left it waiting', () => {
    const filed = openCase(
      aSelfFiling(),
      { caseId: 'c-2', electionId: election.electionId },
      { at: '2026-02-06T05:00:00.000Z', actor: { role: 'candidate', id: 'cand' } },
    );
    const candidate: Exclude<Caller, { role: 'public' }> = {
      role: 'candidate',
      subject: 'cand',
      iin: filed.filing.candidate.iin,
    };
    const before = inboxFor(candidate, [{ election, cases: [filed] }], '2026-02-08T00:00:00.000Z', null);
    expect(codes(before)).toEqual(['CASE_WAITING_FOR_YOU']);
    const short = { ...filed, signatureSubmissions: ['sub-1'] };
    expect(
      codes(inboxFor(candidate, [{ election, cases: [short] }], '2026-02-08T00:00:00.000Z', null)),
    ).toEqual(expect.arrayContaining(['SIGNATURES_SHORT']));
  });

  it('marks unread exactly what came after the read mark, and keeps each notice’s id across readings', () => {
    const sources = [{ election, cases: [partyCase('c-1'), refused('c-2')] }];
    const now = '2026-02-11T00:00:00.000Z';
    const first = inboxFor(party, sources, now, null);
    expect(first.every((n) => n.unread)).toBe(true);
    const later = inboxFor(party, sources, now, '2026-02-09T00:00:00.000Z');
    expect(later.map((n) => n.id)).toEqual(first.map((n) => n.id));
    expect(later.filter((n) => n.unread).map((n) => n.code)).toEqual(['CASE_DECIDED']);
  });

  it('shows the calendar’s notices to the bodies they name, never those to the operator', () => {
    const noticed = {
      ...election,
      notices: [
        {
          at: '2026-02-17T13:00:00.000Z',
          to: 'akimat' as const,
          code: 'ADDITIONAL_CANDIDATE_WINDOW_OPEN',
          details: {},
        },
        {
          at: '2026-02-17T13:00:00.000Z',
          to: 'operator' as const,
          code: 'CALENDAR_STEP_FAILED',
          details: {},
        },
      ],
    };
    const akimat: Exclude<Caller, { role: 'public' }> = { role: 'akimat', subject: 'ak', district: '1952' };
    const now = '2026-02-18T00:00:00.000Z';
    expect(codes(inboxFor(akimat, [{ election: noticed, cases: [] }], now, null))).toEqual([
      'ADDITIONAL_CANDIDATE_WINDOW_OPEN',
    ]);
    expect(inboxFor(commission, [{ election: noticed, cases: [] }], now, null)).toEqual([]);
  });

  it('tells an akimat the decisions on the candidate it proposed, and not those on parties’ nominees', () => {
    const akimat: Exclude<Caller, { role: 'public' }> = { role: 'akimat', subject: 'ak', district: '1952' };
    const proposed = decideStep(
      applyCaseEvent(
        applyCaseEvent(
          openCase(
            anAkimatFiling(2),
            { caseId: 'c-akimat', electionId: election.electionId },
            { at: '2026-02-18T05:00:00.000Z', actor: { role: 'akimat', id: '1952' } },
          ),
          { type: 'CommunityConsentRecorded', agreed: true },
          { at: '2026-02-19T05:00:00.000Z', actor: { role: 'akimat', id: '1952' } },
        ),
        { type: 'EligibilityAssessed' },
        { at: '2026-02-19T06:00:00.000Z', actor: tec },
      ),
      'registration-decision',
      { outcome: 'registered', details: {} },
      { type: 'RegistrationDecided', decision: 'register' },
      { at: '2026-02-20T06:00:00.000Z', actor: tec },
    );
    const sources = [{ election, cases: [refused('c-party'), proposed] }];
    const decided = inboxFor(akimat, sources, '2026-02-21T00:00:00.000Z', null).filter(
      (n) => n.code === 'CASE_DECIDED',
    );
    expect(decided.map((n) => n.caseId)).toEqual(['c-akimat']);
    // The party is still told of its own nominee's refusal.
    expect(codes(inboxFor(party, sources, '2026-02-21T00:00:00.000Z', null))).toEqual(['CASE_DECIDED']);
  });

  it('warns of a near deadline unread even when the case began to wait after the reader last marked', () => {
    // Registration closes 2026-02-22T13:00Z: its warning is due from 2026-02-20T13:00Z.
    const lateToDecide = applyCaseEvent(
      applyCaseEvent(
        partyCase('c-late'),
        { type: 'PartyConfirmed' },
        { at: '2026-02-21T08:00:00.000Z', actor: amanat },
      ),
      { type: 'EligibilityAssessed' },
      { at: '2026-02-21T09:00:00.000Z', actor: tec },
    );
    // The commission read everything it had at 2026-02-21T00:00Z, inside the warning's 48 hours.
    const mark = '2026-02-21T00:00:00.000Z';
    const inbox = inboxFor(
      commission,
      [{ election, cases: [lateToDecide] }],
      '2026-02-21T10:00:00.000Z',
      mark,
    );
    const near = inbox.find((n) => n.code === 'DEADLINE_NEAR');
    expect(near).toMatchObject({ unread: true, at: '2026-02-21T09:00:00.000Z' });
    expect(inbox.filter((n) => n.unread)).toHaveLength(2);
  });

  it('knows when each of an election’s waits enters its last 48 hours, and none once registration closed', () => {
    // Nomination (and with it a party's confirmation, a self-nominee's signatures) closes 2026-02-17T13:00Z,
    // registration 2026-02-22T13:00Z.
    expect(warningHoursOf(election)).toEqual(
      expect.arrayContaining(['2026-02-15T13:00:00.000Z', '2026-02-20T13:00:00.000Z']),
    );
    expect(warningHoursOf(closeRegistration(election, 0, '2026-02-22T13:00:00.000Z'))).toEqual([]);
  });

  it('keeps an election for 60 days after its day', () => {
    expect(inboxKeeps(election, '2026-05-14')).toBe(true);
    expect(inboxKeeps(election, '2026-05-15')).toBe(false);
  });
});
