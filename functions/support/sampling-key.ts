import { randomBytes } from 'node:crypto';
import type { Election } from '../../shared/domain/election.ts';
import type { Dependencies } from './dependencies.ts';

/** A new election's sampling key: 32 bytes from the system's CSPRNG, in hex (`SamplingKeySchema`). */
export function newSamplingKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The election's sampling key, the seed of every sample drawn in it (`sampleSeed`). An election called before
 * keys existed gets one at its first need, before the first draw: made here, kept only if the election still has
 * none (a racing request's key, written first, is the one used by both), and committed from then on by the
 * SHA-256 its view shows. The sheets of that first submission were handed in before the key existed, so they
 * could not have been chosen for it. Null where the election's policy draws nothing.
 */
export async function samplingKeyFor(
  deps: Pick<Dependencies, 'elections'>,
  election: Election,
): Promise<string | null> {
  if (election.rules.signatureCheckPolicy.method !== 'sample') return null;
  if (election.samplingKey !== null) return election.samplingKey;
  const made = newSamplingKey();
  const stored = await deps.elections.update(election.electionId, (current) =>
    current.samplingKey === null ? { ...current, samplingKey: made } : current,
  );
  return stored.samplingKey;
}
