import { describe, expect, it } from 'vitest';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import { assessEligibility, type CandidateChecks, CandidateSchema } from '../../shared/domain/eligibility.ts';
import { aCandidate } from '../support/candidates.ts';

const rules = ElectionRulesSchema.parse({});
const context = { electionDay: '2026-03-15', filedOn: '2026-02-10', rules };
const cleared: CandidateChecks = { specialCheck: 'passed', declarationsFiled: true, disqualification: null };

const codes = (result: ReturnType<typeof assessEligibility>) => result.findings.map((f) => f.code);

describe('eligibility (CLE 113-2, CLE 4 p.4, LGA 36, Civil Service Law 19)', () => {
  it('finds an eligible candidate with every check in', () => {
    expect(assessEligibility(aCandidate(), cleared, context)).toEqual({ outcome: 'eligible', findings: [] });
  });

  it('counts the age of 25 on election day by default', () => {
    const turns25OnElectionDay = aCandidate({ birthDate: '2001-03-15' });
    const turns25TheDayAfter = aCandidate({ birthDate: '2001-03-16' });
    expect(assessEligibility(turns25OnElectionDay, cleared, context).outcome).toBe('eligible');
    const late = assessEligibility(turns25TheDayAfter, cleared, context);
    expect(late.outcome).toBe('ineligible');
    expect(late.findings[0]).toMatchObject({
      code: 'UNDER_MINIMUM_AGE',
      ground: 'CLE 113-2',
      details: { on: '2026-03-15' },
    });
  });

  it('counts age on the filing day when the election says so', () => {
    const candidate = aCandidate({ birthDate: '2001-03-01' });
    const onFiling = {
      ...context,
      rules: ElectionRulesSchema.parse({ candidateAgeCountedOn: 'filing-day' }),
    };
    expect(codes(assessEligibility(candidate, cleared, onFiling))).toEqual(['UNDER_MINIMUM_AGE']);
  });

  it('refuses a third term in a row, a non-citizen, missing documents and too little education', () => {
    const candidate = aCandidate({
      consecutiveTermsInUnit: 2,
      citizen: false,
      documents: ['identity-document'],
      education: 'secondary',
    });
    const result = assessEligibility(candidate, cleared, context);
    expect(result.outcome).toBe('ineligible');
    expect(codes(result)).toEqual([
      'NOT_A_CITIZEN',
      'CONSECUTIVE_TERMS_LIMIT',
      'DOCUMENTS_MISSING',
      'EDUCATION_INSUFFICIENT',
    ]);
    expect(result.findings.find((f) => f.code === 'DOCUMENTS_MISSING')?.details).toMatchObject({
      missing: expect.arrayContaining(['service-record', 'education-document']),
    });
  });

  it('allows a second term in a row', () => {
    expect(assessEligibility(aCandidate({ consecutiveTermsInUnit: 1 }), cleared, context).outcome).toBe(
      'eligible',
    );
  });

  it('is pending while the special check and declarations are outstanding', () => {
    const result = assessEligibility(
      aCandidate(),
      { specialCheck: 'pending', declarationsFiled: false, disqualification: null },
      context,
    );
    expect(result.outcome).toBe('pending');
    expect(result.findings.map((f) => [f.code, f.effect])).toEqual([
      ['SPECIAL_CHECK_PENDING', 'pending'],
      ['DECLARATIONS_PENDING', 'pending'],
    ]);
  });

  it('fails on a failed special check or a CLE 4 p.4 ground', () => {
    const result = assessEligibility(
      aCandidate(),
      { ...cleared, specialCheck: 'failed', disqualification: 'unexpunged conviction' },
      context,
    );
    expect(result.outcome).toBe('ineligible');
    expect(codes(result)).toEqual(['DISQUALIFIED', 'SPECIAL_CHECK_FAILED']);
  });

  it('refuses a filing whose stated birth date contradicts the IIN', () => {
    const result = CandidateSchema.safeParse({ ...aCandidate(), birthDate: '1985-04-03' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['birthDate'],
      params: { code: 'IIN_BIRTH_DATE_MISMATCH' },
    });
  });
});

describe('the election deposit [D: off by default for rural akims]', () => {
  const withDeposit = { ...context, rules: ElectionRulesSchema.parse({ electionDepositMinimumWages: 5 }) };

  it('asks for no deposit by default, and reports the rule off', () => {
    expect(rules.electionDepositMinimumWages).toBeNull();
    expect(codes(assessEligibility(aCandidate(), cleared, context))).toEqual([]);
  });

  it('finds the deposit outstanding where the election requires one, until the commission records it', () => {
    const outstanding = assessEligibility(aCandidate(), cleared, withDeposit);
    expect(outstanding).toEqual({
      outcome: 'pending',
      findings: [
        {
          code: 'DEPOSIT_NOT_RECORDED',
          ground: 'Election deposit [D: electionDepositMinimumWages]',
          effect: 'pending',
          details: { minimumWages: 5 },
        },
      ],
    });
    const paid = { ...cleared, deposit: { paidOn: '2026-02-12', reference: 'PP-114' } };
    expect(assessEligibility(aCandidate(), paid, withDeposit)).toEqual({ outcome: 'eligible', findings: [] });
  });
});

describe('a candidate’s name, as notices and printed decisions quote it', () => {
  it.each([
    ['a right-to-left override', 'Ерік Сәтбаев\u202e'],
    ['a line separator', 'Ерік\u2028Сәтбаев'],
    ['a control character', 'Ерік\u0007Сәтбаев'],
    ['a zero-width joiner', 'Ерік\u200dСәтбаев'],
  ])('refuses %s', (_, fullName) => {
    const parsed = CandidateSchema.safeParse(aCandidate({ fullName }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['fullName']);
  });

  it('takes Kazakh and Russian letters, hyphens and apostrophes', () => {
    expect(CandidateSchema.safeParse(aCandidate({ fullName: 'Әлия Нұрғали-Қызы О’Коннор' })).success).toBe(
      true,
    );
  });
});
