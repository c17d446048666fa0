import type { EventMeta, NominationCase } from './nomination-case.ts';
import { applyCaseEvent, recordWithoutTransition } from './nomination-case.ts';
import type { RecordedSignatureLine } from './signature-record.ts';
import { countAgainstThreshold, type LinePlace } from './signatures.ts';

/** What counting a case's signatures again on a new register found. */
export interface Recount {
  readonly snapshotId: string;
  /** The district's voters on the new register: the base of the threshold. */
  readonly voters: number;
  /** Signatures no longer counted: their signers are not on the new register. */
  readonly removed: number;
  /** Signatures counted now: their signers, refused as not listed (or struck off before), are on it. */
  readonly added: number;
  /** What the ledger holds now. */
  readonly validCount: number;
}

/** What a case's ledger needs to hold what its recorded lines give on a register. */
export interface LedgerCorrection {
  /** Counted signers the register does not list: taken off. */
  readonly remove: readonly string[];
  /** Listed signers of lines that count, not counted: counted at that line (if no other case holds them). */
  readonly add: readonly { readonly iin: string; readonly at: Required<LinePlace> }[];
}

/**
 * A line whose signer counts wherever the register lists them: a valid one, or one refused only for not being
 * listed (that check comes after the IIN, birth date, sex, age and signing date, which it therefore passed).
 * A line the check policy left unchecked has no verdict (valid false, no reason), so it never counts here.
 */
const countsIfListed = (line: RecordedSignatureLine): boolean =>
  line.valid || line.reason === 'SIGNER_NOT_ON_REGISTER';

/**
 * The ledger's correction on a register: signers not listed off, listed signers of lines that count on. A
 * signer is counted at their valid line if they have one (where they were counted before), else at their first
 * refused one in sheet and line order. Recorded lines keep their verdicts: the recount's note says what changed.
 */
export function ledgerCorrection(
  lines: readonly RecordedSignatureLine[],
  counted: readonly string[],
  isOnRegister: (iin: string) => boolean,
): LedgerCorrection {
  const remove = counted.filter((iin) => !isOnRegister(iin));
  const kept = new Set(counted.filter(isOnRegister));
  const add: { iin: string; at: Required<LinePlace> }[] = [];
  const ordered = lines
    .filter((line) => countsIfListed(line) && isOnRegister(line.iin))
    .sort(
      (a, b) =>
        Number(b.valid) - Number(a.valid) ||
        a.sheet - b.sheet ||
        a.line - b.line ||
        a.submissionId.localeCompare(b.submissionId),
    );
  for (const { iin, submissionId, sheet, line } of ordered) {
    if (kept.has(iin)) continue;
    kept.add(iin);
    add.push({ iin, at: { submissionId, sheet, line } });
  }
  return { remove, add };
}

/**
 * The case once its signatures are counted on a new register (CLE 113-3: 1% of the district's voters, whose
 * list it now is). A case still collecting signatures gets a verdict like any submission's, and moves on if it
 * now has enough; a case past that step keeps its status, and the commission sees the new count, and whether
 * it still reaches the threshold, when it decides.
 * A recount counts what is verified [D]: a sample's projection is not made again on the new register. A case
 * that qualified by a sample keeps its status as every case past the step does; its findings keep that
 * sample's check beside the verified count, whose `sufficient` says whether the verified signatures alone reach
 * the threshold, so the commission sees both when it decides.
 */
export function recountOnRegister(
  current: NominationCase,
  recount: Recount,
  meta: EventMeta,
): NominationCase {
  const count = countAgainstThreshold(recount.validCount, recount.voters);
  const note = {
    reason: 'register-replaced',
    snapshotId: recount.snapshotId,
    removed: recount.removed,
    added: recount.added,
    validCount: count.validCount,
    shortfall: count.shortfall,
  };
  const recorded =
    current.status === 'AwaitingSignatures'
      ? applyCaseEvent(
          current,
          { type: 'SignaturesVerified', sufficient: count.sufficient },
          { ...meta, note },
        )
      : recordWithoutTransition(current, 'SignaturesRecounted', {}, { ...meta, note });
  const earlier = current.findings.signatures;
  return {
    ...recorded,
    findings: {
      ...current.findings,
      signatures: {
        ...(typeof earlier === 'object' && earlier !== null ? earlier : {}),
        ...count,
        recountedOn: recount.snapshotId,
        removedByRecount: recount.removed,
        addedByRecount: recount.added,
      },
    },
    signaturesCountedOn: recount.snapshotId,
  };
}
