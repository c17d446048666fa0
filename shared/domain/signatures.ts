import * as z from 'zod';
import type { ErrorCode } from './error-catalogue.ts';
import { readIin, type Sex } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';

/** CLE 4 p.1: citizens vote, and so may support a candidate, from the age of 18. */
export const SIGNER_MINIMUM_AGE = 18;

/**
 * CLE 113-3: a self-nominee needs the signatures of at least 1% of the district's voters.
 * "At least 1%" rounds up: 800 voters → 8, 1,236 → 13.
 */
export function requiredSignatures(voters: number): number {
  return Math.floor((voters + 99) / 100);
}

/** One line of a signature sheet [D: the CEC form of 24.06.2021 is not readable; these are its likely fields]. */
export const SignatureLineSchema = z.strictObject({
  sheet: z.int().min(1).max(9999),
  line: z.int().min(1).max(999),
  /** Checked per line: a bad IIN rejects the line with its reason, it does not reject the submission. */
  iin: z.string().max(32),
  fullName: z.string().trim().min(1).max(300),
  birthDate: LocalDateSchema,
  sex: z.enum(['male', 'female']).optional(),
  address: z.string().trim().min(1).max(500),
  signedOn: LocalDateSchema,
  collector: z.string().trim().min(1).max(300),
});
export type SignatureLine = z.infer<typeof SignatureLineSchema>;

export type RejectionReason = Extract<
  ErrorCode,
  | 'IIN_MALFORMED'
  | 'IIN_CENTURY_INVALID'
  | 'IIN_BIRTH_DATE_INVALID'
  | 'IIN_CHECKSUM'
  | 'IIN_BIRTH_DATE_MISMATCH'
  | 'IIN_SEX_MISMATCH'
  | 'SIGNER_UNDER_18'
  | 'SIGNED_OUTSIDE_WINDOW'
  | 'SIGNER_NOT_ON_REGISTER'
  | 'DUPLICATE_LINE'
  | 'DUPLICATE_SIGNER'
  | 'SUPPORTS_ANOTHER_CANDIDATE'
>;

/** Where a signature was counted: its line on the sheets, and the submission that gave it (when another one). */
export interface LinePlace {
  readonly sheet: number;
  readonly line: number;
  readonly submissionId?: string;
}

export type LineVerdict =
  | {
      readonly sheet: number;
      readonly line: number;
      readonly valid: true;
      readonly alsoSupportsAnother: boolean;
    }
  | {
      readonly sheet: number;
      readonly line: number;
      readonly valid: false;
      readonly reason: RejectionReason;
      /** For DUPLICATE_SIGNER: where the signer was counted first. */
      readonly firstCounted?: LinePlace;
    };

export interface SignatureCheckContext {
  /** The district's voter count from the register snapshot: the base of the 1% threshold. */
  readonly voters: number;
  /** Signing dates allowed: the nomination window, as local dates. */
  readonly window: { readonly from: LocalDate; readonly to: LocalDate };
  readonly isOnRegister: (iin: string) => boolean;
  /** Sheet lines (`sheet/line`) an earlier submission already gave. */
  readonly alreadySubmitted: ReadonlySet<string>;
  /** Signers of these sheets already counted for this candidate by an earlier submission, and where. */
  readonly alreadyCounted: ReadonlyMap<string, LinePlace>;
  /** How many signatures the candidate had counted before this submission (the ledger's count). */
  readonly countedBefore: number;
  /** Whether the signer is counted for another candidate of the same election. */
  readonly supportsAnotherCandidate: (iin: string) => boolean;
  readonly multipleSupportAllowed: boolean;
}

export interface SignatureVerdict {
  readonly lines: readonly LineVerdict[];
  /** Valid signatures of this candidate, earlier submissions included. */
  readonly validCount: number;
  readonly required: number;
  readonly shortfall: number;
  readonly sufficient: boolean;
  readonly rejectedCount: number;
  readonly reasons: Readonly<Partial<Record<RejectionReason, number>>>;
  /** Valid signers who also support another candidate (reported whether or not it is allowed). */
  readonly crossCandidateSupport: number;
  /** IINs newly counted by this submission: the caller stores them so nobody is counted twice. */
  readonly newlyCounted: readonly string[];
  /** Lines the check policy left unchecked (`signature-sampling.ts`): they have no verdict and count nothing. */
  readonly notChecked: number;
}

