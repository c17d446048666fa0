import type { EventMeta, NominationCase } from './nomination-case.ts';
import { applyCaseEvent, recordWithoutTransition } from './nomination-case.ts';
import { countAgainstThreshold } from './signatures.ts';

/** What counting a case's signatures again on a new register found. */
export interface Recount {
  readonly snapshotId: string;
  /** The district's voters on the new register: the base of the threshold. */
  readonly voters: number;
  /** Signatures no longer counted: their signers are not on the new register. */
  readonly removed: number;
  /** What the ledger holds now. */
  readonly validCount: number;
}

/**
 * The case once its signatures are counted on a new register (CLE 113-3: 1% of the district's voters, whose
 * list it now is). A case still collecting signatures gets a verdict like any submission's, and moves on if it
 * now has enough; a case past that step keeps its status, and the commission sees the new count, and whether
 * it still reaches the threshold, when it decides.
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
      },
    },
    signaturesCountedOn: recount.snapshotId,
  };
}
