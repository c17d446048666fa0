import * as z from 'zod';
import { MyCasesPageSchema } from '../../shared/http/responses/my-cases.ts';
import * as listMyCases from '../list-my-cases.ts';
import { defineRoute } from '../support/api-route.ts';

/** The route of the API operation listMyCases. */
export const route = defineRoute({
  operationId: 'listMyCases',
  tag: 'cases',
  responseSchema: MyCasesPageSchema,
  summary:
    'A party’s secretary: the party’s nominees; a candidate: their own candidacies; across the elections of the district that manages the account, newest election first, each as it now stands (withdrawn, refused and cancelled ones too).',
  method: 'GET',
  path: '/my-cases',
  public: false,
  successStatus: 200,
  query: {
    cursor: {
      description:
        'The `next` of the previous page: where this one starts, within the caller’s own cases only.',
      schema: z.string().max(256),
    },
    limit: {
      description: 'How many cases a page holds: 1 to 50, 20 unless given.',
      schema: z.coerce.number().int().min(1).max(50),
    },
  },
  createHandler: listMyCases.createHandler,
});
