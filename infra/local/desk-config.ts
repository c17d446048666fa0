import { type DeskConfig, DeskConfigSchema } from '../../shared/desk-config.ts';
import { DESK_CLIENT_ID, OIDC_PATH } from './accounts/sign-in-service.ts';

/**
 * The local engine's desk configuration: it signs in at the engine itself and calls the API beside it. Checked
 * against the desk's own schema here, so that a wrong one stops the engine rather than the desk in a browser.
 */
export function deskConfig(engineUrl: string): DeskConfig {
  return DeskConfigSchema.parse({
    authority: `${engineUrl}${OIDC_PATH}`,
    clientId: DESK_CLIENT_ID,
    apiUrl: engineUrl,
  });
}
