// Issue 13 attacked: the akimat's window for an additional candidate, as the desk shows it and as a proposal meets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as getElection from '../../functions/get-election.ts';
import * as listCases from '../../functions/list-cases.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import { anAkimatFiling } from '../support/candidates.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, commission, fixtureCalendar, startTestEngine, type TestEngine } from '../support/engine.ts';
import { electionId } from '../support/hostile.ts';

/** The window of this election ends on 21 February at 18:00 (D−22), a day before registration closes. */
const WINDOW_ENDS = '2026-02-21T13:00:00.000Z';
/** The akimat of the neighbouring district 1953. */
const foreignAkimat: Caller = { role: 'akimat', subject: 'akimat-1953', district: '1953' };

let t: TestEngine;
const windowOf = async () =>
  (await getElection.createHandler(t.deps)({ caller: { role: 'public' }, params: { electionId }, body: {} }))
    .additionalCandidateWindow;
/** What was filed: the election's count of proposals and its cases, as the district's commission lists them. */
const filed = async () => ({
  proposals: (await t.deps.elections.get(electionId)).additionalProposals,
  cases: (await listCases.createHandler(t.deps)({ caller: commission, params: { electionId }, body: {} }))
    .cases.length,
});
const propose = (caller: Caller, serial: number) =>
  t.operations
    .fileNomination(caller, { electionId }, anAkimatFiling(serial))
    .catch((error: unknown) => error);

beforeAll(async () => {
  t = await startTestEngine();
  await t.operations.createElection(
    commission,
    {},
    newElectionInput({}, { additionalCandidateClosesDaysBefore: 21 }),
  );
});
afterAll(() => t.engine.stop());

describe('the akimat’s window and its proposal', () => {
  it('refuses a proposal before the window opens, says when it can open, and files nothing', async () => {
    expect(await windowOf()).toMatchObject({ state: 'not-yet-open', opensAt: fixtureCalendar.extendedClose });
    expect(await propose(akimat, 1)).toMatchObject({
      name: 'AdditionalCandidateNotAllowedError',
      code: 'ADDITIONAL_CANDIDATE_NOT_ALLOWED',
    });
    expect(await filed()).toEqual({ proposals: 0, cases: 0 });
  });

  it('keeps another district’s akimat out: no proposal, no cases, nothing filed, even with this district named', async () => {
    await t.advanceTo(fixtureCalendar.extendedClose);
    expect((await windowOf()).state).toBe('open');
    expect(await propose(foreignAkimat, 2)).toMatchObject({ name: 'ForbiddenError' });
    const posing = {
      ...anAkimatFiling(2),
      akimat: { district: '1953', proposalNumber: 'П-2', proposedOn: '2026-02-20' },
    };
    expect(
      await t.operations.fileNomination(akimat, { electionId }, posing).catch((error: unknown) => error),
    ).toMatchObject({
      name: 'ValidationError',
      issues: [expect.objectContaining({ field: 'akimat.district' })],
    });
    await expect(
      listCases.createHandler(t.deps)({ caller: foreignAkimat, params: { electionId }, body: {} }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    expect(await filed()).toEqual({ proposals: 0, cases: 0 });
  });

  it('refuses a proposal once the window has ended, though registration is still open, and files nothing', async () => {
    await t.advanceTo(WINDOW_ENDS);
    expect((await t.deps.elections.get(electionId)).phase).toBe('AdditionalCandidateWindow');
    expect(await windowOf()).toMatchObject({ state: 'closed', closesAt: WINDOW_ENDS });
    expect(await propose(akimat, 3)).toMatchObject({
      name: 'AdditionalCandidateWindowClosedError',
      details: { closedAt: WINDOW_ENDS, timeZone: 'Asia/Almaty' },
    });
    expect(await filed()).toEqual({ proposals: 0, cases: 0 });
  });
});
