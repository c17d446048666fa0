// A route's handler is held to its response schema by the type check: a handler that answers what the OpenAPI
// document does not say is an error before anything runs. The `@ts-expect-error` lines below fail the type
// check the day that stops being true.
import { describe, expect, it } from 'vitest';
import { defineBulkRoute, defineRoute } from '../../functions/support/api-route.ts';
import { SignatureLineSchema } from '../../shared/domain/signatures.ts';
import { TimeResponseSchema } from '../../shared/http/responses/time.ts';
import { spreadsheetRows } from '../../shared/http/spreadsheet-rows.ts';

const aRoute = {
  operationId: 'drifted',
  tag: 'time',
  method: 'GET',
  path: '/drifted',
  public: true,
  successStatus: 200,
  summary: 'A route for the type check only.',
} as const;
const aJob = {
  job: {
    jobId: '0'.repeat(32),
    electionId: '195230100-2026-03-15',
    kind: 'signatures',
    state: 'queued',
    createdAt: '2026-02-05T04:00:00.000Z',
    updatedAt: '2026-02-05T04:00:00.000Z',
    progress: { rowsDone: 0, rowsTotal: null, rowsPerSecond: null, secondsLeft: null },
    errorsSoFar: 0,
    issues: [],
  },
  location: '/elections/195230100-2026-03-15/jobs/00000000000000000000000000000000',
} as const;

describe('defineRoute: a handler answers what its schema says, or the type check fails', () => {
  it('takes a handler whose answer is its schema’s, and refuses one of another type or missing a field', () => {
    const route = defineRoute({
      ...aRoute,
      responseSchema: TimeResponseSchema,
      createHandler: () => async () => ({ now: '2026-02-05T04:00:00.000Z', clock: 'real' as const }),
    });
    defineRoute({
      ...aRoute,
      responseSchema: TimeResponseSchema,
      // @ts-expect-error `now` is a number here; the schema says an instant.
      createHandler: () => async () => ({ now: 5, clock: 'real' as const }),
    });
    defineRoute({
      ...aRoute,
      responseSchema: TimeResponseSchema,
      // @ts-expect-error the schema's `now` is missing.
      createHandler: () => async () => ({}),
    });
    // What the type check holds the handler to is what the document describes, and what a client gets refused.
    expect(route.responseSchema.safeParse({ now: 5 }).success).toBe(false);
  });

  it('lets a job (202) be the answer of a bulk route only', () => {
    defineBulkRoute({
      ...aRoute,
      responseSchema: TimeResponseSchema,
      bulk: { read: spreadsheetRows, rowsField: 'lines', rowSchema: SignatureLineSchema },
      createHandler: () => async () => aJob,
    });
    defineRoute({
      ...aRoute,
      responseSchema: TimeResponseSchema,
      // @ts-expect-error a route that is not bulk answers no job.
      createHandler: () => async () => aJob,
    });
    expect(TimeResponseSchema.safeParse(aJob).success).toBe(false);
  });
});
