import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../shared/auth/claims.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const commissionClaims = (sub: string) => ({
  sub,
  'cognito:groups': '[commission]',
  'custom:district': '1952',
});

describe('callers from token claims', () => {
  it('accepts every Cognito subject, a UUID, even one whose last group is twelve digits', () => {
    expect(callerFromClaims(commissionClaims('7c9e6679-7425-40de-944b-123456789012'))).toMatchObject({
      role: 'commission',
      subject: '7c9e6679-7425-40de-944b-123456789012',
    });
    fc.assert(
      fc.property(fc.uuid(), (sub) => {
        expect(callerFromClaims(commissionClaims(sub))).toMatchObject({ subject: sub });
      }),
    );
  });

  it('refuses a subject that carries an IIN, or is too long to be an account name', () => {
    for (const sub of ['candidate-850402300011', 'x'.repeat(129), 'name with spaces', '']) {
      expect(() => callerFromClaims(commissionClaims(sub)), sub).toThrow(UnauthorizedError);
    }
  });
});
