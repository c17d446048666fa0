import { tableKeys } from './table.ts';

/**
 * Every key of the table is built here and nowhere else.
 *
 * Items are grouped in **key families** by what they hold and who may see it. A family is a set of partitions
 * whose keys start with its own prefix, and no partition holds items of two families, so what a function may
 * reach is a set of partition-key prefixes: the one thing IAM's `dynamodb:LeadingKeys` can check. The families,
 * what each holds and who may read or write it: README "Storage".
 *
 * | family            | pk                            | sk                      | holds                                 |
 * |-------------------|-------------------------------|-------------------------|---------------------------------------|
 * | election          | ELECTION#<electionId>         | ELECTION                | the election (public)                 |
 * | electionDirectory | ELECTIONS                     | <electionId>            | the id of every election called       |
 * | district (gsi1)   | DISTRICT#<4 digits>           | ELECTION#<day>#<id>     | index keys on election items          |
 * | roll              | ROLL#<electionId>             | ROLL                    | candidates by IIN, nominator slots    |
 * | cases             | CASES#<electionId>            | CASE#<caseId>           | cases, each naming its trail's head   |
 * | trail             | TRAIL#<caseId>                | EVENT#<seq 8>#<eventId> | a case's audit trail, one event each  |
 * | lines             | LINES#<caseId>                | LINE#<sub>#<sht>#<line> | signature lines of each submission    |
 * |                   |                               | SUBMISSION#<sub>        | each submission's verdict             |
 * | ledger            | LEDGER#<caseId>               | VOTER#<iin>             | each signature counted for a case     |
 * | support           | SUPPORT#<electionId>          | VOTER#<iin>             | the cases each voter supports         |
 * | register          | REGISTER#<electionId>         | SNAPSHOT#<id>, CHUNK#.. | register snapshots: packed IINs       |
 * | jobs              | JOBS#<electionId>             | JOB#<jobId>             | bulk jobs: checkpoint and progress    |
 * | published         | PUBLIC#<electionId>           | CANDIDATE#<caseId>      | the public view of each registered    |
 * | unreadable        | UNREADABLE#<electionId>       | CASES                   | how many cases could not be read      |
 * | idempotency       | IDEMPOTENCY#<operationId>     | <operationId>#<hash>    | stored answers, without personal data |
 * | wakeUps (local)   | WAKE-UP                       | <instant>#<id>          | the local engine's wake-ups           |
 * | accounts (local)  | ACCOUNTS                      | USER#<username>         | the local engine's desk accounts      |
 * |                   |                               | ID#<accountId>          | each one's copy by id, without hash   |
 * | accounts (AWS)    | ACCOUNTS                      | DISTRICT#<d>#<sub>      | desk accounts' records (Cognito signs)|
 * | inbox             | INBOX#<account subject>       | READ                    | how far an account has read its inbox |
 * | noticesPublished  | NOTICES-PUBLISHED#<electionId>| <noticeId>              | notices published beyond the desk     |
 * | noticeHours       | NOTICE-HOURS                  | <electionId>, SWEPT     | deadlines' warning hours; swept up to |
 * | nominees          | NOMINEES#PARTY#<partyId>,     | <district>#<day>#       | where each nominator's cases are      |
 * |                   | NOMINEES#IIN#<iin>            |   <electionId>#<caseId> |   ("my cases" of parties, candidates) |
 *
 * The cases of an election share one partition so that counting its nominations stays one consistent query.
 */
export type ItemKey = { readonly pk: string; readonly sk: string };

interface FamilyShape {
  /** What every partition key of the family starts with (or, for a single partition, is). */
  readonly prefix: string;
  /** The family is one partition: its key is the prefix itself. */
  readonly single?: true;
  /** One partition per API operation, each reachable only by that operation's function. */
  readonly perOperation?: true;
  /** The family's keys are those of an index, not of the table. */
  readonly index?: string;
}

export const keyFamilies = {
  election: { prefix: 'ELECTION#' },
  electionDirectory: { prefix: 'ELECTIONS', single: true },
  district: { prefix: 'DISTRICT#', index: tableKeys.byDistrictIndex },
  roll: { prefix: 'ROLL#' },
  cases: { prefix: 'CASES#' },
  trail: { prefix: 'TRAIL#' },
  lines: { prefix: 'LINES#' },
  ledger: { prefix: 'LEDGER#' },
  support: { prefix: 'SUPPORT#' },
  register: { prefix: 'REGISTER#' },
  jobs: { prefix: 'JOBS#' },
  published: { prefix: 'PUBLIC#' },
  unreadable: { prefix: 'UNREADABLE#' },
  idempotency: { prefix: 'IDEMPOTENCY#', perOperation: true },
  wakeUps: { prefix: 'WAKE-UP', single: true },
  accounts: { prefix: 'ACCOUNTS', single: true },
  inbox: { prefix: 'INBOX#' },
  nominees: { prefix: 'NOMINEES#' },
  noticesPublished: { prefix: 'NOTICES-PUBLISHED#' },
  noticeHours: { prefix: 'NOTICE-HOURS', single: true },
} as const satisfies Record<string, FamilyShape>;

