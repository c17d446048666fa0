import type { Caller } from '../../shared/auth/caller.ts';

/** An API operation's request as every infrastructure hands it to the handler: who, which resource, what. */
export interface OperationRequest {
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string | undefined>>;
  /** The query parameters its route declares, as given; absent where none was. */
  readonly query?: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** For a body made from an uploaded file: the line in the file of each row of its bulk field, in order. */
  readonly rowLines?: readonly number[];
  /** For a bulk route: the body's bytes as they came, kept for a job when the work is too large for the request. */
  readonly file?: { readonly bytes: Uint8Array; readonly contentType: string };
}

/** A path parameter the route guarantees. */
export function pathParam(request: OperationRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined || value === '') throw new Error(`route without path parameter ${name}`);
  return value;
}

/** A query parameter the route declares, or undefined when the request gave none. */
export function queryParam(request: OperationRequest, name: string): string | undefined {
  return request.query?.[name];
}
