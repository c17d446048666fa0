import * as z from 'zod';
import { issueParams } from './validation.ts';

/** Twelve digits, perhaps grouped by spaces, dots or dashes: the shape of an IIN. */
const IIN_LIKE = /\d(?:[\s.-]?\d){11}/;

/**
 * Text a person types that goes on a case's audit trail (a refusal's reasons, a withdrawal's reason). The trail
 * is kept for good, chained by hash, and read by callers who see no personal data, so the text may not carry an
 * IIN: refer to a signer by sheet and line instead.
 */
export function trailText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((text) => !IIN_LIKE.test(text), issueParams('TEXT_HOLDS_IIN'));
}
