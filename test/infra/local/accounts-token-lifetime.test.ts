// Issue 13, session renewal: the ID token's life is an hour, as Cognito's; tests shorten it to watch the desk
// renew, and a value nobody meant stops the engine instead of signing tokens with it.
import { describe, expect, it } from 'vitest';
import { idTokenLifetime } from '../../../infra/local/accounts/sign-in-service.ts';

describe('the ID token’s lifetime (ID_TOKEN_SECONDS)', () => {
  it('is an hour when not given', () => {
    expect(idTokenLifetime(undefined)).toBe(3600);
    expect(idTokenLifetime('')).toBe(3600);
  });

  it('takes whole seconds from 5 to 3,600', () => {
    expect(idTokenLifetime('5')).toBe(5);
    expect(idTokenLifetime('3600')).toBe(3600);
  });

  it('refuses what would make tokens that never live, or outlive Cognito’s hour', () => {
    for (const value of ['0', '4', '3601', '1e9', '10.5', '-60', 'hour', ' 60 ']) {
      expect(() => idTokenLifetime(value), value).toThrow(/ID_TOKEN_SECONDS/);
    }
  });
});
