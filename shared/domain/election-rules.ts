import * as z from 'zod';
import type { TimeZone } from './local-date.ts';
import { FULL_COUNT, SignatureCheckPolicySchema } from './signature-sampling.ts';
import { fixedOffsetZone, IanaTimeZoneSchema } from './time-zones.ts';

/**
 * Everything the law leaves open (marked [D] in the domain reference): a product default that each
 * election may override, and that is always reported as a default so nobody mistakes it for law.
 * What the law fixes is a named constant next to the rule that uses it, not a setting.
 */
export const documentKinds = [
  'identity-document',
  'application',
  'service-record',
  'education-document',
  'income-and-asset-declaration',
  'spouse-declaration',
] as const;
export const DocumentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const educationLevels = ['secondary', 'technical-vocational', 'higher'] as const;
export const EducationLevelSchema = z.enum(educationLevels);
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

/** Grounds a commission may cite when it refuses registration. */
export const defaultRefusalGrounds = [
  'age-requirement',
  'citizenship-requirement',
  'consecutive-terms-limit',
  'qualification-requirements',
  'documents-incomplete',
  'special-check',
  'disqualified-cle-4-4',
  'false-information',
  'nomination-procedure-violated',
] as const;

/** Grounds a commission may cite when it cancels a registration (false declarations, lost eligibility, a court). */
export const defaultCancellationGrounds = [
  'false-information',
  'eligibility-lost',
  'disqualified-cle-4-4',
  'court-decision',
] as const;

/**
 * The most days before election day a deadline may be set: a year, more than any calendar from calling to
 * election day (CLE 113-1). A larger count is no deadline at all, and no date holds it.
 */
const MAX_DAYS_BEFORE = 366;
/** A deadline's days before election day. */
const daysBefore = () => z.int().min(0).max(MAX_DAYS_BEFORE);

export const ElectionRulesSchema = z.strictObject({
  /** Null in a call: the zone of the unit's KATO region, which calling settles here (`callElection`). */
  timeZone: IanaTimeZoneSchema.nullable().default(null),
  /** A fixed offset instead of a zone. Elections stored before `timeZone` existed carry theirs here (300 by default then). */
  utcOffsetMinutes: z.int().min(-720).max(840).nullable().default(null),
  extensionDays: daysBefore().default(3),
  partyConfirmationDueDaysBefore: daysBefore().nullable().default(null),
  signaturesDueDaysBefore: daysBefore().nullable().default(null),
  additionalCandidateClosesDaysBefore: daysBefore().nullable().default(null),
  additionalCandidateProposalLimit: z.int().min(1).nullable().default(null),
  withdrawalClosesDaysBefore: daysBefore().default(0),
  candidateAgeCountedOn: z.enum(['election-day', 'filing-day']).default('election-day'),
  multipleSupportAllowed: z.boolean().default(true),
  signatureSubmissionsPerDay: z.int().min(1).max(1000).default(20),
  signatureCheckPolicy: SignatureCheckPolicySchema.default(FULL_COUNT),
  minimumEducation: EducationLevelSchema.default('technical-vocational'),
  requiredDocuments: z.array(DocumentKindSchema).default([...documentKinds]),
  registrationRequiresCompletedChecks: z.boolean().default(true),
  refusalGrounds: z
    .array(z.string().min(1).max(80))
    .min(1)
    .default([...defaultRefusalGrounds]),
  communityMeetingQuorumShare: z.number().gt(0).max(1).default(0.5),
  cancellationGrounds: z
    .array(z.string().min(1).max(80))
    .min(1)
    .default([...defaultCancellationGrounds]),
  cancellationClosesDaysBefore: daysBefore().default(5),
  reinstatementClosesDaysBefore: daysBefore().default(0),
  /** More than this share of those present must vote for the akim's candidate. */
  communityMeetingMajorityShare: z.number().min(0.5).lt(1).default(0.5),
  /** Whole days the akimat's window must keep after the (extended) close of nomination. */
  additionalCandidateWindowMinDays: z.int().min(1).max(30).default(1),
  /** Null: no election deposit. Otherwise its amount, in minimum wages. */
  electionDepositMinimumWages: z.number().positive().max(1000).nullable().default(null),
  /** Days from a case's filing to the national-security body's receipt of its documents. */
  specialCheckReceiptDaysAfterFiling: z.int().min(0).max(30).default(0),
});
export type ElectionRulesInput = z.input<typeof ElectionRulesSchema>;
export type ElectionRules = z.output<typeof ElectionRulesSchema>;
export type RuleName = keyof ElectionRules;

