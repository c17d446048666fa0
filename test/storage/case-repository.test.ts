import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../shared/domain/case-lifecycle.ts';
import type { Election } from '../../shared/domain/election.ts';
import {
  CandidateAlreadyNominatedError,
  InvalidTransitionError,
  PartyNomineeExistsError,
  StepAlreadyDecidedError,
} from '../../shared/domain/errors.ts';
import type { Filing } from '../../shared/domain/nomination.ts';
import {
  type Actor,
  applyCaseEvent,
  decideStep,
  type NominationCase,
  openCase,
} from '../../shared/domain/nomination-case.ts';
import { CaseRepository } from '../../shared/storage/case-repository.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { keys } from '../../shared/storage/keys.ts';
import { NominationRoll } from '../../shared/storage/nomination-roll.ts';
import { aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { anElection } from '../support/elections.ts';
import { createTestTable } from '../support/test-table.ts';

const now = '2026-02-10T05:00:00.000Z';
const party: Actor = { role: 'party', id: 'amanat' };

let table: Table;
let cases: CaseRepository;
let unitNumber = 100;

beforeAll(async () => {
  table = await createTestTable();
  cases = new CaseRepository(table);
});

/** A fresh election per test, so that tests never share a roll. */
async function freshElection(): Promise<Election> {
  unitNumber += 1;
  const election = anElection({
    unit: { kato: `195230${unitNumber}`, kind: 'village', nameKk: 'Ауыл', nameRu: 'Аул' },
  });
  await new ElectionRepository(table).create(election);
  return election;
}

function draft(election: Election, filing: Filing, caseId: string): NominationCase {
  return openCase(filing, { caseId, electionId: election.electionId }, { at: now, actor: party });
}

function file(election: Election, filing: Filing, caseId: string, at = now) {
  return cases.file(draft(election, filing, caseId), filing.candidate.iin, at);
}

describe('case storage: one case per candidate per election', () => {
  it('stores a filed case with its first timeline entry', async () => {
    const election = await freshElection();
    const stored = await file(election, aPartyFiling(), 'case-1');
    expect(await cases.get(election.electionId, 'case-1')).toEqual(stored);
    const { events, missing } = await cases.withTrail(election.electionId, 'case-1');
    expect(missing).toBeNull();
    expect(events).toEqual([
      expect.objectContaining({
        seq: 1,
        version: 1,
        at: now,
        actor: party,
        event: 'NominationFiled',
        from: null,
        to: 'AwaitingPartyConfirmation',
        prev: null,
      }),
    ]);
  });

  it('turns 50 parallel filings of the same candidate into one case and 49 clear conflicts', async () => {
    const election = await freshElection();
    const filing = aSelfFiling(7);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => file(election, filing, `race-${i}`)),
    );

    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const stored = (await cases.listByElection(election.electionId)).cases;
    expect(stored).toHaveLength(1);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(CandidateAlreadyNominatedError);
      expect(r.reason.details).toEqual({ caseId: stored[0]?.caseId });
    }
  });

  it('refuses the same person by another route', async () => {
    const election = await freshElection();
    await file(election, aSelfFiling(3), 'self-3');
    await expect(file(election, aPartyFiling('amanat', 3), 'party-3')).rejects.toThrowError(
      expect.objectContaining({ name: 'CandidateAlreadyNominatedError', details: { caseId: 'self-3' } }),
    );
  });

  it('resumes a filing that crashed between claiming the candidate and writing the case', async () => {
    const election = await freshElection();
    const filing = aSelfFiling(9);
    await new NominationRoll(table).claim(election.electionId, filing.candidate.iin, null, {
      caseId: 'crashed',
      at: now,
    });

    const stored = await file(election, filing, 'retry');
    expect(stored.caseId).toBe('crashed');
    expect((await cases.listByElection(election.electionId)).cases.map((c) => c.caseId)).toEqual(['crashed']);
  });
});

