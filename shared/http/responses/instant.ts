import * as z from 'zod';

/**
 * An instant as every response carries it: ISO-8601 in UTC, milliseconds, `Z` (what `InstantSchema` makes of
 * whatever a client sent). A plain string check, so that its JSON Schema is the output's and not a transform's.
 */
export const InstantResponseSchema = z.iso.datetime();
