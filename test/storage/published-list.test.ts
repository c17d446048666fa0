// Issue 10, item 2: the public reads a family of its own, the published list, kept in step with the cases.
import { DeleteCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as listCandidates from '../../functions/list-candidates.ts';
import { publicCandidateView } from '../../shared/domain/case-views.ts';
import { type Actor, type NominationCase, openCase } from '../../shared/domain/nomination-case.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { familyOf, keys } from '../../shared/storage/keys.ts';
import { PublishedList } from '../../shared/storage/published-list.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import { anElection, newElectionInput } from '../support/elections.ts';
import {
  akimat,
  candidateCaller,
  commission,
  fixtureCalendar,
  partyCaller,
  startTestEngine,
  type TestEngine,
} from '../support/engine.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { createTestTable } from '../support/test-table.ts';

const electionId = '195230100-2026-03-15';

/** A test table whose writes to the published list fail while `failing` is set: a crash between two writes. */
function withPublishedListDown(table: Table): { table: Table; failing: { on: boolean } } {
  const failing = { on: false };
  const send = async (command: Parameters<Table['db']['send']>[0]) => {
    const pk =
      command instanceof PutCommand
        ? command.input.Item?.pk
        : command instanceof UpdateCommand || command instanceof DeleteCommand
          ? command.input.Key?.pk
          : undefined;
    if (failing.on && familyOf(String(pk)) === 'published') throw new Error('storage went away');
    return table.db.send(command);
  };
  const db = new Proxy(table.db, {
    get: (target, name) => (name === 'send' ? send : Reflect.get(target, name)),
  });
  return { table: { name: table.name, db }, failing };
}

/** Every item of the table, as stored. */
async function everyItem(table: Table): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(new ScanCommand({ TableName: table.name, ExclusiveStartKey: cursor }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor !== undefined);
  return items;
}

async function confirmedPartyNominee(t: TestEngine, partyId: string, serial: number): Promise<string> {
  const { caseId } = await t.operations.fileNomination(
    partyCaller(partyId),
    { electionId },
    aPartyFiling(partyId, serial),
  );
  await t.operations.confirmPartyNomination(
    partyCaller(partyId),
    { electionId, caseId },
    { decision: 'confirm' },
  );
  return caseId;
}

const register = (t: TestEngine, caseId: string) =>
  t.operations.decideRegistration(
    commission,
    { electionId, caseId },
    { decision: 'register', checks: checksPassed },
  );

describe('the published list', () => {
  it('is kept in step through registration, withdrawal and revocation, and rewritten whole at registration close', async () => {
    const { table, failing } = withPublishedListDown(await createTestTable());
    const t = await startTestEngine({ table });
    const read = listCandidates.createHandler(t.deps);
    const answer = () => read({ caller: { role: 'public' }, params: { electionId }, body: {} });
    const listed = async () => (await answer()).candidates.map((c) => c.caseId).sort();
    await t.operations.createElection(commission, {}, newElectionInput());

    const amanat = await confirmedPartyNominee(t, 'amanat', 1);
    const auyl = await confirmedPartyNominee(t, 'auyl', 2);
    const nur = await confirmedPartyNominee(t, 'nur', 3);
    const akZhol = await confirmedPartyNominee(t, 'ak-zhol', 4);
    const respublika = await confirmedPartyNominee(t, 'respublika', 5);
    expect(await answer()).toEqual({
      electionId,
      final: false,
      candidates: [],
      refusedOrCancelled: [],
      unreadableCases: 0,
    });

    // A registration lists the candidate: one item, exactly what the public may see of the case.
    await register(t, amanat);
    const registered = await t.deps.cases.get(electionId, amanat);
    expect(await answer()).toEqual({
      electionId,
      final: false,
      candidates: [publicCandidateView(registered)],
      refusedOrCancelled: [],
      unreadableCases: 0,
    });

    await register(t, auyl);
    await register(t, nur);
    await register(t, respublika);
    expect(await listed()).toEqual([amanat, auyl, nur, respublika].sort());

    // A revocation by the party and a withdrawal by the candidate take the candidate off the list.
    await t.operations.withdrawNomination(partyCaller('auyl'), { electionId, caseId: auyl }, {});
    await t.operations.withdrawNomination(
      candidateCaller(aPartyFiling('nur', 3).candidate.iin),
      { electionId, caseId: nur },
      {},
    );
    expect(await listed()).toEqual([amanat, respublika].sort());

    // The list goes away between a case's write and its own: a registration and a withdrawal miss it.
    failing.on = true;
    await expect(register(t, akZhol)).rejects.toThrow('storage went away');
    await expect(
      t.operations.withdrawNomination(partyCaller('respublika'), { electionId, caseId: respublika }, {}),
    ).rejects.toThrow('storage went away');
    failing.on = false;
    await t.settled();
    expect((await t.deps.cases.get(electionId, akZhol)).status).toBe('Registered');
    expect((await t.deps.cases.get(electionId, respublika)).status).toBe('Revoked');
    expect(await listed()).toEqual([amanat, respublika].sort());

    // Registration close rewrites the list from the cases: both are mended.
    await t.advanceTo(fixtureCalendar.registrationClose);
    const closed = await answer();
    // Published at the close, not final: cancellations and a court's registrations may still change it.
    expect(closed).toMatchObject({ electionId, final: false, unreadableCases: 0 });
    expect(closed.candidates.map((c) => c.caseId).sort()).toEqual([amanat, akZhol].sort());
    for (const candidate of closed.candidates) {
      expect(candidate).toEqual(publicCandidateView(await t.deps.cases.get(electionId, candidate.caseId)));
    }

    // A withdrawal after the close (allowed until the day before the election) still leaves the list.
    await t.operations.withdrawNomination(
      candidateCaller(aPartyFiling('amanat', 1).candidate.iin),
      { electionId, caseId: amanat },
      {},
    );
    expect(await listed()).toEqual([akZhol]);
    t.engine.stop();
  });

  it('never lets a late write of an older case version undo a newer one', async () => {
    const table = await createTestTable();
    const published = new PublishedList(table);
    const actor: Actor = { role: 'commission', id: 'tec' };
    const opened = openCase(
      aPartyFiling(),
      { caseId: 'late-1', electionId: 'e-1' },
      { at: '2026-02-10T05:00:00.000Z', actor },
    );
    const registered: NominationCase = { ...opened, status: 'Registered', version: 5 };
    const withdrawn: NominationCase = { ...opened, status: 'Withdrawn', version: 6 };
    await published.sync(withdrawn);
    await published.sync(registered);
    expect((await published.read('e-1')).candidates).toEqual([]);
    await published.sync({ ...registered, version: 7 });
    expect((await published.read('e-1')).candidates).toEqual([publicCandidateView(registered)]);
  });

  it('counts the cases storage holds but cannot read, as last listed, without reading any case', async () => {
    const table = await createTestTable();
    const election = anElection();
    await new ElectionRepository(table).create(election);
    const cases = new CaseRepository(table);
    const actor: Actor = { role: 'party', id: 'amanat' };
    const filed = await cases.file(
      openCase(
        aPartyFiling(),
        { caseId: 'damaged-1', electionId: election.electionId },
        { at: '2026-02-10T05:00:00.000Z', actor },
      ),
      aPartyFiling().candidate.iin,
      '2026-02-10T05:00:00.000Z',
    );
    const damage = (status: string) =>
      table.db.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.case(election.electionId, filed.caseId),
          UpdateExpression: 'SET #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status },
        }),
      );
    const published = new PublishedList(table);
    await damage('NoSuchStatus');
    expect((await cases.listByElection(election.electionId)).unreadable).toHaveLength(1);
    expect((await published.read(election.electionId)).unreadableCases).toBe(1);
    await damage('AwaitingPartyConfirmation');
    expect((await cases.listByElection(election.electionId)).unreadable).toHaveLength(0);
    expect((await published.read(election.electionId)).unreadableCases).toBe(0);
  });
});

