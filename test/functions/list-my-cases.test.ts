// Issue 13, "my cases": a party's secretary lists the party's nominees, a candidate their own candidacies, across
// elections, without knowing an election id, from a keyed index (no scan), and never anyone else's.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as listMyCases from '../../functions/list-my-cases.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { issueInWords } from '../../shared/domain/error-catalogue.ts';
import { ForbiddenError, ValidationError } from '../../shared/domain/errors.ts';
import { MyCasesPageSchema } from '../../shared/http/responses/my-cases.ts';
import { keys } from '../../shared/storage/keys.ts';
import { NomineeIndex } from '../../shared/storage/nominee-index.ts';
import { aCandidate, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, startTestEngine, type TestEngine } from '../support/engine.ts';

let t: TestEngine;
let myCases: ReturnType<typeof listMyCases.createHandler>;
/** The elections: two in district 1952, one in 1953. */
const ids = { a: '', b: '', other: '' };
/** The amanat nominees of district 1952, and the one withdrawn among them. */
const amanat1952: string[] = [];
let withdrawn = '';
let amanat1953 = '';
let akZhol = '';
const selfIin = aCandidate({}, 40).iin;

const amanatSecretary: Caller = { role: 'party', subject: 'acct-0a', partyId: 'amanat', managedBy: '1952' };
const akZholSecretary: Caller = { role: 'party', subject: 'acct-0b', partyId: 'ak-zhol', managedBy: '1952' };
const selfNominee: Caller = { role: 'candidate', subject: 'acct-0c', iin: selfIin, managedBy: '1952' };

async function page(caller: Caller, query: Record<string, string> = {}) {
  return MyCasesPageSchema.parse(await myCases({ caller, params: {}, query, body: undefined }));
}

/** Every page, walked with its cursors. */
async function allPages(caller: Caller, limit: number) {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  do {
    const next = await page(caller, { limit: String(limit), ...(cursor ? { cursor } : {}) });
    seen.push(...next.cases.map((c) => c.caseId));
    cursor = next.next;
  } while (cursor !== null);
  return seen;
}

beforeAll(async () => {
  t = await startTestEngine();
  myCases = listMyCases.createHandler(t.deps);
  const call = async (caller: Caller, unit: { kato: string; nameKk: string; nameRu: string }) =>
    (
      await t.operations.createElection(
        caller,
        {},
        {
          ...newElectionInput(),
          unit: { ...newElectionInput().unit, ...unit },
        },
      )
    ).electionId;
  ids.a = await call(commission, { kato: '195230100', nameKk: 'Ақтоғай', nameRu: 'Актогай' });
  ids.b = await call(commission, { kato: '195230400', nameKk: 'Бірлік', nameRu: 'Бирлик' });
  ids.other = await call(
    { role: 'commission', subject: 'tec-1953', district: '1953' },
    { kato: '195330100', nameKk: 'Жалтыр', nameRu: 'Жалтыр' },
  );
  const commission1953: Caller = { role: 'commission', subject: 'tec-1953', district: '1953' };
  const file = async (electionId: string, filing: unknown) =>
    (
      await t.operations.fileNomination(
        electionId.startsWith('1953') ? commission1953 : commission,
        { electionId },
        filing,
      )
    ).caseId;
  amanat1952.push(await file(ids.a, aPartyFiling('amanat', 1)));
  amanat1952.push(await file(ids.b, aPartyFiling('amanat', 2)));
  akZhol = await file(ids.a, aPartyFiling('ak-zhol', 3));
  amanat1953 = await file(ids.other, aPartyFiling('amanat', 4));
  await file(ids.b, aSelfFiling(40));
  withdrawn = amanat1952[0] ?? '';
  await t.operations.withdrawNomination(amanatSecretary, { electionId: ids.a, caseId: withdrawn }, {});
}, 60_000);

