import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

const RUN = new URL('../../bench/run.ts', import.meta.url).pathname;
const results = mkdtempSync(join(tmpdir(), 'akim-bench-results-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

const Loop = z.object({
  calls: z.number(),
  errors: z.number(),
  perSecond: z.number(),
  latencyMs: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }),
});
const Operation = z.object({
  storageMix: z.record(z.string(), z.number()),
  api: Loop,
  floor: Loop,
  shareOfFloorPercent: z.number(),
});
const ResultSchema = z.object({
  machine: z.object({ cpu: z.string(), cores: z.number(), memoryGiB: z.number(), node: z.string() }),
  table: z.array(
    z.object({ what: z.string(), figure: z.string(), target: z.string(), met: z.boolean().nullable() }),
  ),
  load: z.object({
    clients: z.number(),
    operations: z.object({ getCase: Operation, listCandidates: Operation, fileNomination: Operation }),
  }),
});

function bench(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [RUN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

// One short real run: an engine, 32 clients in their own process for 2 s per operation, and the floors.
describe('npm run bench -- --load --seconds 2', () => {
  it('drives each operation with 32 clients and sets it beside raw storage requests of the same kinds', async () => {
    const { code, output } = await bench(['--load', '--seconds', '2', '--results', results]);
    expect(code, output).toBe(0);

    const result = ResultSchema.parse(JSON.parse(readFileSync(join(results, 'load-2s.json'), 'utf8')));
    expect(result.machine).toMatchObject({ cores: cpus().length, node: process.version });
    expect(result.load.clients).toBe(32);
    const { getCase, listCandidates, fileNomination } = result.load.operations;
    for (const operation of [getCase, listCandidates, fileNomination]) {
      expect(operation.api.calls).toBeGreaterThan(0);
      expect(operation.api.errors).toBe(0);
      expect(operation.floor.calls).toBeGreaterThan(0);
      expect(operation.floor.calls).toBeLessThanOrEqual(operation.api.calls);
      const { p50, p95, p99 } = operation.api.latencyMs;
      expect(p50).toBeLessThanOrEqual(p95);
      expect(p95).toBeLessThanOrEqual(p99);
    }
    // The engine's own counts: reading a case reads items; filing writes some.
    expect(getCase.storageMix.GetItem ?? 0).toBeGreaterThan(0);
    const writes = ['PutItem', 'UpdateItem', 'TransactWriteItems', 'BatchWriteItem'];
    expect(writes.some((kind) => (fileNomination.storageMix[kind] ?? 0) > 0)).toBe(true);

    // The closing table: each figure with its target from issue 14.
    expect(result.table.map((row) => row.what)).toEqual([
      'getCase: p95 under load',
      'getCase: throughput under load / floor',
      'listCandidates: p95 under load',
      'listCandidates: throughput under load / floor',
      'fileNomination: throughput under load / floor',
      'fileNomination: latency under load (no target)',
    ]);
    expect(result.table[0]?.target).toBe('≤ 50 ms');
    expect(output).toMatch(/^what\s+figure\s+target\s+floor \(same run\)\s+met\?$/m);
    expect(output).toMatch(/getCase: \d+ storage requests a call \(.*GetItem.*\); 32 clients for 2 s/);
  }, 90_000);

  it('refuses a run length that is not a number of seconds, or a flag it does not know, before starting anything', async () => {
    const { code, output } = await bench(['--load', '--seconds', 'soon', '--results', results]);
    expect(code).toBe(2);
    expect(output).toContain('--seconds soon: give a number of seconds from 1 to 600');
    const unknown = await bench(['--lod']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("Unknown option '--lod'");
    expect(unknown.output).toContain(
      'flags: --quick, --registers, --load [--seconds N], --cost, --bundles, --results <folder>',
    );
  });
});