/** Why each default is what it is: shown beside the value so users can judge it. */
const ruleBasis: Readonly<Record<RuleName, string>> = {
  timeZone:
    'Local time is a legal fact of the date and the region [L]; default: the IANA zone of the unit’s KATO region, each deadline in the offset of its own date',
  utcOffsetMinutes:
    'Only to count every deadline in one fixed offset whatever its date, instead of a zone; default: none',
  extensionDays:
    'Extension is "up to" the regime limit [P]; 3 days leaves the district akim’s window 2 days before registration close, and from the planned close 5 days: room for the meeting’s 3 days’ notice (LGA 39-3 p.8) before the akim proposes',
  partyConfirmationDueDaysBefore:
    'Not found in the law; default: the close of nomination in force when the case was filed (planned or extended); a configured deadline is at or before the planned close, so that the count at the close knows every outcome',
  signaturesDueDaysBefore:
    'Signatures must be signed inside the nomination window [I]; default: the close of nomination in force when the case was filed (planned or extended); a configured deadline is at or before the planned close',
  additionalCandidateClosesDaysBefore: 'CLE 113-3 p.6 sets no deadline; default: the close of registration',
  additionalCandidateProposalLimit: 'Not found in the law; default: no limit while the window is open',
  withdrawalClosesDaysBefore: 'Not found in the law; default: the day before election day, 18:00',
  candidateAgeCountedOn: 'CLE 113-2 sets the age of 25 without saying on which day; default: election day',
  multipleSupportAllowed:
    'Not found in the law; default: a voter may support several candidates, and it is reported',
  signatureCheckPolicy:
    'CLE 113-3 asks for 1% of the voters and does not say how sheets are checked; default: every line (full count). Optional: a sample (practice elsewhere, domain reference §4.2: California draws 3% or 500 lines, projected valid ≥ 110% of the required qualifies, < 95% fails, otherwise full count), its seed HMAC-SHA256 of the election’s sampling key (random, made when it is called, shown as its SHA-256) and the submission’s content hash, so neither the candidate nor anyone after can choose the draw, and a signer a sample left unchecked cannot be sent again to be drawn anew; or checking until the minimum is verified',
  signatureSubmissionsPerDay:
    'Not found in the law; default: 20 submissions for one case in one local day, so that no caller can grow a case’s record without bound (one submission may hold many sheets)',
  minimumEducation:
    'The education requirement changed over time; default: technical and vocational or higher',
  requiredDocuments:
    'The document list for the civil-service qualification check (CLE 113-2) [L/P], editable',
  registrationRequiresCompletedChecks:
    'Default: a candidate is registered only after the special check (Civil Service Law 19) and the declarations are in',
  refusalGrounds:
    'Refusal grounds are not listed in one place; default: the grounds of CLE 113-2, CLE 4 p.4 and procedure',
  communityMeetingQuorumShare:
    'Not found in the law; default: at least half of the meeting’s members present',
  cancellationGrounds:
    'Cancellation grounds are not listed in one place (domain reference §5); default: false information, eligibility lost after registration (CLE 113-2), a CLE 4 p.4 ground, a court decision',
  cancellationClosesDaysBefore:
    'Not found in the law; default: 5 days before election day (D−6, 18:00), so that ballots can be made without the candidate and a court or higher commission can still hear an appeal before the vote',
  reinstatementClosesDaysBefore:
    'Not found in the law; default: the day before election day, 18:00 (as withdrawal): a court or higher commission reinstating a candidate is recorded until the eve of the vote',
  communityMeetingMajorityShare:
    'LGA 39-3 requires the meeting’s agreement without fixing its majority; default: more than half of the members present vote for',
  additionalCandidateWindowMinDays:
    'CLE 113-3 p.6 gives the district akim a candidate after the close (after any extension), and registration close is fixed by the calendar; default: an extension that leaves the akimat less than 1 whole day before its window ends is refused (kz-2021: at most 4 of the regime’s 5 days), since moving registration close would shorten the campaign and a window inside the extension would precede the count that opens it. The meeting may be notified from the planned close, when fewer than two nominated first shows the akim may need a candidate (LGA 39-3 p.8: 3 days’ notice)',
  electionDepositMinimumWages:
    'A deposit of 5 minimum wages is practice for district akims [P]; none found for rural akims: default none. When set, a candidate is registered only once the commission records the deposit',
  specialCheckReceiptDaysAfterFiling:
    'Civil Service Law 19 p.1 counts the special check’s 30 days from the receipt of the documents, a date the commission does not record; default: received on the day of filing',
};

export interface RuleReport {
  readonly rule: RuleName;
  readonly value: unknown;
  readonly source: 'configured' | 'product-default';
  readonly basis: string;
}

/**
 * Each rule of an election with where its value came from: the election's own setting or the default.
 * `basis` replaces the general reason where the election gives a more precise one (its region's zone).
 */
export function reportRules(
  configured: ReadonlySet<string>,
  resolved: ElectionRules,
  basis: Partial<Record<RuleName, string>> = {},
): RuleReport[] {
  return ElectionRulesSchema.keyof().options.map((rule) => ({
    rule,
    value: resolved[rule],
    source: configured.has(rule) ? 'configured' : 'product-default',
    basis: basis[rule] ?? ruleBasis[rule],
  }));
}

/**
 * Where an election's local dates and times are counted: its zone, or its fixed offset. Calling an election
 * settles one of them, so only rules never attached to an election can lack both.
 */
export function timeZoneOf(rules: ElectionRules): TimeZone {
  if (rules.timeZone !== null) return rules.timeZone;
  if (rules.utcOffsetMinutes !== null) return fixedOffsetZone(rules.utcOffsetMinutes);
  throw new Error('These rules have no time zone yet: an election settles it from its unit when called');
}