describe('listMyCases', () => {
  it('gives a party’s secretary the party’s nominees of its district, withdrawn ones with their status', async () => {
    const { cases, next } = await page(amanatSecretary);
    expect(cases.map((c) => c.caseId).sort()).toEqual([...amanat1952].sort());
    expect(next).toBeNull();
    expect(cases.find((c) => c.caseId === withdrawn)?.status).toBe('Revoked');
    expect(cases[0]?.election).toMatchObject({ district: '1952', electionDay: '2026-03-15' });
    expect(JSON.stringify(cases)).not.toMatch(/\d{12}/);
  });

  it('never shows a party another party’s nominees, nor its own of a district that does not manage the account', async () => {
    const seen = (await page(akZholSecretary)).cases.map((c) => c.caseId);
    expect(seen).toEqual([akZhol]);
    expect((await page(amanatSecretary)).cases.map((c) => c.caseId)).not.toContain(amanat1953);
  });

  it('gives a candidate their own candidacies only, by the IIN of their token', async () => {
    const { cases } = await page(selfNominee);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ route: 'self', electionId: ids.b, nominator: null });
    const stranger: Caller = { ...selfNominee, iin: aCandidate({}, 41).iin };
    expect((await page(stranger)).cases).toEqual([]);
  });

  it('pages with a cursor, every case once, newest election first within the district', async () => {
    expect(await allPages(amanatSecretary, 1)).toEqual(
      (await page(amanatSecretary)).cases.map((c) => c.caseId),
    );
  });

  it('reads another party’s cursor only as a position among the caller’s own cases', async () => {
    const first = await page(amanatSecretary, { limit: '1' });
    expect(first.next).not.toBeNull();
    const borrowed = await page(akZholSecretary, { cursor: first.next ?? '' });
    expect(
      borrowed.cases.every(
        (c) => c.nominator !== null && 'partyId' in c.nominator && c.nominator.partyId === 'ak-zhol',
      ),
    ).toBe(true);
  });

  it('refuses a forged cursor, or one pointing outside the account’s district, with a structured error', async () => {
    const outside = Buffer.from(JSON.stringify({ electionId: ids.other, caseId: amanat1953 })).toString(
      'base64url',
    );
    for (const cursor of [
      outside,
      'not-json',
      Buffer.from('{"pk":"NOMINEES#PARTY#ak-zhol"}').toString('base64url'),
    ]) {
      const refused = await myCases({
        caller: amanatSecretary,
        params: {},
        query: { cursor },
        body: undefined,
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues[0]).toMatchObject({
        field: 'cursor',
        code: 'MY_CASES_CURSOR_INVALID',
      });
      expect(issueInWords((refused as ValidationError).issues[0] ?? { code: 'INTERNAL' }).message.kk).toMatch(
        /[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]/,
      );
    }
  });

  it('refuses a page larger than 50', async () => {
    await expect(page(amanatSecretary, { limit: '51' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('is the parties’ and candidates’ only: a commission, an akimat and the public are refused', async () => {
    for (const caller of [
      commission,
      { role: 'akimat', subject: 'a', district: '1952' },
      { role: 'public' },
    ] as Caller[]) {
      await expect(page(caller)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('passes over an index entry whose case was never written (a filing that crashed in between)', async () => {
    const ghost = { ...(await t.deps.cases.get(ids.b, amanat1952[1] ?? '')), caseId: 'never-written' };
    await new NomineeIndex(t.table).record(ghost);
    expect((await page(amanatSecretary)).cases.map((c) => c.caseId)).not.toContain('never-written');
  });

  it('lists the rest of a party’s cases when one no longer reads, and logs that one by id only', async () => {
    const auylSecretary: Caller = { role: 'party', subject: 'acct-0d', partyId: 'auyl', managedBy: '1952' };
    const sound = (
      await t.operations.fileNomination(commission, { electionId: ids.a }, aPartyFiling('auyl', 5))
    ).caseId;
    const damaged = (
      await t.operations.fileNomination(commission, { electionId: ids.b }, aPartyFiling('auyl', 6))
    ).caseId;
    await t.table.db.send(
      new UpdateCommand({
        TableName: t.table.name,
        Key: keys.case(ids.b, damaged),
        UpdateExpression: 'SET #status = :bad',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':bad': 'NoSuchStatus' },
      }),
    );
    const error = vi.spyOn(t.deps.logger, 'error').mockImplementation(() => undefined);
    const listed = await page(auylSecretary);
    // Taken before the spy is restored, which forgets its calls.
    const logged = error.mock.calls.map((call) => JSON.stringify(call));
    error.mockRestore();
    expect(listed.cases.map((c) => c.caseId)).toEqual([sound]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(damaged);
    expect(logged[0]).not.toContain(aCandidate({}, 6).iin);
  });
});
