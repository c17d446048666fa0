import type { ApiRoute } from './api-route.ts';

/**
 * What each path parameter may be. Anything else names no resource: it is refused as not found before any
 * work, so a malformed or huge id never reaches storage (DynamoDB keys are at most 2,048 bytes).
 */
export const pathParameterPatterns: Readonly<Record<string, RegExp>> = {
  electionId: /^\d{9}-\d{4}-\d{2}-\d{2}$/,
  caseId: /^[A-Za-z0-9-]{1,64}$/,
  jobId: /^[0-9a-f]{32}$/,
  /** The local engine's `acct-<hex>`, or a Cognito user's name (at most 128 characters). */
  accountId: /^[A-Za-z0-9._@+-]{1,128}$/,
};

/** A path segment decoded, or null when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The route among `routes` and its path parameters for a method and path, or null (also for a parameter no
 * resource can have).
 */
export function matchRouteIn(
  routes: readonly ApiRoute[],
  method: string,
  path: string,
): { route: ApiRoute; params: Record<string, string> } | null {
  const segments = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith('{')) {
        const name = part.slice(1, -1);
        const value = decodeSegment(segment);
        if (value === null || !(pathParameterPatterns[name]?.test(value) ?? false)) return false;
        params[name] = value;
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return null;
}
