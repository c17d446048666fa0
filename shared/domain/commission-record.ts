import * as z from 'zod';

/**
 * What a commission's documents are signed with (CLE 113-5: the territorial commission decides; its decisions
 * carry a number and are signed by its chair and secretary): the commission's name in both state languages and
 * its signatories, given when the election is called. Officials' names, not personal data: they sign public acts.
 */
export const CommissionRecordSchema = z.strictObject({
  nameKk: z.string().trim().min(1).max(300),
  nameRu: z.string().trim().min(1).max(300),
  chair: z.string().trim().min(1).max(200),
  secretary: z.string().trim().min(1).max(200),
});
export type CommissionRecord = z.infer<typeof CommissionRecordSchema>;

/** A decision's number in the commission's register of decisions (e.g. «12/3»), printed on its document. */
export const DecisionNumberSchema = z.string().trim().min(1).max(40);
