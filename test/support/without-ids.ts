/**
 * Text with every UUID (case ids, Cognito subjects) taken out, so that a check for IINs (/\d{12}/) does not
 * trip over a UUID whose last group happens to be twelve digits (about one in 290).
 */
export function withoutIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');
}
