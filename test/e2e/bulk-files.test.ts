import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { localize } from '../../shared/domain/error-catalogue.ts';
import type { VoterRow } from '../../shared/domain/voter-register.ts';
import { ElectionRepository } from '../../shared/storage/election-repository.ts';
import { apiGatewayEvent, commissionClaims, lambdaAnswer } from '../support/api-gateway-events.ts';
import {
  csvOf,
  cyrillicVoters,
  SIGNATURE_COLUMNS,
  signatureCells,
  utf8WithBom,
  VOTER_COLUMNS,
  voterCells,
  windows1251,
  XLSX,
  xlsxOf,
} from '../support/bulk-files.ts';
import { aSelfFiling } from '../support/candidates.ts';
import { anElection, newElectionInput } from '../support/elections.ts';
import { candidateCaller, commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { makeIin } from '../support/iins.ts';
import { useLambdaEnvironment } from '../support/lambda-environment.ts';
import { linesFrom, voterRows } from '../support/signers.ts';
import { createTestTable } from '../support/test-table.ts';

const E = '195230100-2026-03-15';
const register = `/elections/${E}/voter-register`;
const csv = { 'content-type': 'text/csv' };
const xlsx = { 'content-type': XLSX };
const RegisterSchema = z.object({
  voterRegister: z.object({ voters: z.int(), snapshotId: z.string() }).nullable(),
});
const IssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  line: z.int().optional(),
});
const ErrorSchema = z.object({ error: z.object({ code: z.string(), issues: z.array(IssueSchema) }) });

let engine: EngineProcess;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
});
afterAll(() => engine.kill('SIGTERM'));

async function registerNow() {
  return RegisterSchema.parse((await api(commission, 'GET', `/elections/${E}`)).body).voterRegister;
}

async function imported(file: string | Uint8Array, headers: Record<string, string>) {
  const response = await api(commission, 'POST', register, file, headers);
  expect(response.status, JSON.stringify(response.body).slice(0, 400)).toBe(201);
  return RegisterSchema.parse(response.body).voterRegister;
}

/**
 * A thousand voters, the 401st under 18 on election day and the 701st a repeat of the 101st; the third's address
 * spans three lines, so from the fourth row on a row stands two lines further down than its place.
 */
function thousandWithTwoBadRows(): VoterRow[] {
  const voters = cyrillicVoters(voterRows(1_000, 5_000));
  const first = voters[100];
  if (first === undefined) throw new Error('too few voters');
  voters[400] = { ...first, iin: makeIin('2010-05-05', 'male', 7), birthDate: '2010-05-05' };
  voters[700] = { ...first, fullName: 'Петров Пётр' };
  return voters;
}

