import { actorOf } from '../shared/auth/caller.ts';
import { requireCommissionOf } from '../shared/auth/scope.ts';
import { timeZoneOf } from '../shared/domain/election-rules.ts';
import { assessEligibility } from '../shared/domain/eligibility.ts';
import { localDateOf } from '../shared/domain/local-date.ts';
import { decideStep } from '../shared/domain/nomination-case.ts';
import { requireNotAfterToday } from '../shared/domain/recorded-dates.ts';
import { checkRegistrationDecision, RegistrationDecisionSchema } from '../shared/domain/registration.ts';
import { parseOrThrow } from '../shared/domain/validation.ts';
import { caseViewFor, loadCaseFor, requireBeforeDeadline } from './support/case-access.ts';
import type { Dependencies } from './support/dependencies.ts';
import type { OperationRequest } from './support/operation.ts';
import { recordAndResume } from './support/record-and-resume.ts';

/**
 * decideRegistration: the commission registers or refuses a candidate before registration closes. Eligibility
 * is judged again with the checks the commission reports, so an ineligible candidate can only be refused.
 */
export function createHandler(deps: Pick<Dependencies, 'elections' | 'cases' | 'workflows' | 'clock'>) {
  return async (request: OperationRequest) => {
    const decision = parseOrThrow(RegistrationDecisionSchema, request.body);
    const { election, nominationCase } = await loadCaseFor(deps, request, (caller, e) =>
      requireCommissionOf(caller, e.district),
    );
    const now = deps.clock.now();
    requireBeforeDeadline('registration-decision', election, nominationCase, now);
    requireNotAfterToday(
      { 'checks.deposit.paidOn': decision.checks?.deposit?.paidOn },
      localDateOf(now, timeZoneOf(election.rules)),
    );
    const updated = await recordAndResume(
      deps,
      nominationCase,
      (current) => {
        const checks = decision.checks ?? current.checks;
        const eligibility = assessEligibility(current.filing.candidate, checks, {
          electionDay: election.electionDay,
          filedOn: localDateOf(current.filedAt, timeZoneOf(election.rules)),
          rules: election.rules,
        });
        const checked = checkRegistrationDecision(decision, eligibility, election.rules);
        const numbered = checked.number === undefined ? {} : { number: checked.number };
        const details =
          checked.decision === 'refuse'
            ? { grounds: checked.grounds, reasons: checked.reasons, ...numbered }
            : numbered;
        const decided = decideStep(
          { ...current, checks, findings: { ...current.findings, eligibility } },
          'registration-decision',
          { outcome: checked.decision === 'register' ? 'registered' : 'refused', details },
          { type: 'RegistrationDecided', decision: checked.decision },
          { at: now, actor: actorOf(request.caller), note: details },
        );
        return decided;
      },
      'decided',
      nominationCase,
    );
    return caseViewFor(request.caller, election, updated);
  };
}
