import * as z from 'zod';
import { issueParams } from './validation.ts';

/**
 * KATO, the classifier of administrative-territorial objects: 9 digits `AA BB CC DDD`
 * (region, district, rural district or town, settlement) [P]. One elected unit = one KATO code.
 */
export const KatoCodeSchema = z
  .string()
  .refine((value) => /^\d{9}$/.test(value), issueParams('KATO_MALFORMED'))
  // For the API's description only: the refinement names the error.
  .meta({ pattern: '^\\d{9}$', description: 'KATO code: 9 digits, the district its first four' });
export type KatoCode = z.infer<typeof KatoCodeSchema>;

/** The region (oblast, or city of republican significance) a unit belongs to: its first two digits. */
export function regionOf(code: KatoCode): string {
  return code.slice(0, 2);
}

/**
 * The district (or city of regional significance) a unit belongs to: its first four digits.
 * The district territorial election commission and the district akimat act for every unit under it.
 */
export function districtOf(code: KatoCode): string {
  return code.slice(0, 4);
}

export const DistrictCodeSchema = z.string().regex(/^\d{4}$/);