describe('case storage: one live nominee per party per election', () => {
  it('lets only one of 20 parallel nominees of the same party through', async () => {
    const election = await freshElection();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => file(election, aPartyFiling('ak-zhol', 20 + i), `ak-zhol-${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect(r.reason).toBeInstanceOf(PartyNomineeExistsError);
    // The losers' candidates were not nominated: each may still be filed by another route.
    await expect(file(election, aSelfFiling(21), 'second-try')).resolves.toMatchObject({
      caseId: 'second-try',
    });
  });

  it('frees the party’s slot once its nominee leaves the race', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('amanat', 40), 'first');
    await expect(file(election, aPartyFiling('amanat', 41), 'second')).rejects.toBeInstanceOf(
      PartyNomineeExistsError,
    );

    const declined = await cases.update(election.electionId, 'first', (c) =>
      decideStep(
        c,
        'party-confirmation',
        { outcome: 'declined', details: {} },
        { type: 'PartyDeclined' },
        { at: now, actor: party },
      ),
    );
    await cases.releaseSlot(declined);
    await expect(file(election, aPartyFiling('amanat', 41), 'second')).resolves.toMatchObject({
      slot: 'party:amanat',
    });
  });

  it('treats a slot whose holder left the race as free even if it was never released', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('auyl', 50), 'old');
    await cases.update(election.electionId, 'old', (c) =>
      decideStep(
        c,
        'withdrawal',
        { outcome: 'withdrawn', details: {} },
        { type: 'Withdrawn' },
        { at: now, actor: party },
      ),
    );
    await expect(file(election, aPartyFiling('auyl', 51), 'new')).resolves.toMatchObject({ caseId: 'new' });
  });

  it('frees a slot claimed by a crashed filing only once the claim is older than any request can run', async () => {
    const election = await freshElection();
    const roll = new NominationRoll(table);
    await roll.claim(election.electionId, 'ghost-iin', 'party:respublica', { caseId: 'ghost', at: now });

    const fiveMinutesLater = new Date(Date.parse(now) + 5 * 60_000).toISOString();
    await expect(
      file(election, aPartyFiling('respublica', 60), 'early', fiveMinutesLater),
    ).rejects.toBeInstanceOf(PartyNomineeExistsError);
    const anHourLater = new Date(Date.parse(now) + 60 * 60_000).toISOString();
    await expect(file(election, aPartyFiling('respublica', 60), 'late', anHourLater)).resolves.toMatchObject({
      caseId: 'late',
    });
  });
});

describe('case storage: decisions and optimistic locking', () => {
  const confirm = (outcome: string): ((c: NominationCase) => NominationCase) => {
    const event: CaseEvent = outcome === 'confirmed' ? { type: 'PartyConfirmed' } : { type: 'PartyDeclined' };
    return (c) =>
      decideStep(c, 'party-confirmation', { outcome, details: {} }, event, { at: now, actor: party });
  };

  it('takes one of 50 parallel decisions on a step and refuses the other 49', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('nur', 70), 'decide-me');
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        cases.update(election.electionId, 'decide-me', confirm(i % 2 === 0 ? 'confirmed' : 'declined')),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.reason).toBeInstanceOf(StepAlreadyDecidedError);

    const stored = await cases.get(election.electionId, 'decide-me');
    expect(stored.version).toBe(2);
    expect((await cases.withTrail(election.electionId, 'decide-me')).events).toHaveLength(2);
    expect(stored.status).toBe(
      stored.decisions['party-confirmation']?.outcome === 'confirmed'
        ? 'CheckingEligibility'
        : 'PartyDeclined',
    );
  });

  it('tells the loser of a decided step the case’s current status', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('nur', 71), 'decided');
    await cases.update(election.electionId, 'decided', confirm('confirmed'));
    await expect(cases.update(election.electionId, 'decided', confirm('declined'))).rejects.toThrowError(
      expect.objectContaining({ details: { step: 'party-confirmation', status: 'CheckingEligibility' } }),
    );
  });

  it('loses no change when many writers update a case at once', async () => {
    const election = await freshElection();
    await file(election, aSelfFiling(80), 'busy');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cases.update(election.electionId, 'busy', (c) => ({
          ...c,
          findings: { ...c.findings, [`check-${i}`]: true },
        })),
      ),
    );
    const stored = await cases.get(election.electionId, 'busy');
    expect(Object.keys(stored.findings)).toHaveLength(10);
    expect(stored.version).toBe(11);
  });

  it('judges a case handed in as seen again when another write came after it was read', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('nur', 72), 'seen-stale');
    const seen = await cases.get(election.electionId, 'seen-stale');
    await cases.update(election.electionId, 'seen-stale', confirm('confirmed'));
    await expect(
      cases.update(election.electionId, 'seen-stale', confirm('declined'), seen),
    ).rejects.toBeInstanceOf(StepAlreadyDecidedError);
    const stored = await cases.withTrail(election.electionId, 'seen-stale');
    expect(stored.nominationCase.status).toBe('CheckingEligibility');
    expect(stored.events.map((e) => e.event)).toEqual(['NominationFiled', 'PartyConfirmed']);
  });

  it('chains the trail from a case handed in as seen, read or written', async () => {
    const election = await freshElection();
    await file(election, aSelfFiling(73), 'seen-chain');
    const read = await cases.get(election.electionId, 'seen-chain');
    const noted = await cases.update(
      election.electionId,
      'seen-chain',
      (c) => ({ ...c, findings: { ...c.findings, noted: true } }),
      read,
    );
    const withdrawn = await cases.update(
      election.electionId,
      'seen-chain',
      (c) => applyCaseEvent(c, { type: 'Withdrawn' }, { at: now, actor: party }),
      noted,
    );
    const stored = await cases.withTrail(election.electionId, 'seen-chain');
    expect(stored.nominationCase).toEqual(withdrawn);
    expect(stored.events.map((e) => e.event)).toEqual(['NominationFiled', 'Withdrawn']);
  });

  it('stores a wait’s token only on a case still waiting for that step, and moves the version on', async () => {
    const election = await freshElection();
    await file(election, aPartyFiling('nur', 74), 'waits');
    const before = await cases.get(election.electionId, 'waits');
    const waitingFor = { step: 'party-confirmation' as const, taskToken: 'token-1', since: now };
    const stored = await cases.storeWait(
      election.electionId,
      'waits',
      'AwaitingPartyConfirmation',
      waitingFor,
    );
    expect(stored).toEqual({ ...before, waitingFor, version: before.version + 1 });
    expect(await cases.get(election.electionId, 'waits')).toEqual(stored);
    // A decision that read the case before the token was stored loses its write, reads again and sees the token.
    let judged: NominationCase | undefined;
    await cases.update(
      election.electionId,
      'waits',
      (c) => {
        judged = c;
        return confirm('confirmed')(c);
      },
      before,
    );
    expect(judged?.waitingFor).toEqual(waitingFor);

    const late = { ...waitingFor, taskToken: 'token-2' };
    expect(await cases.storeWait(election.electionId, 'waits', 'AwaitingPartyConfirmation', late)).toBeNull();
    expect((await cases.get(election.electionId, 'waits')).waitingFor).toEqual(waitingFor);
    expect(await cases.storeWait(election.electionId, 'no-such-case', 'AwaitingSignatures', late)).toBeNull();
  });

  it('writes nothing when the event cannot happen in the case’s status', async () => {
    const election = await freshElection();
    const filed = await file(election, aSelfFiling(90), 'self-90');
    await expect(cases.update(election.electionId, 'self-90', confirm('confirmed'))).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
    expect(await cases.get(election.electionId, 'self-90')).toEqual(filed);
  });

  it('lists the cases that read, and names a damaged one instead of failing the whole election', async () => {
    const election = await freshElection();
    await file(election, aSelfFiling(110), 'sound');
    await file(election, aSelfFiling(111), 'damaged');
    await table.db.send(
      new UpdateCommand({
        TableName: table.name,
        Key: keys.case(election.electionId, 'damaged'),
        UpdateExpression: 'SET #status = :bad',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':bad': 'NoSuchStatus' },
      }),
    );
    const listed = await cases.listByElection(election.electionId);
    expect(listed.cases.map((c) => c.caseId)).toEqual(['sound']);
    expect(listed.unreadable).toEqual([{ caseId: 'damaged', fields: ['status'] }]);
  });

  it('writes no case that its own reads would refuse', async () => {
    const election = await freshElection();
    const filed = await file(election, aSelfFiling(112), 'bounded');
    await expect(
      cases.update(election.electionId, filed.caseId, (current) => ({
        ...current,
        filing: { ...current.filing, candidate: { ...current.filing.candidate, fullName: 'x'.repeat(5000) } },
      })),
    ).rejects.toThrow();
    expect(await cases.get(election.electionId, filed.caseId)).toEqual(filed);
  });
});
