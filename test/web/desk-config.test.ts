import { afterEach, describe, expect, it, vi } from 'vitest';
import { deskConfig } from '../../infra/local/desk-config.ts';
import { type DeskConfig, DeskConfigSchema } from '../../shared/desk-config.ts';
import { loadDeskConfig } from '../../web/src/desk-config.ts';

afterEach(() => vi.unstubAllGlobals());

/** `/desk-config.json` as whoever serves the desk writes it. */
const served = (body: unknown) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body)));
const complete = {
  authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool',
  clientId: 'desk-client',
  apiUrl: 'https://api.example.kz',
};

describe('the desk’s configuration, defined once (shared/desk-config.ts)', () => {
  it('does not compile where it is written without a field: the CDK deploy and the engine write this type', () => {
    // @ts-expect-error: no apiUrl
    const incomplete: DeskConfig = { authority: complete.authority, clientId: complete.clientId };
    expect(DeskConfigSchema.safeParse(incomplete).success).toBe(false);
  });

  it('is what the local engine serves, checked when it is made', () => {
    expect(DeskConfigSchema.parse(deskConfig('http://127.0.0.1:3000'))).toEqual({
      authority: 'http://127.0.0.1:3000/oidc',
      clientId: expect.any(String),
      apiUrl: 'http://127.0.0.1:3000',
    });
    expect(() => deskConfig('127.0.0.1:3000')).toThrow();
  });

  it('is read by the desk as served', async () => {
    served(complete);
    expect(await loadDeskConfig()).toEqual(complete);
  });

  it('is refused by the desk, naming the field, when a field is missing or is no web address', async () => {
    served({ authority: complete.authority, clientId: complete.clientId });
    await expect(loadDeskConfig()).rejects.toThrow(/apiUrl/);
    served({ ...complete, apiUrl: 'javascript:alert(1)' });
    await expect(loadDeskConfig()).rejects.toThrow(/apiUrl/);
    served({ ...complete, clientId: '' });
    await expect(loadDeskConfig()).rejects.toThrow(/clientId/);
  });
});
