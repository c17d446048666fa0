import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, withinResponseLimit } from '../../shared/http/response-limit.ts';

describe('the answer limit', () => {
  it('passes an answer that fits Lambda’s 6 MB, escaped as API Gateway carries it', () => {
    const answer = { status: 200, body: { text: 'a'.repeat(MAX_RESPONSE_BYTES - 100) } };
    expect(withinResponseLimit(answer, 'en')).toBe(answer);
  });

  it('refuses an answer that would pass 6 MB only once escaped, as AWS would, in the caller’s language', () => {
    // Each quote is one byte in the body and two once the body travels as a JSON string.
    const answer = { status: 200, body: { text: '"'.repeat(4 * 1024 * 1024) } };
    const refused = withinResponseLimit(answer, 'ru');
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({
      error: { code: 'RESPONSE_TOO_LARGE', details: { maximumBytes: MAX_RESPONSE_BYTES } },
    });
    expect(JSON.stringify(refused.body)).toContain('Ответ слишком велик');
  });
});
