import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokens } from '../../infra/local/local-tokens.ts';
import { csvOf, VOTER_COLUMNS, voterCells } from '../support/bulk-files.ts';
import { newElectionInput } from '../support/elections.ts';
import { commission, fixtureCalendar } from '../support/engine.ts';
import { apiClient, type EngineProcess, newDataDir, startEngineProcess } from '../support/engine-process.ts';
import { voterRows } from '../support/signers.ts';

const E = '195230100-2026-03-15';
const IMPORT = new URL('../../infra/import/import-files.ts', import.meta.url).pathname;

let engine: EngineProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = newDataDir();
  engine = await startEngineProcess(dataDir, { CLOCK_START: fixtureCalendar.nominationOpen });
  const api = apiClient(engine.url, dataDir);
  expect((await api(commission, 'POST', '/elections', newElectionInput())).status).toBe(201);
});
afterAll(() => engine.kill('SIGTERM'));

async function runImport(file: string, ...args: string[]) {
  const token = await LocalTokens.inDataDir(dataDir).issue({
    role: 'commission',
    subject: 'tec-clerk',
    district: '1952',
  });
  return spawnSync(
    process.execPath,
    [IMPORT, '--url', engine.url, '--election', E, '--register', file, '--lang', 'ru', ...args],
    { env: { ...process.env, IMPORT_TOKEN: token }, encoding: 'utf8', timeout: 120_000 },
  );
}

describe('npm run import', { timeout: 180_000 }, () => {
  it('sends a register file through an upload and a job, showing rows done, rate and time left, then the register', async () => {
    const file = join(dataDir, 'register.csv');
    writeFileSync(file, csvOf(VOTER_COLUMNS, voterCells(voterRows(30_000))));
    const run = await runImport(file, '--source', 'district export');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/succeeded: 30,000 \/ 30,000 rows/);
    expect(JSON.parse(run.stdout)).toMatchObject({
      voterRegister: { voters: 30_000, source: 'district export' },
    });
  });

  it('says which line of a refused file is at fault, in the language asked for, and exits 1', async () => {
    const voters: unknown[] = voterRows(3_000, 50_000);
    voters[1_000] = { ...(voters[1_000] as object), birthDate: '2015-02-02' };
    const file = join(dataDir, 'bad.csv');
    writeFileSync(file, csvOf(VOTER_COLUMNS, voterCells(voters as never)));
    const run = await runImport(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 1002: .*[а-я]/);
    expect(run.stderr).toMatch(/refused whole; nothing was kept/);
  });
});
