import type { Caller } from '../../shared/auth/caller.ts';

/** An API operation's request as every infrastructure hands it to the handler: who, which resource, what. */
export interface OperationRequest {
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

/** A path parameter the route guarantees. */
export function pathParam(request: OperationRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined || value === '') throw new Error(`route without path parameter ${name}`);
  return value;
}
