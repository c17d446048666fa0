import type { Election } from '../../shared/domain/election.ts';
import { signingWindow } from '../../shared/domain/election.ts';
import type { Instant } from '../../shared/domain/local-date.ts';
import {
  COUNTING_LEASE_MS,
  type RecordedSignatureLine,
  recordLines,
} from '../../shared/domain/signature-record.ts';
import { inSheetOrder, keepCheckedLines, spentSigners } from '../../shared/domain/signature-sampling.ts';
import {
  type LinePlace,
  linePosition,
  type SignatureCheckContext,
  type SignatureLine,
  type SignatureVerdict,
  verifySignatures,
} from '../../shared/domain/signatures.ts';
import type { CountedAt } from '../../shared/storage/signature-ledger.ts';
import type { Support } from '../../shared/storage/signature-repository.ts';
import type { Dependencies } from './dependencies.ts';
import { samplingKeyFor } from './sampling-key.ts';

export interface Submission {
  readonly election: Election;
  readonly caseId: string;
  readonly submissionId: string;
  /** Its lines: all of them, or for a job one chunk of them, chunks cut in sheet and line order. */
  readonly lines: readonly SignatureLine[];
  /** The submissions whose verdict is on the case's trail: their lines' places are taken. */
  readonly recordedSubmissions: readonly string[];
  readonly now: Instant;
  /** For a job's chunk: where its lines sit among all the submission's lines (a sample is drawn over all). */
  readonly part?: { readonly offset: number; readonly total: number };
  /** Every line checked whatever the election's policy: its sample's projection fell between the bands. */
  readonly checkAll?: boolean;
}

/** A submission checked and counted: each line's verdict as recorded, on the register snapshot it was checked on. */
export interface CheckedSubmission {
  readonly verdict: SignatureVerdict;
  readonly recorded: readonly RecordedSignatureLine[];
  readonly snapshotId: string;
  /** Whether every line was to be checked, whatever the policy. */
  readonly checkAll: boolean;
}

/** How many signers are counted at a time: quick, without flooding the table. */
const COUNT_BATCH = 25;

type Deps = Pick<Dependencies, 'elections' | 'signatures' | 'voters'>;

/**
 * Checks a submission's lines against the election's register and counts each valid signer on the ledger. The
 * lines are kept with the verdict known so far before any signer is counted, so every entry of the ledger names
 * a stored line; a crash leaves them for the retry, which recognises what this submission counted as its own
 * and gets the verdicts an uninterrupted run gets. A signer another submission counts in the meantime is checked
 * again as counted there, and a signer this submission counted before who no longer counts (struck off a new
 * register) is taken off. The valid count is not this function's to say: the ledger's at recording is.
 * The election's check policy says which lines are checked (`signature-sampling.ts`): only their signers are
 * counted, the others are kept as not checked, so the ledger never holds a signature nobody verified.
 */
