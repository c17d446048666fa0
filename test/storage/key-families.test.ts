// Issue 10, item 2: every key is in the family its grants name, and no family's grant reaches another's partitions.
import { describe, expect, it } from 'vitest';
import {
  familyOf,
  type KeyFamily,
  keyFamilies,
  keys,
  leadingKeysPattern,
} from '../../shared/storage/keys.ts';
import { tableKeys } from '../../shared/storage/table.ts';

const electionId = '195230100-2026-03-15';
const caseId = '0f0e0d0c-0b0a-4908-8706-050403020100';

/** A partition of each family, as the keys build it. */
const partitions: Record<KeyFamily, string> = {
  election: keys.election(electionId).pk,
  electionDirectory: keys.electionDirectoryEntry(electionId).pk,
  district: keys.electionsOfDistrict('1952'),
  roll: keys.roll(electionId).pk,
  cases: keys.case(electionId, caseId).pk,
  trail: keys.trailEvent(caseId, 1, 'w-1').pk,
  lines: keys.signatureLine(caseId, 'sub-1', 1, 1).pk,
  ledger: keys.ledgerEntry(caseId, '850402300011').pk,
  support: keys.support(electionId, '850402300011').pk,
  register: keys.registerChunk(electionId, 'snapshot-1', 0).pk,
  jobs: keys.job(electionId, 'job-1').pk,
  published: keys.publishedCandidate(electionId, caseId).pk,
  unreadable: keys.unreadableCases(electionId).pk,
  idempotency: keys.idempotencyPartition('fileNomination'),
  wakeUps: keys.wakeUp('2026-02-17T13:00:00.000Z', 'w-1').pk,
  accounts: keys.account('clerk.1952').pk,
  inbox: keys.inboxRead('acct-1').pk,
  noticeHours: keys.warningHours(electionId).pk,
  noticesPublished: keys.noticePublished(electionId, `${caseId}:waiting:signatures:0`).pk,
  nominees: keys.nomineeCases({ partyId: 'amanat' }),
};

/** IAM's StringLike: `*` any run of characters. */
const like = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(value);

describe('key families', () => {
  it('hold every key the storage builds, each in its own family', () => {
    for (const [family, partition] of Object.entries(partitions)) {
      const index = family === 'district' ? tableKeys.byDistrictIndex : undefined;
      expect(familyOf(partition, index), partition).toBe(family);
    }
  });

  it('are reached by no grant but their own: no pattern matches another family’s partition', () => {
    const families = Object.keys(keyFamilies) as KeyFamily[];
    for (const granted of families) {
      const pattern = leadingKeysPattern(granted, 'fileNomination');
      for (const other of families.filter((f) => f !== granted)) {
        expect(like(pattern, partitions[other]), `${pattern} reaches ${other}`).toBe(false);
      }
      expect(like(pattern, partitions[granted]), `${pattern} reaches its own`).toBe(true);
    }
  });

  it('give an operation its own idempotency records only', () => {
    const pattern = leadingKeysPattern('idempotency', 'decideRegistration');
    expect(like(pattern, keys.idempotencyPartition('decideRegistration'))).toBe(true);
    expect(like(pattern, keys.idempotencyPartition('fileNomination'))).toBe(false);
  });
});
