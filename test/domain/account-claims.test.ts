// Issue 13 §2: a commission administrator is a commission account in the `admin` group besides; the API picks
// the role among the groups that name one, in whatever order Cognito or the engine lists them.
import { describe, expect, it } from 'vitest';
import { callerFromClaims, claimsOf } from '../../shared/auth/claims.ts';
import { UnauthorizedError } from '../../shared/domain/errors.ts';

const commission = { sub: 'acct-0123456789abcdef01234567', 'custom:district': '1952' };

describe('an administrator’s claims', () => {
  it('make a commission caller marked admin, whichever group comes first', () => {
    for (const groups of [['commission', 'admin'], ['admin', 'commission'], '[admin commission]']) {
      expect(callerFromClaims({ ...commission, 'cognito:groups': groups })).toEqual({
        role: 'commission',
        subject: commission.sub,
        district: '1952',
        admin: true,
      });
    }
  });

  it('make no administrator of an akimat in the admin group, and no caller of the admin group alone', () => {
    expect(callerFromClaims({ ...commission, 'cognito:groups': ['akimat', 'admin'] })).not.toHaveProperty(
      'admin',
    );
    expect(() => callerFromClaims({ ...commission, 'cognito:groups': ['admin'] })).toThrow(UnauthorizedError);
  });

  it('refuse a token naming two roles, or the public', () => {
    expect(() => callerFromClaims({ ...commission, 'cognito:groups': ['commission', 'akimat'] })).toThrow(
      UnauthorizedError,
    );
    expect(() => callerFromClaims({ ...commission, 'cognito:groups': ['public'] })).toThrow(
      UnauthorizedError,
    );
  });

  it('come back from claimsOf as they went in', () => {
    const admin = { role: 'commission', subject: commission.sub, district: '1952', admin: true } as const;
    expect(claimsOf(admin)['cognito:groups']).toEqual(['commission', 'admin']);
    expect(callerFromClaims(claimsOf(admin))).toEqual(admin);
  });
});