describe('voter registers as commissions have them', () => {
  it('imports a Windows-1251 list separated by ;, and the same list in UTF-8 with BOM or as XLSX is the same snapshot', async () => {
    const cells = voterCells(cyrillicVoters(voterRows(300)));
    const ansi = await imported(windows1251(csvOf(VOTER_COLUMNS, cells, ';')), csv);
    const utf8 = await imported(utf8WithBom(csvOf(VOTER_COLUMNS, cells, ',')), csv);
    const sheet = await imported(await xlsxOf([[...VOTER_COLUMNS], ...cells]), xlsx);
    expect(ansi?.voters).toBe(300);
    expect(utf8?.snapshotId).toBe(ansi?.snapshotId);
    expect(sheet?.snapshotId).toBe(ansi?.snapshotId);
  });

  it('refuses a list of a thousand whole for one under-age and one repeated row, naming their lines past a cell over three lines', async () => {
    const before = await registerNow();
    const file = windows1251(csvOf(VOTER_COLUMNS, voterCells(thousandWithTwoBadRows()), ';'));
    const response = await api(commission, 'POST', register, file, { ...csv, 'accept-language': 'ru' });
    expect(response.status).toBe(400);
    const { issues } = ErrorSchema.parse(response.body).error;
    expect(issues).toEqual([
      {
        field: 'voters.400.birthDate',
        code: 'VOTER_UNDER_18',
        message: localize('VOTER_UNDER_18').ru,
        line: 404,
      },
      {
        field: 'voters.700.iin',
        code: 'DUPLICATE_VOTER',
        message: localize('DUPLICATE_VOTER', { line: 704, firstLine: 104 }).ru,
        line: 704,
      },
    ]);
    expect(issues[1]?.message).toContain('строка 704 повторяет строку 104');
    expect(await registerNow()).toEqual(before);
  });

  it('imports an XLSX whose IIN cells are numbers that lost their leading zero', async () => {
    const young = Array.from({ length: 12 }, (_, i) => {
      const birthDate = `2005-0${1 + (i % 9)}-1${i % 10}`;
      return {
        iin: makeIin(birthDate, 'female', 1 + i),
        fullName: `Жас ${i}`,
        birthDate,
        address: 'Ақтоғай',
      };
    });
    const sheet = [
      [...VOTER_COLUMNS],
      ...young.map((v) => [Number(v.iin), v.fullName, v.birthDate, v.address]),
    ];
    const fromSheet = await imported(await xlsxOf(sheet), xlsx);
    const fromJson = await imported(JSON.stringify({ source: 'upload', voters: young }), {});
    expect(fromSheet?.voters).toBe(12);
    expect(fromSheet?.snapshotId).toBe(fromJson?.snapshotId);
  });

  it('still refuses JSON that is not UTF-8', async () => {
    const response = await api(
      commission,
      'POST',
      register,
      Buffer.from('{"source":"\xc0","voters":[]}', 'latin1'),
    );
    expect(response.status).toBe(400);
    expect(ErrorSchema.parse(response.body).error.issues).toMatchObject([
      { field: '(body)', code: 'INVALID_ENCODING' },
    ]);
  });

  it('answers a CSV that is neither UTF-8 nor sensible Windows-1251 with errors per row, never a fault', async () => {
    let seed = 7;
    const noise = (length: number) =>
      Buffer.from(
        Array.from({ length }, () => {
          seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
          return 0x80 + (seed % 0x80);
        }),
      );
    const rows = Array.from({ length: 5 }, () =>
      Buffer.concat([
        noise(12),
        Buffer.from(';'),
        noise(20),
        Buffer.from(';'),
        noise(10),
        Buffer.from(';'),
        noise(30),
        Buffer.from('\r\n'),
      ]),
    );
    const file = Buffer.concat([Buffer.from('iin;fullName;birthDate;address\r\n'), ...rows]);
    const response = await api(commission, 'POST', register, file, csv);
    expect(response.status).toBe(400);
    const { issues } = ErrorSchema.parse(response.body).error;
    expect(new Set(issues.map((i) => i.line))).toEqual(new Set([2, 3, 4, 5, 6]));

    const wholly = await api(commission, 'POST', register, noise(5_000), csv);
    expect(wholly.status).toBe(400);
    expect(ErrorSchema.parse(wholly.body).error.issues.length).toBeGreaterThan(0);
  });

  it('refuses a file that is no XLSX with a 400 that says so', async () => {
    const noise = Buffer.from(Array.from({ length: 2_000 }, (_, i) => (i * 7_919) % 251));
    const response = await api(commission, 'POST', register, noise, { ...xlsx, 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect(ErrorSchema.parse(response.body).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [
        {
          field: '(body)',
          code: 'INVALID_FORMAT',
          message: localize('INVALID_FORMAT', { format: 'XLSX' }).en,
        },
      ],
    });
  });
});

describe('signature sheets as commissions have them', () => {
  it('counts a Windows-1251 sheet separated by ;, after refusing one with a bad date by its line', async () => {
    const voters = voterRows(400);
    await imported(JSON.stringify({ source: 'list', voters }), {});
    const filing = aSelfFiling(2);
    const candidate = candidateCaller(filing.candidate.iin);
    const filed = await api(candidate, 'POST', `/elections/${E}/cases`, filing);
    const { caseId } = z.object({ caseId: z.string() }).parse(filed.body);
    const lines = linesFrom(cyrillicVoters(voters.slice(0, 9)));
    const submit = (sheet: typeof lines) =>
      api(
        candidate,
        'POST',
        `/elections/${E}/cases/${caseId}/signatures`,
        windows1251(csvOf(SIGNATURE_COLUMNS, signatureCells(sheet), ';')),
        csv,
      );

    const refused = await submit(lines.map((l, i) => (i === 5 ? { ...l, signedOn: '31.02.2026' } : l)));
    expect(refused.status).toBe(400);
    expect(ErrorSchema.parse(refused.body).error.issues).toMatchObject([
      { field: 'lines.5.signedOn', line: 9 },
    ]);

    const counted = await submit(lines);
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    expect(counted.body).toMatchObject({ validCount: 9, required: 4, sufficient: true });
  });
});

describe('through API Gateway and Lambda', () => {
  it('answers a base64 XLSX as the local server answers it', async () => {
    const table = await createTestTable();
    await useLambdaEnvironment(table);
    await new ElectionRepository(table).create(anElection());
    const headers = { ...xlsx, 'accept-language': 'en' };
    const refusedList = await xlsxOf([[...VOTER_COLUMNS], ...voterCells(thousandWithTwoBadRows())]);
    const noXlsx = Buffer.from('PK\x03\x04 not a spreadsheet', 'latin1');
    for (const file of [refusedList, noXlsx]) {
      const local = await api(commission, 'POST', register, file, headers);
      const lambda = await lambdaAnswer(
        apiGatewayEvent('POST', register, { claims: commissionClaims, body: file, headers }),
      );
      expect(local.status).toBe(400);
      expect({ status: lambda.status, body: lambda.body }).toEqual(local);
    }
  });
});
