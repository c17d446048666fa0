import * as confirmPartyNomination from '../../functions/confirm-party-nomination.ts';
import * as createElection from '../../functions/create-election.ts';
import * as decideRegistration from '../../functions/decide-registration.ts';
import * as fileNomination from '../../functions/file-nomination.ts';
import * as getCase from '../../functions/get-case.ts';
import * as importVoterRegister from '../../functions/import-voter-register.ts';
import { isJobAnswer, type JobAnswer } from '../../functions/jobs/start-job.ts';
import * as recordCommunityConsent from '../../functions/record-community-consent.ts';
import * as submitSignatures from '../../functions/submit-signatures.ts';
import type { OperationRequest } from '../../functions/support/operation.ts';
import * as withdrawNomination from '../../functions/withdraw-nomination.ts';
import { Engine, type EngineOptions } from '../../infra/local/engine.ts';
import { ManualClock } from '../../infra/local/manual-clock.ts';
import type { Caller } from '../../shared/auth/caller.ts';
import type { Table } from '../../shared/storage/document-client.ts';
import { createTestTable } from './test-table.ts';

/** The fixture election's calendar (D = 2026-03-15, kz-2023, UTC+5, default 3-day extension). */
export const fixtureCalendar = {
  nominationOpen: '2026-02-05T04:00:00.000Z',
  nominationClose: '2026-02-17T13:00:00.000Z',
  extendedClose: '2026-02-20T13:00:00.000Z',
  registrationClose: '2026-02-22T13:00:00.000Z',
} as const;

export const commission: Caller = { role: 'commission', subject: 'tec-clerk', district: '1952' };
export const akimat: Caller = { role: 'akimat', subject: 'akimat-clerk', district: '1952' };
export const partyCaller = (partyId: string): Caller => ({
  role: 'party',
  subject: `${partyId}-secretary`,
  partyId,
});
export const candidateCaller = (iin: string): Caller => ({
  role: 'candidate',
  subject: `candidate-${iin.slice(-4)}`,
  iin,
});

/**
 * The local engine on a fresh table with a manual clock, and the API operations as the HTTP layer calls them.
 * `operations.x(caller, params, body)` runs one operation; `settled()` waits until every workflow rests.
 */
export async function startTestEngine(
  options: { table?: Table; start?: string } & Pick<
    EngineOptions,
    'wrapFunctions' | 'logLevel' | 'objects' | 'reconcileEndedExecutions'
  > = {},
) {
  const table = options.table ?? (await createTestTable());
  const clock = new ManualClock(options.start ?? fixtureCalendar.nominationOpen);
  const engine = new Engine({
    table,
    clock,
    retryPauseMs: 5,
    logLevel: options.logLevel ?? 'SILENT',
    ...(options.wrapFunctions ? { wrapFunctions: options.wrapFunctions } : {}),
    ...(options.objects ? { objects: options.objects } : {}),
    ...(options.reconcileEndedExecutions ? { reconcileEndedExecutions: true } : {}),
  });
  const operation =
    <T>(handler: (request: OperationRequest) => Promise<T>) =>
    async (caller: Caller, params: Record<string, string>, body: unknown = {}) => {
      const result = await handler({ caller, params, body });
      await engine.workflows.settled();
      return answered(result);
    };
  const { deps } = engine;
  return {
    table,
    clock,
    engine,
    deps,
    settled: () => engine.workflows.settled(),
    advanceTo: (to: string) => engine.advanceTo(clock, to),
    operations: {
      createElection: operation(createElection.createHandler(deps)),
      importVoterRegister: operation(importVoterRegister.createHandler(deps)),
      fileNomination: operation(fileNomination.createHandler(deps)),
      confirmPartyNomination: operation(confirmPartyNomination.createHandler(deps)),
      submitSignatures: operation(submitSignatures.createHandler(deps)),
      recordCommunityConsent: operation(recordCommunityConsent.createHandler(deps)),
      decideRegistration: operation(decideRegistration.createHandler(deps)),
      withdrawNomination: operation(withdrawNomination.createHandler(deps)),
      getCase: operation(getCase.createHandler(deps)),
    },
  };
}
/** An operation's answer when its work was done in the request: a job accepted instead fails the test. */
export function answered<T>(result: T): Exclude<T, JobAnswer> {
  if (isJobAnswer(result)) throw new Error('the operation answered with a job, not its result');
  return result as Exclude<T, JobAnswer>;
}

export type TestEngine = Awaited<ReturnType<typeof startTestEngine>>;
