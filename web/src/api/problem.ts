/** One field's problem as the API names it: `field` is a dotted path into the body sent (e.g. `grounds.0`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** What went wrong, in the words the API chose in the desk's language (or the desk's own, when it got no answer). */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly FieldProblem[];
  /** The HTTP status of an answer that was not the API's own error (a gateway's, a proxy's): what the desk says. */
  readonly status?: number;
}

export type Outcome<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problem: Problem };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The API's error body (`{ error: { code, message, issues } }`) as a problem; anything else as `fallback`. */
export function problemOf(body: unknown, fallback: string): Problem {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (error === null || typeof error.message !== 'string')
    return { code: 'UNKNOWN', message: fallback, fields: [] };
  const issues = Array.isArray(error.issues) ? error.issues : [];
  return {
    code: typeof error.code === 'string' ? error.code : 'UNKNOWN',
    message: error.message,
    fields: issues.flatMap((issue) =>
      isRecord(issue) && typeof issue.field === 'string' && typeof issue.message === 'string'
        ? [{ field: issue.field, message: issue.message }]
        : [],
    ),
  };
}

/**
 * An API call's outcome: its data, or its problem. A call that never got an answer (offline, the server down)
 * is a problem too, told in `networkMessage`, so that no page is left waiting.
 */
export async function outcome<T>(
  call: Promise<{ readonly data?: T; readonly error?: unknown; readonly response: Response }>,
  networkMessage: string,
): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok && data !== undefined) return { ok: true, data };
    const problem = problemOf(error, networkMessage);
    // A gateway's own answer (API Gateway's 429, 502, 503, 504: `{"message": …}`, not the API's error body) says
    // nothing of whether the engine acted: the request may have been recorded. It counts as no answer, so the form
    // sends it again with the same Idempotency-Key.
    if (problem.code === 'UNKNOWN' && (response.status === 429 || response.status >= 500))
      return { ok: false, problem: { ...problem, code: 'NETWORK', status: response.status } };
    if (problem.code === 'UNKNOWN') return { ok: false, problem: { ...problem, status: response.status } };
    return { ok: false, problem };
  } catch {
    return { ok: false, problem: { code: 'NETWORK', message: networkMessage, fields: [] } };
  }
}
