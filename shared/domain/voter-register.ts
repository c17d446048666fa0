import { z } from 'zod';
import { IinSchema, refineBirthDateMatchesIin } from './iin.ts';
import { ageOn, type LocalDate, LocalDateSchema } from './local-date.ts';
import { SIGNER_MINIMUM_AGE } from './signatures.ts';

/**
 * One row of the district's voter list as the commission imports it. Only the IIN is kept afterwards:
 * it is all the signature check needs, and personal data not kept cannot leak.
 */
export const VoterRowSchema = z
  .strictObject({
    iin: IinSchema,
    fullName: z.string().trim().min(1).max(300),
    birthDate: LocalDateSchema,
    address: z.string().trim().min(1).max(500),
  })
  .superRefine(refineBirthDateMatchesIin);
export type VoterRow = z.infer<typeof VoterRowSchema>;

/** CLE 4 p.1: on the list only if 18 or older on election day. */
export function votesOn(row: VoterRow, electionDay: LocalDate): boolean {
  return ageOn(row.birthDate, electionDay) >= SIGNER_MINIMUM_AGE;
}
