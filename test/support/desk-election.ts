import * as z from 'zod';
import type { Caller } from '../../shared/auth/caller.ts';
import { aCandidate } from './candidates.ts';
import { checksPassed } from './decisions.ts';
import { newElectionInput } from './elections.ts';
import { candidateCaller, commission, partyCaller } from './engine.ts';
import { type apiClient, waitForStatus } from './engine-process.ts';
import { linesFrom, voterRows } from './signers.ts';

const CreatedCaseSchema = z.object({ caseId: z.string() });

/** The election the desk's browser tests look at: Ақтоғай rural district, election day 15 March 2026. */
export const DESK_ELECTION = '195230100-2026-03-15';

export interface SeededElection {
  readonly electionId: string;
  /** Асқар Нұрланұлы Сейітов, Amanat's nominee: registered. */
  readonly registered: string;
  /** Айгүл Серікқызы Омарова, a self-nominee with one rejected signature line: refused (documents incomplete). */
  readonly refused: string;
  /** Ерлан Болатұлы Жақсыбеков, a self-nominee with 12 lines, 2 rejected: awaiting the registration decision. */
  readonly awaitingDecision: string;
  /** Дана Маратқызы Сәрсенова, a self-nominee who has handed in nothing yet; her IIN is her account's scope. */
  readonly awaitingSignatures: { readonly caseId: string; readonly iin: string };
  /** Нұржан Серікұлы Әлиев, a self-nominee whose paper sheets the commission types in. */
  readonly paperSheets: string;
}

/** The district's voter list the seeded election imports: signers for the tests' sheets. */
export const deskVoters = voterRows(900);

/**
 * An election with a registered candidate, a refused one and one awaiting the commission's decision, made
 * through the API as the parties, candidates and commission would (the engine's clock at nomination's start).
 */
export async function seedElection(api: ReturnType<typeof apiClient>): Promise<SeededElection> {
  const must = posting(api);
  const electionId = DESK_ELECTION;
  await must(commission, '/elections', newElectionInput());
  const voters = deskVoters;
  await must(commission, `/elections/${electionId}/voter-register`, {
    voters,
    source: 'district-list-2026-02',
  });

  const party = partyCaller('amanat');
  const registered = CreatedCaseSchema.parse(
    await must(party, `/elections/${electionId}/cases`, {
      route: 'party',
      candidate: aCandidate({ fullName: 'Асқар Нұрланұлы Сейітов' }, 1),
      party: {
        partyId: 'amanat',
        candidateIsMember: true,
        decisionBody: 'Облыстық филиал кеңесі',
        decisionDate: '2026-02-06',
        protocolNumber: '12',
      },
    }),
  ).caseId;
  await must(party, `/elections/${electionId}/cases/${registered}/party-confirmation`, {
    decision: 'confirm',
  });

  const selfNominee = async (fullName: string, serial: number, from: number, badLines: number) => {
    const candidate = aCandidate({ fullName }, serial);
    const caller = candidateCaller(candidate.iin);
    const caseId = CreatedCaseSchema.parse(
      await must(caller, `/elections/${electionId}/cases`, { route: 'self', candidate }),
    ).caseId;
    const lines = linesFrom(voters.slice(from, from + 12)).map((line, index) =>
      // A wrong check digit: the line is rejected, and the desk shows why.
      index < badLines
        ? { ...line, iin: `${line.iin.slice(0, 11)}${(Number(line.iin[11]) + 1) % 10}` }
        : line,
    );
    await must(caller, `/elections/${electionId}/cases/${caseId}/signatures`, { lines });
    await waitForStatus(api, commission, electionId, caseId, 'AwaitingRegistrationDecision');
    return caseId;
  };
  const refused = await selfNominee('Айгүл Серікқызы Омарова', 2, 0, 1);
  const awaitingDecision = await selfNominee('Ерлан Болатұлы Жақсыбеков', 3, 20, 2);

  const awaitingSignatures = await selfNomineeAwaitingSignatures(
    api,
    electionId,
    'Дана Маратқызы Сәрсенова',
    4,
  );
  const paperSheets = (await selfNomineeAwaitingSignatures(api, electionId, 'Нұржан Серікұлы Әлиев', 5))
    .caseId;

  await waitForStatus(api, commission, electionId, registered, 'AwaitingRegistrationDecision');
  await must(commission, `/elections/${electionId}/cases/${registered}/registration-decision`, {
    decision: 'register',
    checks: checksPassed,
  });
  await must(commission, `/elections/${electionId}/cases/${refused}/registration-decision`, {
    decision: 'refuse',
    checks: checksPassed,
    grounds: ['documents-incomplete'],
    reasons: 'Кірістер мен мүлік туралы декларация тапсырылмаған.',
  });
  return { electionId, registered, refused, awaitingDecision, awaitingSignatures, paperSheets };
}

/** A POST that must succeed: its answer's body, or the test's setup fails saying which call and why. */
function posting(api: ReturnType<typeof apiClient>) {
  return async (caller: Caller, path: string, body?: unknown): Promise<unknown> => {
    const response = await api(caller, 'POST', path, body);
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
}

/**
 * A self-nominee who has filed and handed in nothing yet: the case waits for signatures. `serial` makes the IIN,
 * which is also the scope of the candidate's account; each candidate of an election needs their own.
 */
export async function selfNomineeAwaitingSignatures(
  api: ReturnType<typeof apiClient>,
  electionId: string,
  fullName: string,
  serial: number,
): Promise<{ readonly caseId: string; readonly iin: string }> {
  const candidate = aCandidate({ fullName }, serial);
  const filed = await posting(api)(candidateCaller(candidate.iin), `/elections/${electionId}/cases`, {
    route: 'self',
    candidate,
  });
  return { caseId: CreatedCaseSchema.parse(filed).caseId, iin: candidate.iin };
}

/** A party's nominee: who, their IIN's serial, and the party (one nominee per party and election). */
export interface PartyNominee {
  readonly fullName: string;
  readonly serial: number;
  readonly partyId: string;
}

/** A party's nominee, confirmed by the party: the case waits for the commission's registration decision. */
export async function partyNomineeAwaitingDecision(
  api: ReturnType<typeof apiClient>,
  electionId: string,
  nominee: PartyNominee,
): Promise<string> {
  const must = posting(api);
  const party = partyCaller(nominee.partyId);
  const filed = await must(party, `/elections/${electionId}/cases`, {
    route: 'party',
    candidate: aCandidate({ fullName: nominee.fullName }, nominee.serial),
    party: {
      partyId: nominee.partyId,
      candidateIsMember: true,
      decisionBody: 'Облыстық филиал кеңесі',
      decisionDate: '2026-02-05',
      protocolNumber: '14',
    },
  });
  const { caseId } = CreatedCaseSchema.parse(filed);
  await must(party, `/elections/${electionId}/cases/${caseId}/party-confirmation`, { decision: 'confirm' });
  await waitForStatus(api, commission, electionId, caseId, 'AwaitingRegistrationDecision');
  return caseId;
}

/** A party's nominee, registered by the commission. */
export async function registeredPartyNominee(
  api: ReturnType<typeof apiClient>,
  electionId: string,
  nominee: PartyNominee,
): Promise<string> {
  const caseId = await partyNomineeAwaitingDecision(api, electionId, nominee);
  await posting(api)(commission, `/elections/${electionId}/cases/${caseId}/registration-decision`, {
    decision: 'register',
    checks: checksPassed,
  });
  return caseId;
}
