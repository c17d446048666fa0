import * as z from 'zod';
import { actorOf } from '../shared/auth/caller.ts';
import { ForbiddenError } from '../shared/domain/errors.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { decideAndResume } from './support/record-and-resume.ts';

export const PartyConfirmationSchema = z.strictObject({ decision: z.enum(['confirm', 'decline']) });

/** confirmPartyNomination: the party confirms (or declines) its nominee; an unconfirmed nomination does not go on. */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock'>) {
  return async (request: OperationRequest) => {
    const { decision } = parseOrThrow(PartyConfirmationSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, _, c) => {
      if (caller.role !== 'party' || c.slot !== `party:${caller.partyId}`) throw new ForbiddenError();
    });
    const now = deps.clock.now();
    requireBeforeDeadline('party-confirmation', election, nominationCase, now);
    const confirmed = decision === 'confirm';
    const updated = await decideAndResume(
      deps,
      nominationCase,
      'party-confirmation',
      { outcome: confirmed ? 'confirmed' : 'declined', details: {} },
      { type: confirmed ? 'PartyConfirmed' : 'PartyDeclined' },
      { at: now, actor: actorOf(request.caller) },
    );
    return caseViewFor(request.caller, election, updated);
  };
}
