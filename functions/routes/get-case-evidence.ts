import * as z from 'zod';
import { EvidencePageSchema } from '../../shared/domain/evidence-pack.ts';
import * as getCaseEvidence from '../get-case-evidence.ts';
import { defineRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation getCaseEvidence. */
export const route = defineRoute({
  operationId: 'getCaseEvidence',
  tag: 'cases',
  responseSchema: EvidencePageSchema,
  summary:
    'The evidence of a case, page by page: its record, every event of its hash-chained trail, every signature line with its verdict, and the head the pages are pinned to (check offline with npm run verify-evidence).',
  query: {
    cursor: {
      description: 'The `next` of the page before; none for the first page.',
      schema: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/)
        .max(2000),
    },
  },
  method: 'GET',
  path: `${aCase}/evidence`,
  public: false,
  successStatus: 200,
  createHandler: getCaseEvidence.createHandler,
});
