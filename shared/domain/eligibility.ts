import * as z from 'zod';
import {
  DocumentKindSchema,
  type EducationLevel,
  EducationLevelSchema,
  type ElectionRules,
  educationLevels,
} from './election-rules.ts';
import type { ErrorCode } from './error-catalogue.ts';
import { IinSchema, refineBirthDateMatchesIin } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';
import { PLAIN_LINE } from './plain-line.ts';

/** CLE 113-2: a candidate for akim is at least 25 years old. */
export const CANDIDATE_MINIMUM_AGE = 25;
/** LGA 36: the same person cannot hold the post of the same unit more than twice in a row. */
export const MAX_CONSECUTIVE_TERMS = 2;

/** The candidate as the filing states them. The IIN and the stated birth date must agree. */
export const CandidateSchema = z
  .strictObject({
    iin: IinSchema,
    // Quoted in notices and printed decisions: one plain line, so that no direction mark turns the sentence.
    fullName: z.string().trim().min(1).max(300).regex(PLAIN_LINE),
    birthDate: LocalDateSchema,
    citizen: z.boolean(),
    /** Terms in a row the person has held this post up to now (0 for a newcomer). */
    consecutiveTermsInUnit: z.int().min(0).max(20),
    education: EducationLevelSchema,
    documents: z.array(DocumentKindSchema).max(20),
  })
  .superRefine(refineBirthDateMatchesIin);
export type Candidate = z.infer<typeof CandidateSchema>;

/** What other bodies report about the candidate: the special check and the declarations [L/P]. */
export const CandidateChecksSchema = z.strictObject({
  specialCheck: z.enum(['pending', 'passed', 'failed']),
  declarationsFiled: z.boolean(),
  /** A ground of CLE 4 p.4 found against the candidate (e.g. an unexpunged conviction), or null. */
  disqualification: z.string().trim().min(1).max(200).nullable(),
  /** The election deposit as the commission records it, where the election requires one [D]; absent until then. */
  deposit: z
    .strictObject({ paidOn: LocalDateSchema, reference: z.string().trim().min(1).max(100) })
    .optional(),
});
export type CandidateChecks = z.infer<typeof CandidateChecksSchema>;
export const noChecksYet: CandidateChecks = {
  specialCheck: 'pending',
  declarationsFiled: false,
  disqualification: null,
};

export type EligibilityFinding = {
  readonly code: Extract<
    ErrorCode,
    | 'UNDER_MINIMUM_AGE'
    | 'NOT_A_CITIZEN'
    | 'CONSECUTIVE_TERMS_LIMIT'
    | 'DOCUMENTS_MISSING'
    | 'EDUCATION_INSUFFICIENT'
    | 'SPECIAL_CHECK_PENDING'
    | 'SPECIAL_CHECK_FAILED'
    | 'DECLARATIONS_PENDING'
    | 'DISQUALIFIED'
    | 'DEPOSIT_NOT_RECORDED'
  >;
  /** The article the finding rests on. */
  readonly ground: string;
  /** `fails`: the candidate cannot be registered; `pending`: not yet known. */
  readonly effect: 'fails' | 'pending';
  readonly details: Readonly<Record<string, unknown>>;
};

export interface Eligibility {
  readonly outcome: 'eligible' | 'ineligible' | 'pending';
  readonly findings: readonly EligibilityFinding[];
}

const rank = (level: EducationLevel) => educationLevels.indexOf(level);

/** Checks a candidate against CLE 113-2, CLE 4 p.4, LGA 36, Civil Service Law 19, and the deposit where one is due. */
export function assessEligibility(
  candidate: Candidate,
  checks: CandidateChecks,
  context: { readonly electionDay: LocalDate; readonly filedOn: LocalDate; readonly rules: ElectionRules },
): Eligibility {
  const { rules } = context;
  const findings: EligibilityFinding[] = [];
  const fail = (code: EligibilityFinding['code'], ground: string, details = {}) =>
    findings.push({ code, ground, effect: 'fails', details });
  const pending = (code: EligibilityFinding['code'], ground: string) =>
    findings.push({ code, ground, effect: 'pending', details: {} });

  const ageDay = rules.candidateAgeCountedOn === 'election-day' ? context.electionDay : context.filedOn;
  if (ageOn(candidate.birthDate, ageDay) < CANDIDATE_MINIMUM_AGE) {
    fail('UNDER_MINIMUM_AGE', 'CLE 113-2', { minimum: CANDIDATE_MINIMUM_AGE, on: ageDay });
  }
  if (!candidate.citizen) fail('NOT_A_CITIZEN', 'CLE 113-2');
  if (candidate.consecutiveTermsInUnit >= MAX_CONSECUTIVE_TERMS) {
    fail('CONSECUTIVE_TERMS_LIMIT', 'LGA 36', { maximum: MAX_CONSECUTIVE_TERMS });
  }
  const missing = rules.requiredDocuments.filter((kind) => !candidate.documents.includes(kind));
  if (missing.length > 0) fail('DOCUMENTS_MISSING', 'CLE 113-2 (qualification documents)', { missing });
  if (rank(candidate.education) < rank(rules.minimumEducation)) {
    fail('EDUCATION_INSUFFICIENT', 'CLE 113-2 (civil-service qualification)', {
      minimum: rules.minimumEducation,
    });
  }
  if (checks.disqualification !== null)
    fail('DISQUALIFIED', 'CLE 4 p.4', { ground: checks.disqualification });
  if (checks.specialCheck === 'failed') fail('SPECIAL_CHECK_FAILED', 'Civil Service Law 19 p.1');
  if (checks.specialCheck === 'pending') pending('SPECIAL_CHECK_PENDING', 'Civil Service Law 19 p.1');
  if (!checks.declarationsFiled) pending('DECLARATIONS_PENDING', 'CLE 113-2 (declarations)');
  if (rules.electionDepositMinimumWages !== null && checks.deposit === undefined) {
    findings.push({
      code: 'DEPOSIT_NOT_RECORDED',
      ground: 'Election deposit [D: electionDepositMinimumWages]',
      effect: 'pending',
      details: { minimumWages: rules.electionDepositMinimumWages },
    });
  }

  const outcome = findings.some((f) => f.effect === 'fails')
    ? 'ineligible'
    : findings.length > 0
      ? 'pending'
      : 'eligible';
  return { outcome, findings };
}
