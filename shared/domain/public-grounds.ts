import * as z from 'zod';

/**
 * What the public learns of why a candidate was refused or had the registration cancelled: the category of the
 * legal ground, never the detail behind it [D]. Refusals and cancellations are public acts of the commission
 * (CLE 113-5 p.9 publishes its registration results), but the record that grounds them (a conviction, an
 * incapacity, a special check's finding, the commission's reasons) is personal data: the category names the
 * norm the candidate did not meet, not the fact. A ground an election adds to its own list may say more than
 * its category should (its code is free text), so it is published only as "another ground on the list".
 */
export const groundCategories = [
  'candidate-requirements',
  'qualification',
  'cle-4-4',
  'documents',
  'false-information',
  'nomination-procedure',
  'eligibility-lost',
  'court-decision',
  'other',
] as const;
export const GroundCategorySchema = z.enum(groundCategories);
export type GroundCategory = z.infer<typeof GroundCategorySchema>;

/** The category of each ground of the default refusal and cancellation lists. */
const categoryOfGround: Readonly<Record<string, GroundCategory>> = {
  'age-requirement': 'candidate-requirements',
  'citizenship-requirement': 'candidate-requirements',
  'consecutive-terms-limit': 'candidate-requirements',
  // The special check is part of the qualification for the civil service: its finding is not published.
  'qualification-requirements': 'qualification',
  'special-check': 'qualification',
  'disqualified-cle-4-4': 'cle-4-4',
  'documents-incomplete': 'documents',
  'false-information': 'false-information',
  'nomination-procedure-violated': 'nomination-procedure',
  'eligibility-lost': 'eligibility-lost',
  'court-decision': 'court-decision',
};

/** The public category of a ground; `other` for any ground this product does not know. */
export function groundCategory(ground: string): GroundCategory {
  return Object.hasOwn(categoryOfGround, ground) ? (categoryOfGround[ground] ?? 'other') : 'other';
}

/** The categories of a decision's grounds, each once, in the order first cited. */
export function groundCategoriesOf(grounds: readonly string[]): GroundCategory[] {
  return [...new Set(grounds.map(groundCategory))];
}

/** The catalogue's message for each category (shared/domain/messages/cancellation-and-reinstatement.ts). */
export const groundCategoryMessage = {
  'candidate-requirements': 'GROUND_CATEGORY_CANDIDATE_REQUIREMENTS',
  qualification: 'GROUND_CATEGORY_QUALIFICATION',
  'cle-4-4': 'GROUND_CATEGORY_CLE_4_4',
  documents: 'GROUND_CATEGORY_DOCUMENTS',
  'false-information': 'GROUND_CATEGORY_FALSE_INFORMATION',
  'nomination-procedure': 'GROUND_CATEGORY_NOMINATION_PROCEDURE',
  'eligibility-lost': 'GROUND_CATEGORY_ELIGIBILITY_LOST',
  'court-decision': 'GROUND_CATEGORY_COURT_DECISION',
  other: 'GROUND_CATEGORY_OTHER',
} as const satisfies Record<GroundCategory, string>;
