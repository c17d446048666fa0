import createClient from 'openapi-fetch';
import type { operations, paths } from './schema.d.ts';

export type DeskClient = ReturnType<typeof createClient<paths>>;

export interface ClientContext {
  /** Where the API is: the engine itself locally, API Gateway's URL on AWS (from /desk-config.json). */
  readonly apiUrl: string;
  /** The signed-in user's ID token, or null for the public. */
  readonly token: () => Promise<string | null>;
  /** The desk's language: the API answers its messages in it. */
  readonly language: () => string;
  /**
   * Called when the API refuses a request as unauthenticated (401): the ID token has expired and could not be
   * renewed (the account was disabled, the session ended), or was never there, so the desk shows itself signed
   * out and offers to sign in again rather than leaving a signed-in header over pages that fail.
   */
  readonly onSignedOut?: () => void;
}

/**
 * The desk's only way to the API: a client typed by the document the engine serves (schema.d.ts is generated
 * from it), which adds the bearer token and the language to every request.
 */
export function createDeskClient(context: ClientContext): DeskClient {
  const client = createClient<paths>({ baseUrl: context.apiUrl.replace(/\/$/, '') });
  client.use({
    async onRequest({ request }) {
      const token = await context.token();
      if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
      request.headers.set('Accept-Language', context.language());
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) context.onSignedOut?.();
      return response;
    },
  });
  return client;
}

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** What an operation answers when it succeeds (200 or 201). */
export type Answer<Op extends keyof operations> = operations[Op]['responses'] extends infer R
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;
