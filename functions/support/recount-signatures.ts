import type { Election } from '../../shared/domain/election.ts';
import { recountOnRegister } from '../../shared/domain/signature-recount.ts';
import { type Dependencies, engineActor } from './dependencies.ts';
import { recordAndResume } from './record-and-resume.ts';

/** How many signatures are taken off at a time. */
const REMOVE_BATCH = 25;

/**
 * Counts again, on the election's current register, the signatures of every case counted on another one: a
 * signer no longer on the list is taken off the ledger, and the case gets the new count on its trail. Run after
 * a new register is in; a case already counted on it is passed over, so a run cut short is finished by the next
 * (importing the same list again runs it).
 */
export async function recountSignatures(
  deps: Pick<Dependencies, 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger'>,
  election: Election,
): Promise<number> {
  const register = election.voterRegister;
  if (register === null) return 0;
  const { cases } = await deps.cases.listByElection(election.electionId);
  const stale = cases.filter(
    (c) => c.signatureSubmissions.length > 0 && c.signaturesCountedOn !== register.snapshotId,
  );
  const membership = await deps.voters.membership(election.electionId, register.snapshotId);
  for (const nominationCase of stale) {
    const { caseId } = nominationCase;
    const gone = (await deps.signatures.ledger.signersOf(caseId)).filter((iin) => !membership.has(iin));
    for (let i = 0; i < gone.length; i += REMOVE_BATCH) {
      await Promise.all(
        gone.slice(i, i + REMOVE_BATCH).map((iin) => deps.signatures.ledger.remove(caseId, iin)),
      );
    }
    const validCount = await deps.signatures.ledger.countOf(caseId);
    const recount = {
      snapshotId: register.snapshotId,
      voters: register.voters,
      removed: gone.length,
      validCount,
    };
    await recordAndResume(
      deps,
      nominationCase,
      (current) =>
        current.signaturesCountedOn === register.snapshotId
          ? current
          : recountOnRegister(current, recount, { at: deps.clock.now(), actor: engineActor }),
      'decided',
    );
    deps.logger.info('signatures recounted', { caseId, removed: gone.length, validCount });
  }
  return stale.length;
}
