/**
 * Every key of the table is built here and nowhere else. The design (README "Storage"):
 *
 * | item                 | pk                           | sk                         | gsi1pk / gsi1sk                 |
 * |----------------------|------------------------------|----------------------------|---------------------------------|
 * | election             | ELECTION#<electionId>        | ELECTION                   | DISTRICT#<d> / ELECTION#<day>#<id> |
 * | nomination roll      | ELECTION#<electionId>        | ROLL                       |                                 |
 * | case                 | ELECTION#<electionId>        | CASE#<caseId>              |                                 |
 * | signature line       | CASE#<caseId>                | LINE#<sheet 4>#<line 3>    |                                 |
 * | counted support      | SUPPORT#<electionId>         | VOTER#<iin>                |                                 |
 * | voter register entry | REGISTER#<electionId>#<snap> | VOTER#<iin>                |                                 |
 * | wake-up (local only) | WAKE-UP                      | <instant>#<id>             |                                 |
 * | idempotency record   | IDEMPOTENCY                  | <operation>#<hash>         |                                 |
 *
 * An election and its cases share a partition so that counting its nominations is one consistent query.
 */
export type ItemKey = { readonly pk: string; readonly sk: string };

export const keys = {
  election: (electionId: string): ItemKey => ({ pk: `ELECTION#${electionId}`, sk: 'ELECTION' }),
  electionsOfDistrict: (district: string) => `DISTRICT#${district}`,
  electionInDistrict: (electionDay: string, electionId: string) => `ELECTION#${electionDay}#${electionId}`,
  /** The election id in the partition key of an election item. */
  electionIdOf: (pk: string): string => pk.slice('ELECTION#'.length),
  roll: (electionId: string): ItemKey => ({ pk: `ELECTION#${electionId}`, sk: 'ROLL' }),
  case: (electionId: string, caseId: string): ItemKey => ({
    pk: `ELECTION#${electionId}`,
    sk: `CASE#${caseId}`,
  }),
  casesOf: (electionId: string) => ({ pk: `ELECTION#${electionId}`, skPrefix: 'CASE#' }),
  /** The case id in the sort key of a case item. */
  caseIdOf: (sk: string): string => sk.slice('CASE#'.length),
  signatureLine: (caseId: string, sheet: number, line: number): ItemKey => ({
    pk: `CASE#${caseId}`,
    sk: `LINE#${String(sheet).padStart(4, '0')}#${String(line).padStart(3, '0')}`,
  }),
  signatureLinesOf: (caseId: string) => ({ pk: `CASE#${caseId}`, skPrefix: 'LINE#' }),
  support: (electionId: string, iin: string): ItemKey => ({
    pk: `SUPPORT#${electionId}`,
    sk: `VOTER#${iin}`,
  }),
  voter: (electionId: string, snapshotId: string, iin: string): ItemKey => ({
    pk: `REGISTER#${electionId}#${snapshotId}`,
    sk: `VOTER#${iin}`,
  }),
  wakeUp: (at: string, id: string): ItemKey => ({ pk: 'WAKE-UP', sk: `${at}#${id}` }),
  /** The partition of Powertools idempotency records (its sort key is the hashed request key). */
  idempotencyPartition: 'IDEMPOTENCY',
  wakeUpsUntil: (at: string) => ({ pk: 'WAKE-UP', skBefore: `${at}#\uffff` }),
  /** The IIN in the sort key of a voter or support item. */
  iinOf: (sk: string): string => sk.slice('VOTER#'.length),
} as const;