export async function countSubmission(deps: Deps, submission: Submission): Promise<CheckedSubmission> {
  const { election, caseId, submissionId, recordedSubmissions, now } = submission;
  // In sheet and line order: the order verdicts come in, a sample's indices count in and a count stops in.
  const lines = inSheetOrder(submission.lines);
  const checkAll = submission.checkAll ?? false;
  const register = election.voterRegister;
  if (register === null) throw new Error('A submission is counted only against a register');
  const { electionId } = election;
  const iins = lines.map((l) => l.iin);
  const [holds, registered, places, entries, countedBefore, samplingKey] = await Promise.all([
    deps.signatures.holdsOf(electionId, iins),
    deps.voters.registeredAmong(electionId, register.snapshotId, iins),
    deps.signatures.lineSigners(caseId),
    deps.signatures.ledger.entriesFor(caseId, iins),
    deps.signatures.ledger.countOf(caseId),
    samplingKeyFor(deps, election),
  ]);
  // A signer this submission counted at one of these lines is its own (a retry after a crash finds it); one it
  // counted at another line (an earlier chunk of a job) was counted first there, as in one pass.
  const here = new Set(lines.map(linePosition));
  const isHere = (at: CountedAt) => at.submissionId === submissionId && here.has(linePosition(at));
  const byOthers = new Map(
    [...entries]
      .filter(([, at]) => !isHere(at))
      .map(([iin, at]): [string, LinePlace] =>
        at.submissionId === submissionId ? [iin, { sheet: at.sheet, line: at.line }] : [iin, at],
      ),
  );
  // A place is taken by a line of a recorded submission; one that crashed before its verdict takes none, so
  // that corrected sheets sent instead of it are counted. A line that counted its signer before a crash keeps
  // its place: it came first.
  const recorded = new Set(recordedSubmissions);
  const ownPlaces = new Set([...entries.values()].filter(isHere).map(linePosition));
  const earlier = places.filter((p) => recorded.has(p.submissionId) && p.submissionId !== submissionId);
  // Signers a recorded submission left unchecked are spent as their places are (`spentSigners`); where the ledger
  // counts a signer, it names the place that counted.
  const spent = spentSigners(earlier);
  const exclusive = !election.rules.multipleSupportAllowed;
  const abandoned = exclusive ? await abandonedHolds(deps, caseId, holds, now) : new Map<string, Support>();
  const context: SignatureCheckContext = {
    voters: register.voters,
    window: signingWindow(election),
    isOnRegister: (iin) => registered.has(iin),
    alreadySubmitted: new Set(earlier.map(linePosition).filter((place) => !ownPlaces.has(place))),
    alreadyCounted: new Map([...spent, ...byOthers]),
    countedBefore: countedBefore - (entries.size - byOthers.size),
    supportsAnotherCandidate: (iin) =>
      !abandoned.has(iin) && [...(holds.get(iin)?.cases ?? [])].some((other) => other !== caseId),
    multipleSupportAllowed: election.rules.multipleSupportAllowed,
  };
  // Every line is judged, then the election's policy keeps the verdicts of the lines it checks (the draw of a
  // sample over the whole submission, or the lines up to the minimum); the others are recorded as not checked.
  const part = {
    submissionId,
    samplingKey,
    offset: submission.part?.offset ?? 0,
    total: submission.part?.total ?? lines.length,
    checkAll,
  };
  const judge = (ctx: SignatureCheckContext) =>
    keepCheckedLines(verifySignatures(lines, ctx), lines, election.rules.signatureCheckPolicy, part, ctx);
  const first = judge(context);
  const firstRecorded = recordLines(submissionId, lines, first.lines);
  await deps.signatures.saveLines(caseId, firstRecorded);

  // Signers another case holds or another line counted meanwhile are judged again as such; a count that stops
  // at the minimum then reaches further, and the signers of the lines it adds are counted in turn.
  const heldByAnother = new Set<string>();
  const countedElsewhere = new Map<string, CountedAt>();
  const tried = new Set<string>();
  let verdict = first;
  for (;;) {
    const toCount = verdict.newlyCounted.filter((iin) => !tried.has(iin));
    if (toCount.length === 0) break;
    for (const iin of toCount) tried.add(iin);
    const found = await countOnLedger(deps, lines, verdict, toCount, abandoned, {
      electionId,
      caseId,
      submissionId,
      exclusive,
      now,
    });
    if (found.heldByAnother.size === 0 && found.countedElsewhere.size === 0) break;
    for (const iin of found.heldByAnother) heldByAnother.add(iin);
    for (const [iin, at] of found.countedElsewhere) countedElsewhere.set(iin, at);
    verdict = judge({
      ...context,
      alreadyCounted: new Map([...context.alreadyCounted, ...countedElsewhere]),
      supportsAnotherCandidate: (iin) => heldByAnother.has(iin) || context.supportsAnotherCandidate(iin),
    });
  }
  const final = verdict === first ? firstRecorded : recordLines(submissionId, lines, verdict.lines);
  // Lines come back in sheet and line order: only those whose verdict the count changed are kept again.
  const changed = final.filter((line, i) => JSON.stringify(line) !== JSON.stringify(firstRecorded[i]));
  await deps.signatures.saveLines(caseId, changed);

  const stillCounted = new Set(verdict.newlyCounted);
  const noLongerCounted = [...entries]
    .filter(([iin, at]) => isHere(at) && !stillCounted.has(iin))
    .map(([iin]) => iin);
  await inBatches(noLongerCounted, (iin) => deps.signatures.ledger.remove(caseId, iin, submissionId));
  return { verdict, recorded: final, snapshotId: register.snapshotId, checkAll };
}

