import * as z from 'zod';

/** Every refusal: a stable code, a message in the caller's language, and for bad input every field at fault. */
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string().describe('In the language of Accept-Language: kk, ru or en'),
    details: z.record(z.string(), z.unknown()).optional(),
    issues: z
      .array(
        z.strictObject({
          field: z.string(),
          code: z.string(),
          message: z.string(),
          line: z
            .int()
            .optional()
            .describe('Of an uploaded file: the line (XLSX: the sheet row) of the row at fault'),
        }),
      )
      .optional(),
  }),
});
