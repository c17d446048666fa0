import * as z from 'zod';
import { VoterRegisterSnapshotSchema } from '../../domain/election.ts';

/** importVoterRegister's answer (and a register job's result): the register now in force for the election. */
export const RegisterInForceSchema = z.strictObject({
  electionId: z.string(),
  voterRegister: VoterRegisterSnapshotSchema.nullable(),
});
