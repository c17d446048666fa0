// Issue 13 §2 "Sign-in and accounts": what an account request may say, before anything is stored.
import { describe, expect, it } from 'vitest';
import { NewAccountSchema, scopeOf, UsernameSchema, usernameFor } from '../../shared/domain/account.ts';
import { errorCatalogue } from '../../shared/domain/error-catalogue.ts';
import { accountMessages } from '../../shared/domain/messages/accounts.ts';
import { messageProblems } from '../support/message-language.ts';

const VALID_IIN = '850402300011';

describe('login names', () => {
  it('are kept in lower case, so that «Clerk» and «clerk» are one name', () => {
    expect(UsernameSchema.parse('  Clerk.1952 ')).toBe('clerk.1952');
  });

  it('refuse an IIN, or any twelve digits, as a login name', () => {
    expect(UsernameSchema.safeParse(VALID_IIN).success).toBe(false);
    expect(UsernameSchema.safeParse(`aigul${VALID_IIN}`).success).toBe(false);
  });

  it('refuse spaces, markup, and names longer than 64 characters', () => {
    for (const bad of ['ai gul', '<script>', 'a', 'x'.repeat(65), 'айгүл']) {
      expect(UsernameSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('a new account', () => {
  it('refuses a candidate whose scope is not a valid IIN (its check digit fails)', () => {
    const result = NewAccountSchema.safeParse({ role: 'candidate', scope: '850402300012', name: 'Айгүл' });
    expect(result.success).toBe(false);
  });

  it('refuses an admin flag: only the operator’s command line makes an administrator', () => {
    const result = NewAccountSchema.safeParse({
      role: 'commission',
      scope: '1952',
      name: 'ТСК',
      admin: true,
    });
    expect(result.success).toBe(false);
  });

  it('refuses a district that is not four digits, and a name of 10,000 characters', () => {
    expect(NewAccountSchema.safeParse({ role: 'akimat', scope: '19520', name: 'Әкімдік' }).success).toBe(
      false,
    );
    expect(
      NewAccountSchema.safeParse({ role: 'party', scope: 'nur', name: 'x'.repeat(10_000) }).success,
    ).toBe(false);
  });

  it('keeps the scope in the field its role reads: district, party or IIN', () => {
    const candidate = NewAccountSchema.parse({ role: 'candidate', scope: VALID_IIN, name: 'Айгүл' });
    expect(scopeOf(candidate)).toEqual({ iin: VALID_IIN });
    const party = NewAccountSchema.parse({ role: 'party', scope: 'nur-otan', name: 'Хатшы' });
    expect(scopeOf(party)).toEqual({ partyId: 'nur-otan' });
  });

  it('gets a login name from a Latin name, or from its role, never from digits of an IIN', () => {
    const named = NewAccountSchema.parse({ role: 'party', scope: 'nur', name: 'Aigul Seitova' });
    expect(usernameFor(named, 'a1b2c3')).toBe('aigul.seitova.a1b2c3');
    const kazakh = NewAccountSchema.parse({ role: 'akimat', scope: '1952', name: 'Аудан әкімдігі' });
    expect(UsernameSchema.parse(usernameFor(kazakh, 'a1b2c3'))).toBe('audan.akimdigi.a1b2c3');
    const russian = NewAccountSchema.parse({ role: 'party', scope: 'nur', name: 'Щукин Юрий' });
    expect(UsernameSchema.parse(usernameFor(russian, 'a1b2c3'))).toBe('shchukin.yuriy.a1b2c3');
    const symbols = NewAccountSchema.parse({ role: 'akimat', scope: '1952', name: '«—»' });
    expect(usernameFor(symbols, 'a1b2c3')).toBe('akimat.a1b2c3');
    const digits = NewAccountSchema.parse({
      role: 'candidate',
      scope: VALID_IIN,
      name: `Candidate ${VALID_IIN}`,
    });
    expect(usernameFor(digits, 'a1b2c3')).not.toMatch(/\d{12}/);
  });
});

describe('account and sign-in messages', () => {
  it('read whole in Kazakh, Russian and English', () => {
    for (const code of Object.keys(accountMessages)) {
      const template = errorCatalogue[code as keyof typeof errorCatalogue];
      const text = template({ username: 'clerk.1952', district: '1953' });
      expect(messageProblems(text), code).toEqual([]);
    }
  });
});
