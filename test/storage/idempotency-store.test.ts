// Issue 10, item 2: each operation's idempotency records in a partition of its own, which only its function is
// granted; and one store per operation, so that operations running side by side in one process keep their keys.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { idempotencyStore, idempotentOperation } from '../../functions/support/idempotency.ts';
import { createDynamoClient } from '../../shared/storage/document-client.ts';
import { familyOf, keys } from '../../shared/storage/keys.ts';
import { commission } from '../support/engine.ts';
import { createTestTable } from '../support/test-table.ts';

const RecordSchema = z.object({ pk: z.string(), sk: z.string(), status: z.string() });

describe('idempotency records', () => {
  it('live under IDEMPOTENCY#<operationId>, each under its own operation even when operations interleave', async () => {
    const table = await createTestTable();
    const store = idempotencyStore(createDynamoClient({ endpoint: inject('dynamoEndpoint') }), table.name);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let filings = 0;
    const slow = idempotentOperation(
      'fileNomination',
      async () => {
        filings += 1;
        await gate;
        return { caseId: 'case-1' };
      },
      store,
    );
    const quick = idempotentOperation('submitSignatures', async () => ({ validCount: 3 }), store);
    const request = { caller: commission, params: { electionId: 'e-1' }, body: {} };

    // The slow operation starts, the quick one runs whole meanwhile, then the slow one ends.
    const first = slow(request, 'key-1');
    while (filings === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await quick(request, 'key-2')).toEqual({ validCount: 3 });
    release();
    expect(await first).toEqual({ caseId: 'case-1' });

    const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.name }));
    const records = Items.map((item) => RecordSchema.parse(item));
    expect(records.map((r) => r.pk).sort()).toEqual([
      keys.idempotencyPartition('fileNomination'),
      keys.idempotencyPartition('submitSignatures'),
    ]);
    for (const record of records) {
      expect(familyOf(record.pk)).toBe('idempotency');
      expect(record.pk).toBe(keys.idempotencyPartition(record.sk.slice(0, record.sk.indexOf('#'))));
      expect(record.status).toBe('COMPLETED');
    }
    // The slow operation's answer was kept under its own key: a repeat gets it without running again.
    expect(await slow(request, 'key-1')).toEqual({ caseId: 'case-1' });
    expect(filings).toBe(1);
  });
});
