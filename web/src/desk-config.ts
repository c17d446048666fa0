import { type DeskConfig, DeskConfigSchema } from '../../shared/desk-config.ts';

export type { DeskConfig };

/** What whoever serves the desk tells it (`/desk-config.json`): where to sign in and where the API is. */
export async function loadDeskConfig(): Promise<DeskConfig> {
  const response = await fetch('/desk-config.json', { cache: 'no-store' });
  const parsed = DeskConfigSchema.safeParse(await response.json());
  if (!parsed.success) {
    throw new Error(`desk-config.json is not the desk's configuration: ${parsed.error.message}`);
  }
  const { endSessionEndpoint, ...config } = parsed.data;
  return endSessionEndpoint === undefined ? config : { ...config, endSessionEndpoint };
}
