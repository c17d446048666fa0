/**
 * The security headers of every desk response, on AWS (CloudFront's response headers policy) and locally (the
 * engine's desk files) alike: written once here, so that the desk a clerk tries locally runs under the policy it
 * gets on AWS.
 */

/** The origins the desk reaches besides its own, which differ by where it runs. */
export interface DeskOrigins {
  /**
   * Where its scripts may connect (CSP connect-src): the API, the OpenID provider (discovery, keys, tokens), on
   * AWS also the hosted sign-in and the upload bucket (presigned PUTs).
   */
  readonly connect: readonly string[];
  /** Where it may send a form or be sent on to (CSP form-action): the sign-in page. */
  readonly forms: readonly string[];
}

/** The Content-Security-Policy: the desk's own scripts and styles only, nothing inline, and the origins it talks to. */
export function deskContentSecurityPolicy(origins: DeskOrigins): string {
  const withOrigins = (directive: string, list: readonly string[]) =>
    [directive, "'self'", ...new Set(list)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    withOrigins('connect-src', origins.connect),
    withOrigins('form-action', origins.forms),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** HSTS: two years, subdomains included (browsers ignore it over plain HTTP, i.e. locally). */
export const deskStrictTransport = { maxAgeSeconds: 63_072_000, includeSubdomains: true } as const;

/** The other headers, by the names CloudFront's security headers behaviour and custom headers give them. */
export const deskFixedHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // A case's address never leaves with a link followed from the desk.
  'referrer-policy': 'no-referrer',
  // The OpenID provider's pages opened from the desk get no handle on it.
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

/** Every header, lower-case names, as a response carries them. */
export function deskSecurityHeaders(origins: DeskOrigins): Record<string, string> {
  return {
    'content-security-policy': deskContentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${deskStrictTransport.maxAgeSeconds}${deskStrictTransport.includeSubdomains ? '; includeSubDomains' : ''}`,
    ...deskFixedHeaders,
  };
}
