import { describe, expect, it } from 'vitest';
import { latencySummary, percentile } from '../../bench/percentile.ts';
import { progressLine } from '../../bench/progress.ts';
import { bundleRows, costRow, cycleRows, loadRows } from '../../bench/report-rows.ts';
import { renderTable, reportRow, targetText } from '../../bench/report-table.ts';
import { meets, targets } from '../../bench/targets.ts';

describe('the benchmark’s progress line', () => {
  it('says the phase, done of total, the rate and the time left at that rate', () => {
    const line = progressLine({
      phase: 'import voter registers',
      done: 1_200_000,
      total: 3_800_000,
      unit: 'voters',
      seconds: 10,
    });
    expect(line).toBe(
      'import voter registers: 1,200,000 / 3,800,000 voters (31%), 120,000 voters/s, ~22 s left',
    );
  });

  it('says done at the end, and makes no guess before anything is done', () => {
    expect(progressLine({ phase: 'p', done: 5, total: 5, unit: 'elections', seconds: 2 })).toMatch(
      /\(100%\), 2\.5 elections\/s, done$/,
    );
    expect(progressLine({ phase: 'p', done: 0, total: 5, unit: 'elections', seconds: 0 })).toMatch(
      /rate not known yet$/,
    );
  });
});

describe('percentiles', () => {
  it('are the nearest rank: p95 of 1..100 ms is 95, p50 is 50, p99 is 99', () => {
    const ms = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latencySummary(ms)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
  });

  it('of a single latency is that latency, of none 0', () => {
    expect(percentile([42.26], 0.99)).toBe(42.3);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('of 20 latencies: p95 is the 19th, not the slowest', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.95)).toBe(19);
    expect(percentile(sorted, 0.99)).toBe(20);
  });
});

