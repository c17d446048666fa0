/**
 * The case's `findings` as the API documents them in words (an open record): the eligibility findings, each
 * with its ground and its message in kk/ru/en, and the counts of the latest signature verdict.
 */
export interface EligibilityFinding {
  readonly code: string;
  readonly ground: string;
  readonly effect: string;
  readonly message: { readonly kk: string; readonly ru: string; readonly en: string } | null;
}

export interface SignatureCounts {
  readonly validCount: number;
  readonly required: number;
  readonly rejectedCount: number;
  readonly shortfall: number;
  readonly sufficient: boolean;
  /** How many lines each reason rejected. */
  readonly reasons: Readonly<Record<string, number>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localized(value: unknown): EligibilityFinding['message'] {
  return isRecord(value) &&
    typeof value.kk === 'string' &&
    typeof value.ru === 'string' &&
    typeof value.en === 'string'
    ? { kk: value.kk, ru: value.ru, en: value.en }
    : null;
}

export function eligibilityFindings(findings: Readonly<Record<string, unknown>>): EligibilityFinding[] {
  const eligibility = findings.eligibility;
  if (!isRecord(eligibility) || !Array.isArray(eligibility.findings)) return [];
  return eligibility.findings.flatMap((finding) =>
    isRecord(finding) && typeof finding.code === 'string'
      ? [
          {
            code: finding.code,
            ground: typeof finding.ground === 'string' ? finding.ground : '',
            effect: typeof finding.effect === 'string' ? finding.effect : '',
            message: localized(finding.message),
          },
        ]
      : [],
  );
}

export function signatureCounts(findings: Readonly<Record<string, unknown>>): SignatureCounts | null {
  const s = findings.signatures;
  if (!isRecord(s)) return null;
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  const reasons = isRecord(s.reasons)
    ? Object.fromEntries(Object.entries(s.reasons).map(([reason, count]) => [reason, number(count)]))
    : {};
  return {
    validCount: number(s.validCount),
    required: number(s.required),
    rejectedCount: number(s.rejectedCount),
    shortfall: number(s.shortfall),
    sufficient: s.sufficient === true,
    reasons,
  };
}