/** A count of valid signatures against the 1% threshold of a register of `voters`. */
export function countAgainstThreshold(validCount: number, voters: number) {
  const required = requiredSignatures(voters);
  return {
    validCount,
    required,
    shortfall: Math.max(0, required - validCount),
    sufficient: validCount >= required,
  };
}

/** A line's place on the sheets, the identity of a line across submissions. */
export function linePosition(line: { readonly sheet: number; readonly line: number }): string {
  return `${line.sheet}/${line.line}`;
}

/** Why one line does not count, or null when it does (checks in the order a clerk would make them). */
function defectOf(line: SignatureLine, ctx: SignatureCheckContext): RejectionReason | null {
  const facts = readIin(line.iin);
  if (!facts.ok) return facts.code;
  if (facts.birthDate !== line.birthDate) return 'IIN_BIRTH_DATE_MISMATCH';
  if (line.sex !== undefined && line.sex !== (facts.sex satisfies Sex)) return 'IIN_SEX_MISMATCH';
  if (ageOn(facts.birthDate, line.signedOn) < SIGNER_MINIMUM_AGE) return 'SIGNER_UNDER_18';
  if (line.signedOn < ctx.window.from || line.signedOn > ctx.window.to) return 'SIGNED_OUTSIDE_WINDOW';
  if (!ctx.isOnRegister(line.iin)) return 'SIGNER_NOT_ON_REGISTER';
  return null;
}

/**
 * Checks a set of signature sheets of one candidate and gives the verdict: each line valid or
 * rejected with its reason, and the count against the 1% threshold. Lines are taken in sheet and
 * line order, so the first signature of a voter counts and later ones are duplicates.
 */
export function verifySignatures(
  lines: readonly SignatureLine[],
  ctx: SignatureCheckContext,
): SignatureVerdict {
  const ordered = [...lines].sort((a, b) => a.sheet - b.sheet || a.line - b.line);
  const seenLines = new Set(ctx.alreadySubmitted);
  const counted = new Map(ctx.alreadyCounted);
  const newlyCounted: string[] = [];
  const verdicts: LineVerdict[] = [];
  const reasons: Partial<Record<RejectionReason, number>> = {};
  let crossCandidateSupport = 0;

  for (const line of ordered) {
    const position = linePosition(line);
    const supportsAnother = ctx.supportsAnotherCandidate(line.iin);
    let reason: RejectionReason | null = seenLines.has(position) ? 'DUPLICATE_LINE' : defectOf(line, ctx);
    if (reason === null && counted.has(line.iin)) reason = 'DUPLICATE_SIGNER';
    if (reason === null && supportsAnother && !ctx.multipleSupportAllowed)
      reason = 'SUPPORTS_ANOTHER_CANDIDATE';
    seenLines.add(position);

    if (reason === null) {
      counted.set(line.iin, { sheet: line.sheet, line: line.line });
      newlyCounted.push(line.iin);
      if (supportsAnother) crossCandidateSupport += 1;
      verdicts.push({
        sheet: line.sheet,
        line: line.line,
        valid: true,
        alsoSupportsAnother: supportsAnother,
      });
    } else {
      reasons[reason] = (reasons[reason] ?? 0) + 1;
      const first = reason === 'DUPLICATE_SIGNER' ? counted.get(line.iin) : undefined;
      verdicts.push({
        sheet: line.sheet,
        line: line.line,
        valid: false,
        reason,
        ...(first === undefined ? {} : { firstCounted: first }),
      });
    }
  }

  return {
    lines: verdicts,
    ...countAgainstThreshold(ctx.countedBefore + newlyCounted.length, ctx.voters),
    rejectedCount: verdicts.length - newlyCounted.length,
    reasons,
    crossCandidateSupport,
    newlyCounted,
    notChecked: 0,
  };
}
