// oidc-provider ships no types; this is the part of its API the local engine uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface KoaContext {
    type: string;
    body: string;
    status: number;
    host: string;
    oidc: {
      readonly client?: { readonly clientId: string };
      readonly session?: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined };
      readonly result?: { readonly consent?: { readonly grantId?: string } };
      readonly provider: Provider;
      readonly params?: Readonly<Record<string, unknown>>;
    };
    readonly acceptsLanguages: (...languages: string[]) => string | false;
  }

  interface AccountClaims {
    readonly accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>>;
  }

  interface Interaction {
    readonly uid: string;
    readonly prompt: { readonly name: string };
    readonly params: Readonly<Record<string, unknown>>;
    readonly session?: { readonly accountId?: string };
    readonly grantId?: string;
  }

  interface GrantInstance {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  interface Configuration {
    /** Where sessions, codes and grants are kept: a factory of one adapter per model. */
    readonly adapter: (model: string) => unknown;
    readonly clients: readonly Record<string, unknown>[];
    readonly jwks: { readonly keys: readonly Record<string, unknown>[] };
    readonly cookies: { readonly keys: readonly string[] };
    readonly claims: Readonly<Record<string, readonly string[]>>;
    readonly conformIdTokenClaims: boolean;
    readonly features: Readonly<Record<string, Record<string, unknown>>>;
    readonly pkce: { readonly required: () => boolean };
    /** The response types offered in discovery and accepted (default: implicit and hybrid ones too). */
    readonly responseTypes?: readonly string[];
    readonly ttl: Readonly<Record<string, number>>;
    /** Whether a code (or a refresh) gets a refresh token (default: only with the `offline_access` scope). */
    readonly issueRefreshToken?: (ctx: KoaContext, client: unknown, code: unknown) => Promise<boolean>;
    /** Whether a refresh spends its token and issues a new one. */
    readonly rotateRefreshToken?: (ctx: KoaContext) => boolean;
    readonly findAccount: (ctx: KoaContext, sub: string) => Promise<AccountClaims | undefined>;
    readonly interactions: { readonly url: (ctx: KoaContext, interaction: Interaction) => Promise<string> };
    readonly loadExistingGrant: (ctx: KoaContext) => Promise<GrantInstance | undefined>;
    readonly renderError: (ctx: KoaContext, out: Record<string, string>, error: Error) => Promise<void>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    readonly Grant: {
      new (properties: { accountId: string; clientId: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
  }
}

declare module 'oidc-provider/lib/adapters/memory_adapter.js' {
  /** The provider’s own in-memory store (an LRU of 1,000 entries): a factory of one adapter per model. */
  export function createMemoryAdapter(clockTolerance?: number): (model: string) => unknown;
}
