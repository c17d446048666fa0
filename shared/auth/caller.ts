import * as z from 'zod';
import { DistrictCodeSchema } from '../domain/kato.ts';
import { PartyIdSchema } from '../domain/nomination.ts';
import type { Actor } from '../domain/nomination-case.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A local account's id: 24 random hex digits, twelve of them digits in a row about once in twenty accounts,
 * which is chance and no IIN (AccountIdSchema).
 */
const LOCAL_ACCOUNT_ID = /^acct-[0-9a-f]{24}$/;

/**
 * The account behind a token, as it appears in audit trails: bounded, plain characters, and never a person's
 * IIN, since an audit trail is read by more people than the case itself. Cognito's subjects are UUIDs (whose
 * last group may be twelve digits by chance), the engine's accounts random hex; any other subject with a
 * twelve-digit run is refused.
 */
export const SubjectSchema = z
  .string()
  .regex(/^[A-Za-z0-9._@:+-]{1,128}$/)
  .refine((subject) => UUID.test(subject) || LOCAL_ACCOUNT_ID.test(subject) || !/\d{12}/.test(subject));

/**
 * Who calls, from the verified JWT: a role and its scope. One shape on AWS (Cognito groups and attributes
 * through the API Gateway authorizer) and locally (tokens the engine signs).
 */
export const CallerSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('commission'),
    subject: SubjectSchema,
    district: DistrictCodeSchema,
    /** The commission's administrator: manages the accounts of its district (an `admin` group beside the role). */
    admin: z.boolean().optional(),
  }),
  z.object({ role: z.literal('akimat'), subject: SubjectSchema, district: DistrictCodeSchema }),
  z.object({
    role: z.literal('party'),
    subject: SubjectSchema,
    partyId: PartyIdSchema,
    /** The district whose commission made the account: the secretary acts in its elections only. */
    managedBy: DistrictCodeSchema.optional(),
  }),
  /** A candidate's token carries their own IIN: it is how their own cases are recognised. */
  z.object({
    role: z.literal('candidate'),
    subject: SubjectSchema,
    iin: z.string().regex(/^\d{12}$/),
    /** The district whose commission made the account: the candidate acts in its elections only. */
    managedBy: DistrictCodeSchema.optional(),
  }),
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
