import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { floorHandlerSource, sdkPackagesOf } from '../../bench/bundles.ts';
import { generateCycle, signatureLineCount, signatureSheets, votersOf } from '../../bench/cycle-generator.ts';
import { closedLoop } from '../../bench/load/closed-loop.ts';
import { mixPerCall, mixText, requestsIn } from '../../bench/load/storage-mix.ts';
import {
  BATCH_WRITE_ITEMS,
  floorItemCount,
  floorRequestCount,
  ratioToFloor,
  writeFloor,
} from '../../bench/storage-floor.ts';
import { createDocumentClient } from '../../shared/storage/document-client.ts';
import { createTestTable } from '../support/test-table.ts';

describe('the national cycle’s storage floor', () => {
  it('is one item per election, case and signature line, 25 to a BatchWriteItem request', () => {
    const items = { elections: 2_345, cases: 8_395, signatureLines: 100_000 };
    expect(BATCH_WRITE_ITEMS).toBe(25);
    expect(floorItemCount(items)).toBe(110_740);
    expect(floorRequestCount(items)).toBe(4_430);
    expect(floorRequestCount({ elections: 25, cases: 0, signatureLines: 0 })).toBe(1);
    expect(floorRequestCount({ elections: 26, cases: 0, signatureLines: 0 })).toBe(2);
  });

  it('writes every item of the cycle to the storage, in full batches but the last', async () => {
    const table = await createTestTable();
    const written = await writeFloor(table, { elections: 3, cases: 30, signatureLines: 40 }, 8);
    const { Items } = await table.db.send(new ScanCommand({ TableName: table.name }));
    expect(written).toMatchObject({ items: 73, requests: 3 });
    expect(Items).toHaveLength(73);
    const kinds = (Items ?? []).map((item) => String(item.sk).split('#')[0]);
    expect(kinds.filter((k) => k === 'ELECTION')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'CASE')).toHaveLength(30);
    expect(kinds.filter((k) => k === 'LINE')).toHaveLength(40);
  });

  it('sends again the items DynamoDB leaves unprocessed, and counts those requests', async () => {
    // DynamoDB's contract: a BatchWriteItem under load may answer with some items unprocessed, to be sent again.
    const db = createDocumentClient({ endpoint: 'http://127.0.0.1:9' });
    const dynamo = mockClient(DynamoDBDocumentClient);
    const sent: number[] = [];
    dynamo
      .on(BatchWriteCommand)
      .callsFake((input: { RequestItems: Record<string, { PutRequest: unknown }[]> }) => {
        const put = input.RequestItems.floor ?? [];
        sent.push(put.length);
        return sent.length === 1 ? { UnprocessedItems: { floor: put.slice(0, 5) } } : {};
      });
    try {
      const written = await writeFloor(
        { db, name: 'floor' },
        { elections: 25, cases: 0, signatureLines: 0 },
        1,
      );
      expect(written).toMatchObject({ items: 25, requests: 2 });
      expect(sent).toEqual([25, 5]);
    } finally {
      dynamo.restore();
    }
  });

  it('does not move with the requests the cycle makes: the ratio is the cycle’s time over the floor’s', () => {
    expect(ratioToFloor(476, 95.2)).toBe(5);
    expect(ratioToFloor(120, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts the signature lines each self-nominee sends, without making the voters', () => {
    const plans = generateCycle(30);
    const stranger = { iin: '900101300001', fullName: 'S', birthDate: '1990-01-01', address: 'a' };
    let checked = 0;
    for (const plan of plans) {
      const voters = votersOf(plan);
      for (const nomination of plan.nominations) {
        if (nomination.route !== 'self') continue;
        expect(signatureLineCount(plan, nomination)).toBe(
          signatureSheets(plan, nomination, voters, stranger).length,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('the load floor’s storage requests', () => {
  it('are what one call asked of storage, by kind, averaged over the samples', () => {
    const before = { GetItem: 10, Query: 4, DescribeTable: 1 };
    const after = { GetItem: 16, Query: 7, PutItem: 9, DescribeTable: 1 };
    const mix = mixPerCall(before, after, 3);
    expect(mix).toEqual({ GetItem: 2, Query: 1, PutItem: 3 });
    expect(requestsIn(mix)).toBe(6);
    expect(mixText(mix)).toBe('2 GetItem + 3 PutItem + 1 Query');
    expect(mixText({})).toBe('none');
  });
});

describe('a closed loop of clients', () => {
  it('keeps each client to one call at a time, stops at the call limit, and counts failures and throws', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await closedLoop(
      4,
      10,
      async (n) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
        if (n % 10 === 3) throw new Error('lost');
        return { ok: n % 10 !== 7, detail: `call ${n}` };
      },
      40,
    );
    expect(most).toBe(4);
    expect(result.calls).toBe(40);
    expect(result.errors).toBe(8);
    expect(result.sampleErrors).toEqual(['Error: lost', 'call 7', 'Error: lost']);
    expect(result.latencyMs.count).toBe(40);
    expect(result.perSecond).toBeGreaterThan(0);
  });

  it('stops when its time is up', async () => {
    const started = performance.now();
    const result = await closedLoop(2, 0.1, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ok: true };
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.calls).toBeGreaterThan(2);
    expect(result.errors).toBe(0);
  });
});

describe('the floor handler of a Lambda bundle', () => {
  it('is made of the SDK packages the bundle holds', () => {
    const inputs = [
      'functions/get-case.ts',
      'node_modules/@aws-sdk/client-dynamodb/dist-es/DynamoDBClient.js',
      'node_modules/@aws-sdk/lib-dynamodb/dist-es/index.js',
      'node_modules/@aws-sdk/client-sfn/dist-es/SFNClient.js',
      'node_modules/@aws-sdk/core/dist-es/index.js',
      'node_modules/@smithy/core/dist-es/index.js',
    ];
    expect(sdkPackagesOf(inputs)).toEqual(['client-dynamodb', 'client-sfn', 'lib-dynamodb']);
  });

  it('creates one client of each package and nothing else', async () => {
    const source = await floorHandlerSource(['client-dynamodb', 'client-sfn', 'lib-dynamodb']);
    expect(source).toContain("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
    expect(source).toContain("import { SFNClient } from '@aws-sdk/client-sfn';");
    expect(source).toContain(
      'const clients = [new DynamoDBClient({}), new SFNClient({}), DynamoDBDocumentClient.from(new DynamoDBClient({}))];',
    );
    expect(await floorHandlerSource([])).toContain('const clients = [];');
  });
});
