import * as z from 'zod';

/** A text a person reads, in each of the product's languages. */
export const LocalizedTextSchema = z.strictObject({ kk: z.string(), ru: z.string(), en: z.string() });
