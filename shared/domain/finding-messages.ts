import * as z from 'zod';
import { isErrorCode, localize } from './error-catalogue.ts';
import type { LocalizedText } from './language.ts';
import { groundNote } from './messages/legal-grounds.ts';

/**
 * The eligibility findings a case shows, each with its message in kk/ru/en: the catalogue's text for its code and
 * details, with its legal ground said in full, as REGISTRATION_BLOCKED says them. A person reads the finding, not
 * its code. Findings are read loosely: a case stored by an older version keeps whatever it holds.
 */
const StoredFindingSchema = z.looseObject({
  code: z.string(),
  ground: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
const StoredEligibilitySchema = z.looseObject({ findings: z.array(z.unknown()) });

/** One finding in a sentence: its text and its ground; null for a code the catalogue does not know. */
export function findingMessage(finding: {
  readonly code: string;
  readonly ground?: string | undefined;
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}): LocalizedText | null {
  if (!isErrorCode(finding.code)) return null;
  const text = localize(finding.code, finding.details ?? {});
  const note = groundNote(finding.ground);
  const sentence = (t: string, n: string) => `${t.replace(/\.$/, '')}${n}.`;
  return {
    kk: sentence(text.kk, note.kk),
    ru: sentence(text.ru, note.ru),
    en: sentence(text.en, note.en),
  };
}

/** A case's findings with a message on each eligibility finding; everything else as stored. */
export function withFindingMessages(
  findings: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const eligibility = StoredEligibilitySchema.safeParse(findings.eligibility);
  if (!eligibility.success) return findings;
  return {
    ...findings,
    eligibility: {
      ...eligibility.data,
      findings: eligibility.data.findings.map((raw) => {
        const finding = StoredFindingSchema.safeParse(raw);
        return finding.success ? { ...finding.data, message: findingMessage(finding.data) } : raw;
      }),
    },
  };
}
