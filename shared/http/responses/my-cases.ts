import * as z from 'zod';
import { LocalDateSchema } from '../../domain/local-date.ts';
import { CaseViewSchema } from './case.ts';

/** One of the caller's own cases in "my cases": where it stands, and in which election. */
export const MyCaseSchema = CaseViewSchema.pick({
  caseId: true,
  electionId: true,
  route: true,
  status: true,
  nominator: true,
  filedAt: true,
  waitingFor: true,
}).extend({
  candidate: z.strictObject({ fullName: z.string() }),
  election: z.strictObject({
    unitNameKk: z.string(),
    unitNameRu: z.string(),
    electionDay: LocalDateSchema,
    district: z.string(),
    timeZone: z.string().describe('The election’s local time zone, in which its deadlines are shown'),
  }),
});
export type MyCase = z.infer<typeof MyCaseSchema>;

/** listMyCases: a page of the caller's own cases, newest election first, and the cursor of the next page. */
export const MyCasesPageSchema = z.strictObject({
  cases: z.array(MyCaseSchema),
  next: z
    .string()
    .nullable()
    .describe(
      'Give it as `cursor` for the next page; null on the last. It only moves within the caller’s own cases',
    ),
});
