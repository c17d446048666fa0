import { type Election, withVoterRegister } from '../../shared/domain/election.ts';
import type { Dependencies } from './dependencies.ts';
import { recountSignatures } from './recount-signatures.ts';

/**
 * Puts a checked list in force: its packed IINs kept as the snapshot (the same list again is the same snapshot), the
 * election pointed at it, and the signatures counted on another list counted again on it. What a request and a
 * job both do once every row has passed.
 */
export async function putRegisterInForce(
  deps: Pick<
    Dependencies,
    'elections' | 'cases' | 'signatures' | 'voters' | 'workflows' | 'clock' | 'logger'
  >,
  election: Election,
  list: { readonly packed: Buffer; readonly source: string },
) {
  const { electionId } = election;
  const manifest = await deps.voters.saveSnapshot(electionId, list.packed);
  const now = deps.clock.now();
  const snapshot = {
    snapshotId: manifest.snapshotId,
    voters: manifest.voters,
    importedAt: now,
    source: list.source,
  };
  const updated = await deps.elections.update(
    electionId,
    (current) => withVoterRegister(current, snapshot, now),
    election,
  );
  deps.logger.info('voter register imported', {
    electionId,
    snapshotId: manifest.snapshotId,
    voters: manifest.voters,
  });
  // Signatures counted on another list are counted again on the one in force (a repeated import finishes a
  // cut run); that is this one unless another import has replaced it meanwhile.
  await recountSignatures(deps, updated);
  return { electionId, voterRegister: updated.voterRegister };
}