export type KeyFamily = keyof typeof keyFamilies;

const families = Object.entries(keyFamilies) as [KeyFamily, FamilyShape][];

/**
 * The partitions of `family` that the function serving `operationId` may reach, as a `dynamodb:LeadingKeys`
 * pattern (StringLike): every partition of the family, or the family's one partition, or, for idempotency
 * records, only those of its own operation.
 */
export function leadingKeysPattern(family: KeyFamily, operationId: string): string {
  const shape: FamilyShape = keyFamilies[family];
  if (shape.single) return shape.prefix;
  if (shape.perOperation) return `${shape.prefix}${operationId}`;
  return `${shape.prefix}*`;
}

/** The index whose partition keys are the family's; undefined when they are the table's own. */
export function indexOfFamily(family: KeyFamily): string | undefined {
  const shape: FamilyShape = keyFamilies[family];
  return shape.index;
}

/** The family a partition key belongs to (of the table, or of `index`); undefined when none holds it. */
export function familyOf(partitionKey: string, index?: string): KeyFamily | undefined {
  const found = families.find(
    ([, shape]) =>
      shape.index === index &&
      (shape.single ? partitionKey === shape.prefix : partitionKey.startsWith(shape.prefix)),
  );
  return found?.[0];
}

/** A family's prefix: the keys below are built from them, so keys and grants cannot drift apart. */
const p = (family: KeyFamily): string => keyFamilies[family].prefix;

type NomineeOwner = { readonly partyId: string } | { readonly iin: string };

function nomineePartition(nominator: NomineeOwner): string {
  return 'partyId' in nominator
    ? `${p('nominees')}PARTY#${nominator.partyId}`
    : `${p('nominees')}IIN#${nominator.iin}`;
}

