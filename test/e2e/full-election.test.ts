import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import type { SignatureLine } from '../../shared/domain/signatures.ts';
import { anAkimatFiling, aPartyFiling, aSelfFiling } from '../support/candidates.ts';
import { agreedMeeting, checksPassed } from '../support/decisions.ts';
import { newElectionInput } from '../support/elections.ts';
import { akimat, candidateCaller, commission, fixtureCalendar, partyCaller } from '../support/engine.ts';
import {
  apiClient,
  type EngineProcess,
  newDataDir,
  startEngineProcess,
  waitForStatus,
} from '../support/engine-process.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { withoutIds } from '../support/without-ids.ts';

const CaseSchema = z.object({ caseId: z.string(), status: z.string() });

const unitA = { kato: '195230100', kind: 'rural-district' as const, nameKk: 'Ақтоғай', nameRu: 'Актогай' };
const unitB = { kato: '195240100', kind: 'village' as const, nameKk: 'Жалтыр', nameRu: 'Жалтыр' };
const A = '195230100-2026-03-15';
const B = '195240100-2026-03-15';
const voters = voterRows(900);

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
});
afterAll(() => engine.kill('SIGTERM'));

function csvOf(lines: readonly SignatureLine[]): string {
  const header = 'sheet,line,iin,fullName,birthDate,sex,address,signedOn,collector';
  const rows = lines.map((l) =>
    [l.sheet, l.line, l.iin, l.fullName, l.birthDate, '', `"${l.address}"`, l.signedOn, l.collector].join(
      ',',
    ),
  );
  return [header, ...rows].join('\n');
}

async function file(caller: Caller, electionId: string, filing: unknown) {
  const response = await api(caller, 'POST', `/elections/${electionId}/cases`, filing);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return CaseSchema.parse(response.body).caseId;
}

async function status(electionId: string, caseId: string) {
  return CaseSchema.parse((await api(commission, 'GET', `/elections/${electionId}/cases/${caseId}`)).body)
    .status;
}

describe('a whole election over HTTP: all three routes, deadlines on the manual clock', () => {
  it('registers a party nominee and a self-nominee in one unit, and the akim’s candidate in another', async () => {
    expect((await api(commission, 'POST', '/elections', { ...newElectionInput(), unit: unitA })).status).toBe(
      201,
    );
    expect((await api(commission, 'POST', '/elections', { ...newElectionInput(), unit: unitB })).status).toBe(
      201,
    );

    // The voter list as JSON lines, the signatures as CSV: the formats commissions export.
    const jsonLines = voters.map((v) => JSON.stringify(v)).join('\n');
    const imported = await api(
      commission,
      'POST',
      `/elections/${A}/voter-register?source=district-list-2026-02`,
      jsonLines,
      {
        'content-type': 'application/x-ndjson',
      },
    );
    expect(imported.body).toMatchObject({ voterRegister: { voters: 900, source: 'district-list-2026-02' } });

    const party = await file(partyCaller('amanat'), A, aPartyFiling('amanat', 1));
    const selfFiling = aSelfFiling(2);
    const self = await file(candidateCaller(selfFiling.candidate.iin), A, selfFiling);

    await api(partyCaller('amanat'), 'POST', `/elections/${A}/cases/${party}/party-confirmation`, {
      decision: 'confirm',
    });
    const verdict = await api(
      candidateCaller(selfFiling.candidate.iin),
      'POST',
      `/elections/${A}/cases/${self}/signatures`,
      csvOf(linesFrom(voters.slice(0, 9))),
      {
        'content-type': 'text/csv',
      },
    );
    expect(verdict.body).toMatchObject({ validCount: 9, required: 9, sufficient: true });

    for (const caseId of [party, self]) {
      await waitForStatus(api, commission, A, caseId, 'AwaitingRegistrationDecision');
      const decided = await api(commission, 'POST', `/elections/${A}/cases/${caseId}/registration-decision`, {
        decision: 'register',
        checks: checksPassed,
      });
      expect(decided.status).toBe(200);
    }

    // Unit B: nobody files; the calendar extends nomination, then opens the akimat's window.
    expect(
      (await api({ role: 'public' }, 'POST', '/admin/clock', { to: fixtureCalendar.extendedClose })).status,
    ).toBe(200);
    const electionB = await api({ role: 'public' }, 'GET', `/elections/${B}`);
    expect(electionB.body).toMatchObject({
      phase: 'AdditionalCandidateWindow',
      nominationExtended: true,
      nominationsAtClose: 0,
    });

    const additional = await file(akimat, B, {
      ...anAkimatFiling(3),
      akimat: { district: '1952', proposalNumber: 'P-7', proposedOn: '2026-02-20' },
    });
    expect(await status(B, additional)).toBe('AwaitingCommunityConsent');
    const consented = await api(
      akimat,
      'POST',
      `/elections/${B}/cases/${additional}/community-consent`,
      agreedMeeting,
    );
    expect(consented.status, JSON.stringify(consented.body)).toBe(200);
    await waitForStatus(api, commission, B, additional, 'AwaitingRegistrationDecision');
    const registered = await api(
      commission,
      'POST',
      `/elections/${B}/cases/${additional}/registration-decision`,
      {
        decision: 'register',
        checks: checksPassed,
      },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);

    await api({ role: 'public' }, 'POST', '/admin/clock', { to: fixtureCalendar.registrationClose });
    const listA = await api({ role: 'public' }, 'GET', `/elections/${A}/candidates`);
    const listB = await api({ role: 'public' }, 'GET', `/elections/${B}/candidates`);
    // Published, not final: cancellations and a court's registrations may still change it until D−1.
    expect(listA.body).toMatchObject({ final: false, candidates: [expect.anything(), expect.anything()] });
    expect(listB.body).toMatchObject({
      final: false,
      candidates: [{ caseId: additional, route: 'akimat', nominator: { akimatDistrict: '1952' } }],
    });
    expect(withoutIds(JSON.stringify([listA.body, listB.body]))).not.toMatch(/\d{12}|birthDate/);
  });
});
