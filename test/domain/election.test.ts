import { describe, expect, it } from 'vitest';
import {
  callElection,
  electionRulesReport,
  requiredSignaturesIn,
  signingWindow,
  withVoterRegister,
} from '../../shared/domain/election.ts';
import { electionView } from '../../shared/domain/election-view.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { RegisterAfterCloseError, ValidationError } from '../../shared/domain/errors.ts';
import { anElection, newElectionInput } from '../support/elections.ts';

const now = '2026-02-04T06:00:00.000Z';

function issuesOf(input: unknown) {
  try {
    callElection(input, now);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('calling an election (CLE 113-1)', () => {
  it('names the election by its unit and day, and starts it in nomination', () => {
    const election = anElection();
    expect(election.electionId).toBe('195230100-2026-03-15');
    expect(election.district).toBe('1952');
    expect(election.phase).toBe('Nomination');
    expect(election.voterRegister).toBeNull();
  });

  it('lists every problem of a bad call, each with its field and a message in kk, ru and en', () => {
    const issues = issuesOf({
      ...newElectionInput(),
      unit: { kato: '19523', kind: 'hamlet', nameKk: '', nameRu: 'Актогай' },
      electionDay: '2026-02-30',
      mayor: 'x',
    });
    expect(issues.map((i) => [i.field, i.code])).toEqual(
      expect.arrayContaining([
        ['unit.kato', 'KATO_MALFORMED'],
        ['unit.kind', 'INVALID_VALUE'],
        ['unit.nameKk', 'TOO_SMALL'],
        ['electionDay', 'DATE_INVALID'],
        ['mayor', 'UNKNOWN_FIELD'],
      ]),
    );
    for (const issue of issues) {
      expect(issueInWords(issue).message.kk).not.toBe(issueInWords(issue).message.ru);
      expect(issueInWords(issue).message.en.length).toBeGreaterThan(0);
    }
  });

  it('reports which rules were configured and which are product defaults', () => {
    const election = anElection({}, { extensionDays: 2, multipleSupportAllowed: false });
    const report = electionRulesReport(election);
    expect(report.find((r) => r.rule === 'extensionDays')).toMatchObject({ value: 2, source: 'configured' });
    expect(report.find((r) => r.rule === 'multipleSupportAllowed')).toMatchObject({
      value: false,
      source: 'configured',
    });
    expect(report.find((r) => r.rule === 'minimumEducation')).toMatchObject({ source: 'product-default' });
    expect(report.every((r) => r.basis.length > 10)).toBe(true);
  });

  it('counts in the zone of the unit’s KATO region, reported as a default with the region and the zone', () => {
    const almaty = anElection();
    expect(almaty.rules).toMatchObject({ timeZone: 'Asia/Almaty', utcOffsetMinutes: null });
    const report = electionRulesReport(almaty);
    const zone = report.find((r) => r.rule === 'timeZone');
    expect(zone).toMatchObject({ value: 'Asia/Almaty', source: 'product-default' });
    expect(zone?.basis).toContain('Asia/Almaty');
    expect(zone?.basis).toContain('KATO region 19 (Almaty region)');
    expect(report.find((r) => r.rule === 'utcOffsetMinutes')).toMatchObject({
      value: null,
      source: 'product-default',
    });

    const atyrau = anElection({ unit: { ...newElectionInput().unit, kato: '231010100' } });
    expect(atyrau.rules.timeZone).toBe('Asia/Atyrau');
    expect(electionRulesReport(atyrau).find((r) => r.rule === 'timeZone')?.basis).toContain(
      'KATO region 23 (Atyrau region)',
    );
  });

  it('counts a calendar spanning 1 March 2024 in UTC+6, then UTC+5 (D = 2024-03-24, region 19)', () => {
    const election = anElection({ electionDay: '2024-03-24', calledOn: '2024-02-14' });
    expect(election.calendar.nominationClosesAt).toBe('2024-02-27T12:00:00.000Z');
    expect(election.calendar.registrationClosesAt).toBe('2024-03-03T13:00:00.000Z');
    expect(signingWindow(election)).toEqual({ from: '2024-02-15', to: '2024-02-27' });
    expect(signingWindow({ ...election, nominationExtended: true })).toEqual({
      from: '2024-02-15',
      to: '2024-03-01',
    });
  });

  it('reports a zone or a fixed offset the election sets itself as configured', () => {
    const zoned = anElection({}, { timeZone: 'asia/atyrau' });
    expect(zoned.rules.timeZone).toBe('Asia/Atyrau');
    expect(zoned.calendar.nominationClosesAt).toBe('2026-02-17T13:00:00.000Z');
    expect(electionRulesReport(zoned).find((r) => r.rule === 'timeZone')).toMatchObject({
      value: 'Asia/Atyrau',
      source: 'configured',
    });

    const fixed = anElection(
      { electionDay: '2024-03-24', calledOn: '2024-02-14' },
      { utcOffsetMinutes: 360 },
    );
    expect(fixed.rules).toMatchObject({ timeZone: null, utcOffsetMinutes: 360 });
    expect(fixed.calendar.registrationClosesAt).toBe('2024-03-03T12:00:00.000Z');
    const report = electionRulesReport(fixed);
    expect(report.find((r) => r.rule === 'utcOffsetMinutes')).toMatchObject({
      value: 360,
      source: 'configured',
    });
    expect(report.find((r) => r.rule === 'timeZone')).toMatchObject({
      value: null,
      source: 'product-default',
    });
    expect(report.find((r) => r.rule === 'timeZone')?.basis).toContain('utcOffsetMinutes');
  });

  it('refuses a zone Intl does not know, a fixed offset given as a zone, and a zone with an offset', () => {
    expect(issuesOf(newElectionInput({}, { timeZone: 'Mars/Olympus' }))).toEqual([
      expect.objectContaining({ field: 'rules.timeZone', code: 'TIME_ZONE_UNKNOWN' }),
    ]);
    expect(issuesOf(newElectionInput({}, { timeZone: '+06:00' }))).toEqual([
      expect.objectContaining({ field: 'rules.timeZone', code: 'TIME_ZONE_UNKNOWN' }),
    ]);
    expect(issuesOf(newElectionInput({}, { timeZone: 'Asia/Almaty', utcOffsetMinutes: 360 }))).toEqual([
      expect.objectContaining({ field: 'rules.utcOffsetMinutes', code: 'TIME_ZONE_CONFLICT' }),
    ]);
  });

  it('refuses a unit whose KATO code names no region, unless the election sets its own zone', () => {
    const nowhere = { ...newElectionInput().unit, kato: '281020100' };
    const issues = issuesOf(newElectionInput({ unit: nowhere }));
    expect(issues).toEqual([expect.objectContaining({ field: 'unit.kato', code: 'KATO_REGION_UNKNOWN' })]);
    expect((issues[0] && issueInWords(issues[0]))?.message.en).toContain('28');
    expect(anElection({ unit: nowhere }, { timeZone: 'Asia/Almaty' }).rules.timeZone).toBe('Asia/Almaty');
  });

  it('refuses a rule the product does not know', () => {
    expect(issuesOf(newElectionInput({}, { extensionDays: 1, quorum: 3 } as never))).toEqual([
      expect.objectContaining({ field: 'rules.quorum', code: 'UNKNOWN_FIELD' }),
    ]);
  });
});

describe('an election’s voter register and signing window', () => {
  it('needs no threshold until the register is in, then 1% of its voters', () => {
    const election = anElection();
    expect(requiredSignaturesIn(election)).toBeNull();
    const registered = withVoterRegister(
      election,
      {
        snapshotId: 'snap-1',
        voters: 1236,
        importedAt: '2026-02-05T04:00:00.000Z',
        source: 'district list of 2026-02-05',
      },
      '2026-02-05T04:00:00.000Z',
    );
    expect(requiredSignaturesIn(registered)).toBe(13);
    expect(registered.voterRegister?.source).toBe('district list of 2026-02-05');
  });

  it('keeps the first import of the same list, and refuses a new list once nomination has closed', () => {
    const election = anElection();
    const snapshot = {
      snapshotId: 'snap-1',
      voters: 800,
      importedAt: '2026-02-05T04:00:00.000Z',
      source: 'list',
    };
    const registered = withVoterRegister(election, snapshot, snapshot.importedAt);
    expect(
      withVoterRegister(
        registered,
        { ...snapshot, importedAt: '2026-02-06T04:00:00.000Z' },
        '2026-02-06T04:00:00.000Z',
      ),
    ).toBe(registered);
    const close = election.calendar.nominationClosesAt;
    expect(() => withVoterRegister(registered, { ...snapshot, snapshotId: 'snap-2' }, close)).toThrow(
      RegisterAfterCloseError,
    );
    const justBefore = new Date(Date.parse(close) - 1).toISOString();
    expect(
      withVoterRegister(registered, { ...snapshot, snapshotId: 'snap-2' }, justBefore).voterRegister
        ?.snapshotId,
    ).toBe('snap-2');
  });

  it('allows signatures from the day after calling to the close of nomination, extended or not', () => {
    const election = anElection();
    expect(signingWindow(election)).toEqual({ from: '2026-02-05', to: '2026-02-17' });
    expect(signingWindow({ ...election, nominationExtended: true })).toEqual({
      from: '2026-02-05',
      to: '2026-02-20',
    });
  });
});

describe('the election as read, in one shape, with the new rules reported', () => {
  it('lists every rule of issue 12 as a product default with its basis', () => {
    const report = electionRulesReport(anElection());
    for (const rule of [
      'communityMeetingMajorityShare',
      'additionalCandidateWindowMinDays',
      'electionDepositMinimumWages',
      'specialCheckReceiptDaysAfterFiling',
    ]) {
      expect(report.find((r) => r.rule === rule)).toMatchObject({
        source: 'product-default',
        basis: expect.stringMatching(/.{40}/),
      });
    }
    expect(report.find((r) => r.rule === 'electionDepositMinimumWages')?.value).toBeNull();
    expect(report.find((r) => r.rule === 'communityMeetingMajorityShare')?.value).toBe(0.5);
  });

  it('shows the rules as the list, without the stored object, the configured names or the wake-up', () => {
    const view = electionView(anElection({}, { electionDepositMinimumWages: 5 }));
    expect(view).not.toHaveProperty('configuredRules');
    expect(view).not.toHaveProperty('wakeUp');
    expect(view.rules).toContainEqual(
      expect.objectContaining({ rule: 'electionDepositMinimumWages', value: 5, source: 'configured' }),
    );
    expect(view.callingCheck).toMatchObject({ status: 'unknown' });
  });

  it('records a late call as a notice to the commission, and calls the election all the same', () => {
    const late = anElection({ incumbentTermEndsOn: '2026-03-10' });
    expect(late.notices).toEqual([
      {
        at: '2026-02-04T06:00:00.000Z',
        to: 'commission',
        code: 'ELECTION_CALLED_LATE',
        details: { termEndsOn: '2026-03-10', latestCallOn: '2026-01-29' },
      },
      // Election day (15 March) is after the term's end, so the 10-day check of the vote is not met either.
      {
        at: '2026-02-04T06:00:00.000Z',
        to: 'commission',
        code: 'ELECTION_DAY_TOO_CLOSE_TO_TERM_END',
        details: { termEndsOn: '2026-03-10', latestElectionDay: '2026-02-28', electionDay: '2026-03-15' },
      },
    ]);
    expect(electionView(late).callingCheck).toMatchObject({ status: 'not-met', latestCallOn: '2026-01-29' });
    // Called on the 40th day before the term's end: on time, though the vote (the day before) is not.
    expect(anElection({ incumbentTermEndsOn: '2026-03-16' }).notices.map((n) => n.code)).toEqual([
      'ELECTION_DAY_TOO_CLOSE_TO_TERM_END',
    ]);
    expect(anElection({ incumbentTermEndsOn: '2026-03-25' }).notices).toEqual([]);
  });
});