describe('what the public families hold, after a whole election', () => {
  it('no item of the election, directory, published list or unreadable count holds an IIN or a birth date', async () => {
    const t = await startTestEngine({ table: await createTestTable() });
    await t.operations.createElection(commission, {}, newElectionInput());
    const voters = voterRows(300);
    await t.operations.importVoterRegister(commission, { electionId }, { source: 'list', voters });
    const party = await confirmedPartyNominee(t, 'amanat', 1);
    const self = aSelfFiling(2);
    const { caseId: selfCase } = await t.operations.fileNomination(
      candidateCaller(self.candidate.iin),
      { electionId },
      self,
    );
    // Short of signatures: the self-nominee ends at the close, so nomination is extended and the akimat proposes.
    await t.operations.submitSignatures(
      candidateCaller(self.candidate.iin),
      { electionId, caseId: selfCase },
      { lines: linesFrom(voters.slice(0, 1)) },
    );
    await register(t, party);
    await t.advanceTo(fixtureCalendar.extendedClose);
    const { caseId: proposed } = await t.operations.fileNomination(akimat, { electionId }, anAkimatFiling(3));
    await t.operations.recordCommunityConsent(akimat, { electionId, caseId: proposed }, agreedMeeting);
    await register(t, proposed);
    await t.advanceTo(fixtureCalendar.registrationClose);
    t.engine.stop();

    const personal = [
      ...[aPartyFiling('amanat', 1), self, anAkimatFiling(3)].flatMap((f) => [
        f.candidate.iin,
        f.candidate.birthDate,
      ]),
      ...voters.slice(0, 1).flatMap((v) => [v.iin, v.birthDate]),
    ];
    const items = await everyItem(t.table);
    // Every item is in a family, and personal data is in the table, so that the check below is not empty.
    expect(items.filter((item) => familyOf(String(item.pk)) === undefined)).toEqual([]);
    const stored = JSON.stringify(items);
    expect(personal.every((value) => stored.includes(value))).toBe(true);

    const open = new Set(['election', 'electionDirectory', 'published', 'unreadable']);
    const publicItems = items.filter((item) => open.has(String(familyOf(String(item.pk)))));
    expect([...new Set(publicItems.map((item) => familyOf(String(item.pk))))]).toEqual(
      expect.arrayContaining(['election', 'electionDirectory', 'published']),
    );
    for (const item of publicItems) {
      const text = JSON.stringify(item);
      expect(
        personal.filter((value) => text.includes(value)),
        text,
      ).toEqual([]);
      expect(text).not.toMatch(/"(iin|birthDate)"/);
    }
    const { Items = [] } = await t.table.db.send(
      new QueryCommand({
        TableName: t.table.name,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.publishedListOf(electionId).pk },
      }),
    );
    expect(Items).toHaveLength(2);
  });
});