/**
 * The exclusive holds of these signers that another case took more than a lease ago and never counted on its
 * ledger: its request crashed between the two writes. Such a hold keeps the voter from no one.
 */
async function abandonedHolds(
  deps: Deps,
  caseId: string,
  holds: ReadonlyMap<string, Support>,
  now: Instant,
): Promise<Map<string, Support>> {
  const byHolder = new Map<string, string[]>();
  for (const [iin, { cases, heldAt }] of holds) {
    const [holder] = cases;
    if (cases.size !== 1 || holder === undefined || holder === caseId || heldAt === undefined) continue;
    if (Date.parse(now) - Date.parse(heldAt) < COUNTING_LEASE_MS) continue;
    byHolder.set(holder, [...(byHolder.get(holder) ?? []), iin]);
  }
  const abandoned = new Map<string, Support>();
  for (const [holder, iins] of byHolder) {
    const counted = await deps.signatures.ledger.entriesFor(holder, iins);
    for (const iin of iins) {
      const hold = holds.get(iin);
      if (!counted.has(iin) && hold !== undefined) abandoned.set(iin, hold);
    }
  }
  return abandoned;
}

/** Counts `signers`, each at its valid line; says which another case holds, and which another line counted. */
async function countOnLedger(
  deps: Deps,
  lines: readonly SignatureLine[],
  verdict: SignatureVerdict,
  signers: readonly string[],
  abandoned: ReadonlyMap<string, Support>,
  ids: {
    readonly electionId: string;
    readonly caseId: string;
    readonly submissionId: string;
    readonly exclusive: boolean;
    readonly now: Instant;
  },
) {
  // Each valid line's signer, counted at that line (a signer is valid on one line at most).
  const valid = new Set(verdict.lines.filter((v) => v.valid).map(linePosition));
  const placeOf = new Map<string, CountedAt>(
    lines
      .filter((line) => valid.has(linePosition(line)))
      .map((line) => [line.iin, { submissionId: ids.submissionId, sheet: line.sheet, line: line.line }]),
  );
  const heldByAnother = new Set<string>();
  const countedElsewhere = new Map<string, CountedAt>();
  await inBatches(signers, async (iin) => {
    const at = placeOf.get(iin);
    if (at === undefined) throw new Error('A newly counted signer has its valid line');
    // Whom the voter supports first, since an election may allow one candidate only; then the count.
    if (!(await hold(deps, iin, abandoned.get(iin), ids))) {
      heldByAnother.add(iin);
      return;
    }
    const counted = await deps.signatures.ledger.count(ids.caseId, iin, at);
    if (counted.submissionId !== ids.submissionId) countedElsewhere.set(iin, counted);
  });
  return { heldByAnother, countedElsewhere };
}

/** Takes the voter's support for the case, or an abandoned exclusive hold over from the case that left it. */
async function hold(
  deps: Deps,
  iin: string,
  abandoned: Support | undefined,
  ids: {
    readonly electionId: string;
    readonly caseId: string;
    readonly exclusive: boolean;
    readonly now: Instant;
  },
): Promise<boolean> {
  const { electionId, caseId, exclusive, now } = ids;
  // Exclusive holds are marked with when they were taken, so that one never counted can be told apart.
  if (await deps.signatures.holdSupport(electionId, caseId, iin, exclusive, exclusive ? now : undefined)) {
    return true;
  }
  const [from] = abandoned?.cases ?? [];
  if (abandoned?.heldAt === undefined || from === undefined) return false;
  return deps.signatures.takeOverSupport(electionId, iin, { from, heldAt: abandoned.heldAt }, caseId, now);
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += COUNT_BATCH) {
    await Promise.all(items.slice(i, i + COUNT_BATCH).map(run));
  }
}
