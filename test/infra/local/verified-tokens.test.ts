// The local engine checks a token's signature once and keeps its claims until it expires (local-tokens.ts): what it
// keeps must never let through a token that verification would refuse.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalTokens } from '../../../infra/local/local-tokens.ts';

const commission = { role: 'commission', subject: 'tec', district: '1952' } as const;
let dataDir: string;
let tokens: LocalTokens;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'akim-tokens-'));
  tokens = LocalTokens.inDataDir(dataDir);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-02-05T04:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tokens the engine has verified before', () => {
  it('are refused from the second they expire, though they were accepted a moment before', async () => {
    const token = await tokens.issue(commission, 60);
    expect(await tokens.verify(token)).toMatchObject({ role: 'commission', district: '1952' });
    vi.setSystemTime(new Date('2026-02-05T04:00:59.000Z'));
    expect(await tokens.verify(token)).toMatchObject({ role: 'commission' });
    vi.setSystemTime(new Date('2026-02-05T04:01:00.000Z'));
    await expect(tokens.verify(token)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
    // Refused again, not taken back by a second look.
    await expect(tokens.verify(token)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
  });

  it('do not vouch for a token that differs from them by one byte of its signature', async () => {
    const token = await tokens.issue(commission);
    await tokens.verify(token);
    // A character inside the signature (the last one's low bits are padding, ignored by any decoder).
    const at = token.length - 10;
    const changed = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    await expect(tokens.verify(changed)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
  });

  it('keep an operator’s token and the API’s apart, whichever was verified first', async () => {
    const operator = await tokens.issueOperator('op');
    const api = await tokens.issue(commission);
    await tokens.verifyOperator(operator);
    await tokens.verify(api);
    await expect(tokens.verify(operator)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
    await expect(tokens.verifyOperator(api)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
  });

  it('are not taken by an engine with another key', async () => {
    const token = await tokens.issue(commission);
    await tokens.verify(token);
    const elsewhere = LocalTokens.inDataDir(mkdtempSync(join(tmpdir(), 'akim-tokens-other-')));
    await expect(elsewhere.verify(token)).rejects.toThrow(
      expect.objectContaining({ name: 'UnauthorizedError' }),
    );
  });
});