describe('the targets of issue 14', () => {
  it('hold the issue’s figures, each traced to its row', () => {
    expect(targets.cycleWallTime).toMatchObject({ limit: 120, unit: 's', sense: 'at-most' });
    expect(targets.cycleOverFloor).toMatchObject({ limit: 5, unit: '×', ofFloor: true });
    expect(targets.peakRss).toMatchObject({ limit: 1024, unit: 'MiB' });
    expect(targets.storageRequestsPerCase.limit).toBe(10);
    expect(targets.readP95).toMatchObject({ limit: 50, unit: 'ms' });
    expect(targets.readThroughput).toMatchObject({ limit: 60, sense: 'at-least', ofFloor: true });
    expect(targets.fileNominationThroughput).toMatchObject({ limit: 50, sense: 'at-least' });
    expect(targets.bundleOverFloor.limit).toBe(1.3);
    expect(targets.cycleCost).toMatchObject({ limit: 3, unit: '$' });
    for (const t of Object.values(targets)) expect(t.source).toMatch(/^issue 14, /);
  });

  it('are met at the limit and missed just past it, in the direction of each', () => {
    expect(meets(targets.cycleWallTime, 120)).toBe(true);
    expect(meets(targets.cycleWallTime, 120.1)).toBe(false);
    expect(meets(targets.readThroughput, 60)).toBe(true);
    expect(meets(targets.readThroughput, 59.9)).toBe(false);
    expect(meets(targets.readP95, null)).toBeNull();
    expect(meets(targets.cycleOverFloor, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('read as a person checks them', () => {
    expect(targetText(targets.cycleWallTime)).toBe('≤ 120 s');
    expect(targetText(targets.cycleOverFloor)).toBe('≤ 5× of floor');
    expect(targetText(targets.readThroughput)).toBe('≥ 60% of floor');
    expect(targetText(targets.cycleCost)).toBe('≤ $3');
  });
});

describe('the closing table', () => {
  it('puts each figure beside its target and floor, aligned, with whether it is met', () => {
    const table = renderTable([
      reportRow(targets.cycleWallTime, 476, '476 s', '95 s'),
      reportRow(targets.cycleOverFloor, 5, '5×', '95 s'),
      reportRow(targets.peakRss, null, ''),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^what\s+figure\s+target\s+floor \(same run\)\s+met\?$/);
    expect(lines[2]).toMatch(/^national cycle, wall time\s+476 s {2}≤ 120 s\s+95 s\s+NO$/);
    expect(lines[3]).toMatch(/5× {2}≤ 5× of floor\s+95 s\s+yes$/);
    expect(lines[4]).toMatch(/not run {2}≤ 1024 MiB\s+–$/);
    // Every line as long as the header's columns: the figures line up under each other.
    const figureEnds = lines.slice(2).map((l) => l.indexOf('  ≤'));
    expect(new Set(figureEnds).size).toBe(1);
  });

  it('judges a whole cycle against the issue’s targets, and a tenth of it only against its own floor', () => {
    const cycle = {
      wallSeconds: 476,
      peakRssMiB: { engine: 562, storage: 395 },
      storageRequestsPerCase: 22,
      storageFloor: { items: 110_740, requests: 4_430, seconds: 95.2, ratio: 5 },
    };
    const whole = cycleRows(cycle);
    expect(whole.map((r) => [r.figure, r.met])).toEqual([
      ['476 s', false],
      ['5×', true],
      ['957 MiB (engine 562, storage 395)', true],
      ['22', false],
    ]);
    expect(whole[0]?.floor).toBe('95.2 s: 110,740 items in 4,430 BatchWriteItem');
    const tenth = cycleRows({ ...cycle, wallSeconds: 40 }, 'a tenth');
    expect(tenth[0]).toMatchObject({ figure: '40 s, a tenth of the country', met: null });
    expect(tenth[1]?.met).toBe(true);
    expect(cycleRows(null)[0]).toMatchObject({ figure: 'not run', met: null, floor: 'not run' });
  });

  it('sets each Lambda against the floor with its own SDK clients, and shows the worst', () => {
    const floor = { bytes: 340 * 1024, coldLoadMs: 100 };
    const rows = bundleRows({
      handlers: [
        {
          entry: 'functions/api/get-case.ts',
          bytes: 400 * 1024,
          bytesOverFloor: 1.18,
          coldLoadMs: 120,
          coldLoadOverFloor: 1.2,
          floor,
        },
        {
          entry: 'functions/load-case.ts',
          bytes: 500 * 1024,
          bytesOverFloor: 1.47,
          coldLoadMs: 110,
          coldLoadOverFloor: 1.1,
          floor,
        },
      ],
    });
    expect(rows[0]).toMatchObject({ figure: '1.47× (load-case, 500 KiB)', floor: '340 KiB', met: false });
    expect(rows[1]).toMatchObject({ figure: '1.2× (api/get-case, 120 ms)', floor: '100 ms', met: true });
  });

  it('judges the cost with the logs counted, and names the dearest kinds beside it', () => {
    const bill = (usd: number) => ({
      usd,
      partsUsd: { cases: usd * 0.75, reconciler: usd * 0.25 },
      byKind: { DynamoDB: usd / 2, 'Step Functions': usd / 3, 'CloudWatch Logs': usd / 6 },
      dearest: ['DynamoDB', 'Step Functions', 'CloudWatch Logs'],
    });
    expect(costRow(bill(2.4))).toMatchObject({
      met: true,
      figure:
        '$2.40, logs counted: cases $1.80, reconciler $0.60; dearest DynamoDB $1.20, Step Functions $0.80, CloudWatch Logs $0.40',
    });
    expect(costRow(bill(3.4)).met).toBe(false);
    expect(costRow(null).met).toBeNull();
  });

  it('counts a load run with errors as missing its throughput target, however fast', () => {
    const loop = (perSecond: number, errors: number) => ({
      calls: 100,
      errors,
      seconds: 1,
      perSecond,
      latencyMs: { count: 100, p50: 10, p95: 20, p99: 30 },
      sampleErrors: [],
    });
    const operation = (errors: number) => ({
      storageMix: { GetItem: 2 },
      api: loop(90, errors),
      floor: loop(100, 0),
      shareOfFloorPercent: 90,
    });
    const rows = loadRows({
      clients: 32,
      secondsPerOperation: 1,
      operations: { getCase: operation(0), listCandidates: operation(3), fileNomination: operation(0) },
    });
    const met = Object.fromEntries(rows.map((r) => [r.what, r.met]));
    expect(met['getCase: throughput under load / floor']).toBe(true);
    expect(met['getCase: p95 under load']).toBe(true);
    expect(met['listCandidates: throughput under load / floor']).toBe(false);
    expect(rows.find((r) => r.what.startsWith('listCandidates: throughput'))?.figure).toBe(
      '90/s = 90%, 3 errors',
    );
    expect(rows.find((r) => r.what.startsWith('getCase: throughput'))?.floor).toBe('100/s of 2 GetItem');
  });
});
