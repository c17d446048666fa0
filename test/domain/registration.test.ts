import { describe, expect, it } from 'vitest';
import { ElectionRulesSchema } from '../../shared/domain/election-rules.ts';
import type { Eligibility } from '../../shared/domain/eligibility.ts';
import { RegistrationBlockedError, ValidationError } from '../../shared/domain/errors.ts';
import { checkRegistrationDecision } from '../../shared/domain/registration.ts';

const rules = ElectionRulesSchema.parse({});
const eligible: Eligibility = { outcome: 'eligible', findings: [] };
const pending: Eligibility = {
  outcome: 'pending',
  findings: [
    { code: 'SPECIAL_CHECK_PENDING', ground: 'Civil Service Law 19 p.1', effect: 'pending', details: {} },
  ],
};
const ineligible: Eligibility = {
  outcome: 'ineligible',
  findings: [{ code: 'UNDER_MINIMUM_AGE', ground: 'CLE 113-2', effect: 'fails', details: {} }],
};

describe('the commission’s registration decision (CLE 113-5)', () => {
  it('registers an eligible candidate', () => {
    expect(checkRegistrationDecision({ decision: 'register' }, eligible, rules)).toEqual({
      decision: 'register',
    });
  });

  it('cannot register an ineligible candidate, and says why', () => {
    expect(() => checkRegistrationDecision({ decision: 'register' }, ineligible, rules)).toThrowError(
      expect.objectContaining({
        name: 'RegistrationBlockedError',
        details: { findings: [expect.objectContaining({ code: 'UNDER_MINIMUM_AGE', ground: 'CLE 113-2' })] },
      }),
    );
  });

  it('waits for outstanding checks unless the election allows registering before them', () => {
    expect(() => checkRegistrationDecision({ decision: 'register' }, pending, rules)).toThrow(
      RegistrationBlockedError,
    );
    const lenient = ElectionRulesSchema.parse({ registrationRequiresCompletedChecks: false });
    expect(checkRegistrationDecision({ decision: 'register' }, pending, lenient).decision).toBe('register');
  });

  it('refuses only on grounds from the election’s list', () => {
    const refusal = {
      decision: 'refuse' as const,
      grounds: ['age-requirement'],
      reasons: 'Under 25 on election day',
    };
    expect(checkRegistrationDecision(refusal, ineligible, rules)).toEqual(refusal);
    expect(() =>
      checkRegistrationDecision({ ...refusal, grounds: ['dislike'] }, ineligible, rules),
    ).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'grounds.0', code: 'REFUSAL_GROUND_UNKNOWN' })],
      }),
    );
    expect(() => checkRegistrationDecision({ ...refusal, grounds: ['dislike'] }, ineligible, rules)).toThrow(
      ValidationError,
    );
  });
});

describe('registration where the election requires a deposit [D]', () => {
  const depositOutstanding: Eligibility = {
    outcome: 'pending',
    findings: [
      {
        code: 'DEPOSIT_NOT_RECORDED',
        ground: 'Election deposit [D: electionDepositMinimumWages]',
        effect: 'pending',
        details: { minimumWages: 5 },
      },
    ],
  };

  it('refuses to register without it, naming it, even where checks may be outstanding', () => {
    const lenient = ElectionRulesSchema.parse({
      registrationRequiresCompletedChecks: false,
      electionDepositMinimumWages: 5,
    });
    expect(() =>
      checkRegistrationDecision({ decision: 'register' }, depositOutstanding, lenient),
    ).toThrowError(
      expect.objectContaining({
        name: 'RegistrationBlockedError',
        details: {
          findings: [
            {
              code: 'DEPOSIT_NOT_RECORDED',
              ground: 'Election deposit [D: electionDepositMinimumWages]',
              details: { minimumWages: 5 },
            },
          ],
        },
      }),
    );
  });

  it('still lets the commission refuse a candidate without it', () => {
    const refusal = {
      decision: 'refuse' as const,
      grounds: ['documents-incomplete'],
      reasons: 'No deposit and no service record',
    };
    expect(checkRegistrationDecision(refusal, depositOutstanding, rules)).toEqual(refusal);
  });
});
