import { z } from 'zod';
import { DistrictCodeSchema } from '../domain/kato.ts';
import { PartyIdSchema } from '../domain/nomination.ts';
import type { Actor } from '../domain/nomination-case.ts';

/**
 * Who calls, from the verified JWT: a role and its scope. One shape on AWS (Cognito groups and attributes
 * through the API Gateway authorizer) and locally (tokens the engine signs).
 */
export const CallerSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('commission'), subject: z.string().min(1), district: DistrictCodeSchema }),
  z.object({ role: z.literal('akimat'), subject: z.string().min(1), district: DistrictCodeSchema }),
  z.object({ role: z.literal('party'), subject: z.string().min(1), partyId: PartyIdSchema }),
  /** A candidate's token carries their own IIN: it is how their own cases are recognised. */
  z.object({ role: z.literal('candidate'), subject: z.string().min(1), iin: z.string().regex(/^\d{12}$/) }),
  z.object({ role: z.literal('public') }),
]);
export type Caller = z.infer<typeof CallerSchema>;
export type Role = Caller['role'];

/** How a caller appears in audit trails: a role and a non-personal id, never an IIN. */
export function actorOf(caller: Caller): Actor {
  switch (caller.role) {
    case 'commission':
    case 'akimat':
      return { role: caller.role, id: `${caller.district}/${caller.subject}` };
    case 'party':
      return { role: 'party', id: `${caller.partyId}/${caller.subject}` };
    case 'candidate':
      return { role: 'candidate', id: caller.subject };
    case 'public':
      throw new Error('the public acts on nothing');
  }
}
