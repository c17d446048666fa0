/**
 * The headers of every API answer, on both infrastructures. Answers carry personal data (IINs, signers'
 * addresses): no browser or proxy keeps them, and none reads them as anything but JSON.
 */
export const API_RESPONSE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;
