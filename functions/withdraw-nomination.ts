import * as z from 'zod';
import { actorOf } from '../shared/auth/caller.ts';
import { isOwnCase } from '../shared/auth/scope.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { DeadlinePassedError, ForbiddenError } from '../shared/domain/errors.ts';
import { isBefore } from '../shared/domain/local-date.ts';
import { trailText } from '../shared/domain/trail-text.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { decideAndResume } from './support/record-and-resume.ts';

/** A withdrawal may give its reason; it goes on the audit trail. */
export const WithdrawalSchema = z.strictObject({ reason: trailText(2000).optional() });

/**
 * withdrawNomination: the candidate withdraws (Withdrawn), or the nominating party revokes its nominee
 * (Revoked), at any waiting step or after registration, until the withdrawal deadline [D].
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock'>) {
  return async (request: OperationRequest) => {
    const { reason } = parseOrThrow(WithdrawalSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, _, c) => {
      if (!isOwnCase(caller, c)) throw new ForbiddenError();
    });
    const now = deps.clock.now();
    if (!isBefore(now, election.calendar.withdrawalClosesAt)) {
      throw new DeadlinePassedError(
        'withdrawal',
        election.calendar.withdrawalClosesAt,
        timeZoneOf(election.rules),
      );
    }
    const byParty = request.caller.role === 'party';
    const updated = await decideAndResume(
      deps,
      nominationCase,
      byParty ? 'revocation' : 'withdrawal',
      { outcome: byParty ? 'revoked' : 'withdrawn', details: {} },
      { type: byParty ? 'NominationRevoked' : 'Withdrawn' },
      { at: now, actor: actorOf(request.caller), ...(reason === undefined ? {} : { note: { reason } }) },
    );
    return caseViewFor(request.caller, election, updated);
  };
}
