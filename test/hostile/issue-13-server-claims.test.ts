// Issue 13, attacked through a token's claims: what a party's or a candidate's account may act on when the
// district that made it travels in its token (Cognito's immutable `custom:managed_by`, the engine's the same).
import { describe, expect, it } from 'vitest';
import { callerFromClaims, claimsOf } from '../../shared/auth/claims.ts';
import { actsInElection } from '../../shared/auth/scope.ts';

const ELECTION_1952 = '195230100-2026-03-15';

describe('a party’s or a candidate’s managing district', () => {
  it('keeps an account made by district 1953 out of district 1952’s elections, and lets it into its own', () => {
    const party = callerFromClaims({
      sub: 'acct-0a1b2c3d4e5f6a7b8c9d0e1f',
      'cognito:groups': '[party]',
      'custom:party': 'amanat',
      'custom:managed_by': '1953',
    });
    expect(party).toMatchObject({ role: 'party', partyId: 'amanat', managedBy: '1953' });
    expect(actsInElection(party, ELECTION_1952)).toBe(false);
    expect(actsInElection(party, '195330100-2026-03-15')).toBe(true);
    const candidate = callerFromClaims({
      sub: 'acct-1a1b2c3d4e5f6a7b8c9d0e1f',
      'cognito:groups': ['candidate'],
      'custom:iin': '850402300011',
      'custom:managed_by': '1953',
    });
    expect(actsInElection(candidate, ELECTION_1952)).toBe(false);
  });

  it('gives a commission or an akimat no second district through the claim, and refuses one that is no district', () => {
    const commission = callerFromClaims({
      sub: 'acct-2a1b2c3d4e5f6a7b8c9d0e1f',
      'cognito:groups': ['commission'],
      'custom:district': '1952',
      'custom:managed_by': '1953',
    });
    expect(commission).toEqual({
      role: 'commission',
      subject: 'acct-2a1b2c3d4e5f6a7b8c9d0e1f',
      district: '1952',
    });
    expect(() =>
      callerFromClaims({
        sub: 'acct-3a1b2c3d4e5f6a7b8c9d0e1f',
        'cognito:groups': ['party'],
        'custom:party': 'amanat',
        'custom:managed_by': "1952' OR 1=1",
      }),
    ).toThrow();
  });

  it('leaves an account the operator made outside any district, and its tokens, acting as before', () => {
    const party = callerFromClaims({
      sub: 'amanat-secretary',
      'cognito:groups': ['party'],
      'custom:party': 'amanat',
    });
    expect(actsInElection(party, ELECTION_1952)).toBe(true);
    expect(
      callerFromClaims(claimsOf({ role: 'party', subject: 's', partyId: 'amanat', managedBy: '1953' })),
    ).toEqual({
      role: 'party',
      subject: 's',
      partyId: 'amanat',
      managedBy: '1953',
    });
  });
});

describe('an account whose random id holds twelve digits in a row (one in about twenty)', () => {
  it('acts as any other: its id is chance, not an IIN', () => {
    const caller = callerFromClaims({
      sub: 'acct-ab850402300011cdef012345',
      'cognito:groups': ['commission', 'admin'],
      'custom:district': '1952',
    });
    expect(caller).toMatchObject({
      role: 'commission',
      subject: 'acct-ab850402300011cdef012345',
      admin: true,
    });
    // Any other subject with an IIN in it is still refused (a token made with a person's IIN as its subject).
    expect(() =>
      callerFromClaims({
        sub: 'candidate-850402300011',
        'cognito:groups': ['commission'],
        'custom:district': '1952',
      }),
    ).toThrow();
  });
});
