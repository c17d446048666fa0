import { describe, expect, it } from 'vitest';
import {
  callElection,
  electionRulesReport,
  requiredSignaturesIn,
  signingWindow,
  withVoterRegister,
} from '../../shared/domain/election.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
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
      expect(issue.message.kk).not.toBe(issue.message.ru);
      expect(issue.message.en.length).toBeGreaterThan(0);
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
    const registered = withVoterRegister(election, {
      snapshotId: 'snap-1',
      voters: 1236,
      importedAt: '2026-02-05T04:00:00.000Z',
      source: 'district list of 2026-02-05',
    });
    expect(requiredSignaturesIn(registered)).toBe(13);
    expect(registered.voterRegister?.source).toBe('district list of 2026-02-05');
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
