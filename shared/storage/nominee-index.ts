import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { NominationCase } from '../domain/nomination-case.ts';
import { putAll } from './batch.ts';
import type { Table } from './document-client.ts';
import { keys } from './keys.ts';

/** Whose cases an index partition holds: a party's nominees, or one person's candidacies (by IIN). */
export type Nominator = { readonly partyId: string } | { readonly iin: string };

/** Where a nominator's case is, as the index keeps it. */
export interface CaseRef {
  readonly electionId: string;
  readonly caseId: string;
}

/** A page of a nominator's cases, newest election first, and where the next one starts. */
export interface CaseRefPage {
  readonly refs: readonly CaseRef[];
  readonly next: CaseRef | null;
}

const ELECTION_ID = /^(\d{4})\d{5}-(\d{4}-\d{2}-\d{2})$/;
const RefItemSchema = z.object({ electionId: z.string().regex(ELECTION_ID), caseId: z.string().min(1) });

/** The nominators a case is listed under: its party, if a party nominated it, and its candidate's IIN always. */
export function nominatorsOf(nominationCase: NominationCase): Nominator[] {
  const { filing } = nominationCase;
  return [
    ...(filing.route === 'party' ? [{ partyId: filing.party.partyId }] : []),
    { iin: filing.candidate.iin },
  ];
}

/**
 * "My cases": the cases of each party and each candidate across elections, by one keyed query, without a scan.
 * An index item per (nominator, case) in the `nominees` family, written before the case itself (as a trail event
 * is): an item whose case never came to be is passed over when read, so the index never misses a case and never
 * shows one that is not there. Items are never changed: a case's status is read from the case, so a withdrawn or
 * refused case stays listed as it now stands. They live in the table, so reads are strongly consistent (unlike
 * a global secondary index's). The sort key leads with the district, then the election day: a district's
 * accounts read their district only, newest election first.
 */
export class NomineeIndex {
  readonly #table: Table;

  constructor(table: Table) {
    this.#table = table;
  }

  /** Lists a case under its nominators; idempotent (a filing that resumes writes the same items again). */
  async record(nominationCase: NominationCase): Promise<void> {
    const ref = { electionId: nominationCase.electionId, caseId: nominationCase.caseId };
    await putAll(
      this.#table,
      nominatorsOf(nominationCase).map((nominator) => ({
        ...ref,
        ...keys.nomineeCase(nominator, sortKeyOf(ref)),
      })),
    );
  }

  /**
   * One page of a nominator's cases, in `district` only when given. `after` is where the previous page ended:
   * only a position inside this nominator's own partition (the partition comes from the caller's scope, never
   * from the cursor), so no cursor can reach another nominator's cases.
   */
  async page(
    nominator: Nominator,
    options: { readonly district?: string; readonly after?: CaseRef; readonly limit: number },
  ): Promise<CaseRefPage> {
    const pk = keys.nomineeCases(nominator);
    const { Items = [], LastEvaluatedKey } = await this.#table.db.send(
      new QueryCommand({
        TableName: this.#table.name,
        KeyConditionExpression:
          options.district === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :district)',
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(options.district === undefined ? {} : { ':district': `${options.district}#` }),
        },
        ...(options.after === undefined ? {} : { ExclusiveStartKey: { pk, sk: sortKeyOf(options.after) } }),
        ScanIndexForward: false,
        Limit: options.limit,
        ConsistentRead: true,
      }),
    );
    const refs = Items.map((item) => RefItemSchema.parse(item));
    const last = refs.at(-1);
    return { refs, next: LastEvaluatedKey === undefined || last === undefined ? null : last };
  }
}

/** District, election day, election, case: a nominator's cases by district, then by day. */
export function sortKeyOf(ref: CaseRef): string {
  const match = ELECTION_ID.exec(ref.electionId);
  if (match === null) throw new Error(`not an election id: ${ref.electionId}`);
  return `${match[1]}#${match[2]}#${ref.electionId}#${ref.caseId}`;
}