export const keys = {
  election: (electionId: string): ItemKey => ({ pk: `${p('election')}${electionId}`, sk: 'ELECTION' }),
  /** The election id in the partition key of an election item. */
  electionIdOf: (pk: string): string => pk.slice(p('election').length),
  electionsOfDistrict: (district: string) => `${p('district')}${district}`,
  electionInDistrict: (electionDay: string, electionId: string) => `ELECTION#${electionDay}#${electionId}`,
  electionDirectoryEntry: (electionId: string): ItemKey => ({ pk: p('electionDirectory'), sk: electionId }),
  electionDirectory: p('electionDirectory'),
  roll: (electionId: string): ItemKey => ({ pk: `${p('roll')}${electionId}`, sk: 'ROLL' }),
  case: (electionId: string, caseId: string): ItemKey => ({
    pk: `${p('cases')}${electionId}`,
    sk: `CASE#${caseId}`,
  }),
  casesOf: (electionId: string) => ({ pk: `${p('cases')}${electionId}`, skPrefix: 'CASE#' }),
  /** The case id in the sort key of a case item. */
  caseIdOf: (sk: string): string => sk.slice('CASE#'.length),
  trailEvent: (caseId: string, seq: number, eventId: string): ItemKey => ({
    pk: `${p('trail')}${caseId}`,
    sk: `EVENT#${String(seq).padStart(8, '0')}#${eventId}`,
  }),
  trailOf: (caseId: string) => ({ pk: `${p('trail')}${caseId}`, skPrefix: 'EVENT#' }),
  signatureLine: (caseId: string, submissionId: string, sheet: number, line: number): ItemKey => ({
    pk: `${p('lines')}${caseId}`,
    sk: `LINE#${submissionId}#${String(sheet).padStart(4, '0')}#${String(line).padStart(3, '0')}`,
  }),
  signatureLinesOf: (caseId: string) => ({ pk: `${p('lines')}${caseId}`, skPrefix: 'LINE#' }),
  signatureLinesOfSubmission: (caseId: string, submissionId: string) => ({
    pk: `${p('lines')}${caseId}`,
    skPrefix: `LINE#${submissionId}#`,
  }),
  ledgerEntry: (caseId: string, iin: string): ItemKey => ({
    pk: `${p('ledger')}${caseId}`,
    sk: `VOTER#${iin}`,
  }),
  ledgerOf: (caseId: string) => `${p('ledger')}${caseId}`,
  submissionRecordsOf: (caseId: string) => ({ pk: `${p('lines')}${caseId}`, skPrefix: 'SUBMISSION#' }),
  submissionRecord: (caseId: string, submissionId: string): ItemKey => ({
    pk: `${p('lines')}${caseId}`,
    sk: `SUBMISSION#${submissionId}`,
  }),
  support: (electionId: string, iin: string): ItemKey => ({
    pk: `${p('support')}${electionId}`,
    sk: `VOTER#${iin}`,
  }),
  registerManifest: (electionId: string, snapshotId: string): ItemKey => ({
    pk: `${p('register')}${electionId}`,
    sk: `SNAPSHOT#${snapshotId}`,
  }),
  registerChunk: (electionId: string, snapshotId: string, n: number): ItemKey => ({
    pk: `${p('register')}${electionId}`,
    sk: `CHUNK#${snapshotId}#${String(n).padStart(4, '0')}`,
  }),
  registerChunksOf: (electionId: string) => ({ pk: `${p('register')}${electionId}`, skPrefix: 'CHUNK#' }),
  job: (electionId: string, jobId: string): ItemKey => ({
    pk: `${p('jobs')}${electionId}`,
    sk: `JOB#${jobId}`,
  }),
  jobsOf: (electionId: string) => ({ pk: `${p('jobs')}${electionId}`, skPrefix: 'JOB#' }),
  /** The IIN in the sort key of a support item. */
  iinOf: (sk: string): string => sk.slice('VOTER#'.length),
  publishedCandidate: (electionId: string, caseId: string): ItemKey => ({
    pk: `${p('published')}${electionId}`,
    sk: `CANDIDATE#${caseId}`,
  }),
  publishedListOf: (electionId: string) => ({
    pk: `${p('published')}${electionId}`,
    skPrefix: 'CANDIDATE#',
  }),
  /** The case id in the sort key of a published candidate. */
  publishedCaseIdOf: (sk: string): string => sk.slice('CANDIDATE#'.length),
  unreadableCases: (electionId: string): ItemKey => ({
    pk: `${p('unreadable')}${electionId}`,
    sk: 'CASES',
  }),
  /** The partition of an operation's Powertools idempotency records (their sort key is the hashed request key). */
  idempotencyPartition: (operationId: string) => `${p('idempotency')}${operationId}`,
  wakeUp: (at: string, id: string): ItemKey => ({ pk: p('wakeUps'), sk: `${at}#${id}` }),
  wakeUpsUntil: (at: string) => ({ pk: p('wakeUps'), skBefore: `${at}#\uffff` }),
  /** A local account, by its login name (unique: the key is the name). */
  account: (username: string): ItemKey => ({ pk: p('accounts'), sk: `USER#${username}` }),
  accounts: { pk: p('accounts'), skPrefix: 'USER#' },
  /** A local account's copy by its id, without its password's hash: the one read that checks a token's account. */
  accountById: (accountId: string): ItemKey => ({ pk: p('accounts'), sk: `ID#${accountId}` }),
  accountsById: { pk: p('accounts'), skPrefix: 'ID#' },
  /** On AWS (Cognito keeps the credentials): an account's record, under the district that manages it. */
  managedAccount: (district: string, accountId: string): ItemKey => ({
    pk: p('accounts'),
    sk: `DISTRICT#${district}#${accountId}`,
  }),
  managedAccounts: (district: string) => ({ pk: p('accounts'), skPrefix: `DISTRICT#${district}#` }),
  /** On AWS: an account creation begun and not yet stored, by its login name (shared/aws/pending-account-creations.ts). */
  pendingAccountCreation: (username: string): ItemKey => ({ pk: p('accounts'), sk: `CREATING#${username}` }),
  pendingAccountCreations: { pk: p('accounts'), skPrefix: 'CREATING#' },
  inboxRead: (subject: string): ItemKey => ({ pk: `${p('inbox')}${subject}`, sk: 'READ' }),
  /** An election's warning hours (48 hours before each deadline), for the deadline sweep. */
  warningHours: (electionId: string): ItemKey => ({ pk: p('noticeHours'), sk: electionId }),
  /** Up to when the deadline sweep has published the warnings due. */
  warningsSwept: { pk: p('noticeHours'), sk: 'SWEPT' } satisfies ItemKey,
  noticeHours: p('noticeHours'),
  /** The mark that a notice went out beyond the desk (SNS, or the local outbox). */
  noticePublished: (electionId: string, noticeId: string): ItemKey => ({
    pk: `${p('noticesPublished')}${electionId}`,
    sk: noticeId,
  }),
  /** The partition listing a party's nominees, or one candidate's candidacies (by IIN), across elections. */
  nomineeCases: nomineePartition,
  nomineeCase: (nominator: NomineeOwner, sortKey: string): ItemKey => ({
    pk: nomineePartition(nominator),
    sk: sortKey,
  }),
} as const;
