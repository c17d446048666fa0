import { isLive } from '../../shared/domain/case-lifecycle.ts';
import type { Election } from '../../shared/domain/election.ts';
import type { NominationCase } from '../../shared/domain/nomination-case.ts';
import { ledgerCorrection, type Recount, recountOnRegister } from '../../shared/domain/signature-recount.ts';
import { type Dependencies, engineActor } from './dependencies.ts';
import { recordAndResume } from './record-and-resume.ts';

type RecountDeps = Pick<
  Dependencies,
  'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger'
>;

/** How many ledger writes are made at a time. */
const LEDGER_BATCH = 25;

/** What a run changed on one case's ledger, net: a signer taken off and counted again is no change. */
type LedgerChanges = Map<string, 'added' | 'removed'>;

/**
 * Counts again, on the election's register in force, the signatures of every case counted on another one: its
 * ledger is made what its recorded lines give on that register (signers no longer listed taken off, listed
 * signers of valid lines or of lines refused as not listed counted), and the case gets the new count on its
 * trail. The register is read again before and after each case's ledger is changed: when another import has
 * replaced it, the run starts over on the new one, and puts right again the cases it changed, whatever they
 * say they were counted on. A case already counted on the register is passed over, so a run cut short is
 * finished by the next (importing the same list again runs it). Answers how many cases it recorded a recount on.
 */
export async function recountSignatures(deps: RecountDeps, election: Election): Promise<number> {
  const touched = new Map<string, LedgerChanges>();
  let recorded = 0;
  // The first pass on the election as the caller has it (it has just put the register in force); each next on
  // the election as stored then.
  for (let next = election; ; next = await deps.elections.get(election.electionId)) {
    const pass = await recountPass(deps, next, touched);
    recorded += pass.recorded;
    if (pass.complete) return recorded;
  }
}

/** One pass over the cases on the register `election` has; incomplete when a change elsewhere cut it short. */
async function recountPass(
  deps: RecountDeps,
  election: Election,
  touched: Map<string, LedgerChanges>,
): Promise<{ complete: boolean; recorded: number }> {
  const { electionId, voterRegister: register } = election;
  if (register === null) return { complete: true, recorded: 0 };
  const { snapshotId } = register;
  const inForce = async () => (await deps.elections.get(electionId)).voterRegister?.snapshotId === snapshotId;
  const cases = await deps.cases.readableOf(electionId);
  const due = cases.filter(
    (c) =>
      touched.has(c.caseId) || (c.signatureSubmissions.length > 0 && c.signaturesCountedOn !== snapshotId),
  );
  // Nothing to recount (every close asks): the register is not even read.
  if (due.length === 0) return { complete: true, recorded: 0 };
  const membership = await deps.voters.membership(electionId, snapshotId);
  let recorded = 0;
  for (const seen of due) {
    const { caseId } = seen;
    if (!(await inForce())) return { complete: false, recorded };
    const changes = touched.get(caseId) ?? new Map();
    touched.set(caseId, changes);
    await correctLedger(deps, election, seen, (iin) => membership.has(iin), changes);
    // Another register in force now may have been counted before these writes: they are put right on it.
    if (!(await inForce())) return { complete: false, recorded };
    touched.delete(caseId);
    if (seen.signaturesCountedOn === snapshotId) continue;

    const validCount = await deps.signatures.ledger.countOf(caseId);
    const net = [...changes.values()];
    const recount = {
      snapshotId,
      voters: register.voters,
      removed: net.filter((c) => c === 'removed').length,
      added: net.filter((c) => c === 'added').length,
      validCount,
    };
    const outcome = await recordRecount(deps, seen, recount);
    if (outcome === 'superseded') {
      touched.set(caseId, changes);
      return { complete: false, recorded };
    }
    if (outcome === 'recorded') recorded += 1;
    deps.logger.info('signatures recounted', { caseId, outcome, ...recount });
  }
  return { complete: true, recorded };
}

type Outcome = 'recorded' | 'already' | 'superseded';

/**
 * Records the recount on the case, unless it is counted on the register already, or was counted again since
 * `seen` was read (a submission, another recount): its ledger is then to be put right again first.
 */
async function recordRecount(deps: RecountDeps, seen: NominationCase, recount: Recount): Promise<Outcome> {
  const outcomeFor = (current: NominationCase): Outcome => {
    if (current.signaturesCountedOn === recount.snapshotId) return 'already';
    const countedSince =
      current.signaturesCountedOn !== seen.signaturesCountedOn ||
      current.signatureSubmissions.length !== seen.signatureSubmissions.length;
    return countedSince ? 'superseded' : 'recorded';
  };
  // The outcome of the attempt that was written (a lost race judges the case again).
  const outcomes: Outcome[] = [];
  await recordAndResume(
    deps,
    seen,
    (current) => {
      const outcome = outcomeFor(current);
      outcomes.push(outcome);
      return outcome === 'recorded'
        ? recountOnRegister(current, recount, { at: deps.clock.now(), actor: engineActor })
        : current;
    },
    'decided',
  );
  return outcomes.at(-1) ?? 'already';
}

/** Makes the case's ledger what its recorded lines give on the register, noting each change in `changes`. */
async function correctLedger(
  deps: RecountDeps,
  election: Election,
  nominationCase: NominationCase,
  isOnRegister: (iin: string) => boolean,
  changes: LedgerChanges,
): Promise<void> {
  const { caseId, signatureSubmissions } = nominationCase;
  const [lines, counted] = await Promise.all([
    deps.signatures.listLines(caseId),
    deps.signatures.ledger.signersOf(caseId),
  ]);
  // Only lines of submissions on the trail: a crashed one's lines hold no place (sheets sent again instead may
  // use it), and a case out of the race takes no voter's support in an election that allows one candidate.
  const recorded = isLive(nominationCase.status)
    ? lines.filter((line) => signatureSubmissions.includes(line.submissionId))
    : [];
  const { remove, add } = ledgerCorrection(recorded, counted, isOnRegister);
  const exclusive = !election.rules.multipleSupportAllowed;
  const now = deps.clock.now();
  await inBatches(remove, async (iin) => {
    await deps.signatures.ledger.remove(caseId, iin);
    noteChange(changes, iin, 'removed');
  });
  await inBatches(add, async ({ iin, at }) => {
    // Whom the voter supports first, since an election may allow one candidate only; then the count. The hold
    // is marked with its time, as a submission's is, so that one left by a crash can be told apart.
    const held = await deps.signatures.holdSupport(election.electionId, caseId, iin, exclusive, now);
    if (!held) return;
    const place = await deps.signatures.ledger.count(caseId, iin, at);
    const countedHere =
      place.submissionId === at.submissionId && place.sheet === at.sheet && place.line === at.line;
    if (countedHere) noteChange(changes, iin, 'added');
  });
}

function noteChange(changes: LedgerChanges, iin: string, change: 'added' | 'removed'): void {
  if (changes.has(iin) && changes.get(iin) !== change) changes.delete(iin);
  else changes.set(iin, change);
}

async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += LEDGER_BATCH) {
    await Promise.all(items.slice(i, i + LEDGER_BATCH).map(each));
  }
}
