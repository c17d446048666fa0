import { DESK_CLIENT_ID, OIDC_PATH } from './accounts/sign-in-service.ts';

/** What `/desk-config.json` tells the desk (web/src/auth/session.ts) on AWS and locally: where to sign in, and the API. */
export interface DeskConfig {
  /** The OpenID provider: the Cognito user pool on AWS, the engine's own `/oidc` locally. */
  readonly authority: string;
  readonly clientId: string;
  readonly apiUrl: string;
}

/** The local engine's desk configuration: it signs in at the engine itself and calls the API beside it. */
export function deskConfig(engineUrl: string): DeskConfig {
  return { authority: `${engineUrl}${OIDC_PATH}`, clientId: DESK_CLIENT_ID, apiUrl: engineUrl };
}
