import { describe, expect, it } from 'vitest';
import { storedAnswer } from '../../functions/support/idempotency.ts';

describe('the answer kept for a repeated request', () => {
  it('keeps no personal data, and cuts lists an item could not hold, saying so', () => {
    const rejected = Array.from({ length: 20_000 }, (_, i) => ({
      sheet: 1 + Math.floor(i / 999),
      line: 1 + (i % 999),
      reason: 'SIGNER_NOT_ON_REGISTER',
      iin: '900101300123',
    }));
    const kept = storedAnswer({ rejectedCount: 20_000, rejected });
    expect(kept).toMatchObject({ rejectedCount: 20_000, replayShortened: true });
    expect(JSON.stringify(kept)).not.toContain('900101300123');
    expect((kept as { rejected: unknown[] }).rejected).toHaveLength(1_000);
    expect(storedAnswer({ rejectedCount: 1, rejected: rejected.slice(0, 1) })).not.toHaveProperty(
      'replayShortened',
    );
  });
});
