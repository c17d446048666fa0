/** What the desk is told by whoever serves it (`/desk-config.json`): where to sign in and where the API is. */
export interface DeskConfig {
  readonly authority: string;
  readonly clientId: string;
  readonly apiUrl: string;
  /** On AWS, Cognito's sign-out page (`https://<domain>/logout`), which its discovery document does not name. */
  readonly endSessionEndpoint?: string;
}

export async function loadDeskConfig(): Promise<DeskConfig> {
  const response = await fetch('/desk-config.json', { cache: 'no-store' });
  const body: unknown = await response.json();
  if (
    typeof body === 'object' &&
    body !== null &&
    'authority' in body &&
    'clientId' in body &&
    'apiUrl' in body &&
    typeof body.authority === 'string' &&
    typeof body.clientId === 'string' &&
    typeof body.apiUrl === 'string'
  ) {
    const endSession = 'endSessionEndpoint' in body ? body.endSessionEndpoint : undefined;
    return {
      authority: body.authority,
      clientId: body.clientId,
      apiUrl: body.apiUrl,
      ...(typeof endSession === 'string' && endSession !== '' ? { endSessionEndpoint: endSession } : {}),
    };
  }
  throw new Error('desk-config.json is not { authority, clientId, apiUrl }');
}
