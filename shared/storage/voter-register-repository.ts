import { getAll, putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';

/**
 * The voter list of an election, one item per voter under its snapshot, holding nothing but the IIN.
 * A new import is a new snapshot; the election points at the one its threshold was computed from.
 */
export class VoterRegisterRepository {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  async importSnapshot(electionId: string, snapshotId: string, iins: readonly string[]): Promise<void> {
    await putAll(
      this.#table,
      iins.map((iin) => keys.voter(electionId, snapshotId, iin)),
    );
  }

  /** Which of `iins` are on the snapshot. */
  async registeredAmong(
    electionId: string,
    snapshotId: string,
    iins: readonly string[],
  ): Promise<Set<string>> {
    const distinct = [...new Set(iins)];
    const found = await getAll(
      this.#table,
      distinct.map((iin) => keys.voter(electionId, snapshotId, iin)),
      'sk',
    );
    return new Set(found.map((item) => keys.iinOf(String(item.sk))));
  }
}
