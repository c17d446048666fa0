import * as z from 'zod';
import { additionalCandidateWindow } from './additional-candidate-window.ts';
import type { Election } from './election.ts';
import { effectiveNominationClose } from './election-calendar.ts';
import { acceptsOrdinaryNominations } from './election-phases.ts';
import { timeZoneOf } from './election-rules.ts';
import { CandidateSchema } from './eligibility.ts';
import {
  AdditionalCandidateLimitReachedError,
  AdditionalCandidateNotAllowedError,
  AdditionalCandidatePendingError,
  AdditionalCandidateWindowClosedError,
  NominationClosedError,
  NominationNotOpenError,
  NotAPartyMemberError,
  PartyNomineeExistsError,
  ValidationError,
} from './errors.ts';
import { DistrictCodeSchema } from './kato.ts';
import { type Instant, isBefore, LocalDateSchema } from './local-date.ts';

/** CLE 113-3: a party's nominee, a self-nominee, or the district akim's additional candidate (p.6). */
export const nominationRoutes = ['party', 'self', 'akimat'] as const;
export type NominationRoute = (typeof nominationRoutes)[number];

export const PartyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);

const PartyNominationSchema = z.strictObject({
  route: z.literal('party'),
  candidate: CandidateSchema,
  party: z.strictObject({
    partyId: PartyIdSchema,
    /** The party nominates from among its members only [L]. */
    candidateIsMember: z.boolean(),
    decisionBody: z.string().trim().min(1).max(200),
    decisionDate: LocalDateSchema,
    protocolNumber: z.string().trim().min(1).max(50),
  }),
});

const SelfNominationSchema = z.strictObject({
  route: z.literal('self'),
  candidate: CandidateSchema,
});

const AkimatNominationSchema = z.strictObject({
  route: z.literal('akimat'),
  candidate: CandidateSchema,
  akimat: z.strictObject({
    district: DistrictCodeSchema,
    proposalNumber: z.string().trim().min(1).max(50),
    proposedOn: LocalDateSchema,
  }),
});

type AkimatNomination = z.infer<typeof AkimatNominationSchema>;

export const FilingSchema = z.discriminatedUnion('route', [
  PartyNominationSchema,
  SelfNominationSchema,
  AkimatNominationSchema,
]);
export type Filing = z.infer<typeof FilingSchema>;

/**
 * The nominator whose slot a filing takes: one live nominee per party per election [P], and one live
 * additional candidate of the district akim at a time [D]. Self-nominees take no slot.
 */
export function nominatorSlot(filing: Filing): string | null {
  switch (filing.route) {
    case 'party':
      return `party:${filing.party.partyId}`;
    case 'akimat':
      return 'akimat';
    case 'self':
      return null;
  }
}

/** The error for a filing whose nominator slot is held by the live case `holderCaseId`. */
export function slotTakenError(slot: string, holderCaseId: string): Error {
  return slot === 'akimat'
    ? new AdditionalCandidatePendingError(holderCaseId)
    : new PartyNomineeExistsError(holderCaseId);
}

/** The preconditions of a route at `now`, taken from the election's calendar and phase. */
export function checkFilingAllowed(filing: Filing, election: Election, now: Instant): void {
  if (filing.route === 'party' && !filing.party.candidateIsMember) throw new NotAPartyMemberError();
  if (filing.route === 'akimat') {
    checkAdditionalCandidateAllowed(filing, election, now);
    return;
  }
  const { calendar } = election;
  if (isBefore(now, calendar.nominationOpensAt)) {
    throw new NominationNotOpenError(calendar.nominationOpensAt, timeZoneOf(election.rules));
  }
  const closesAt = effectiveNominationClose(calendar, election.nominationExtended);
  // Time decides even if the deadline step has not run yet: the law's clock, not the engine's.
  if (!isBefore(now, closesAt) || !acceptsOrdinaryNominations(election.phase)) {
    throw new NominationClosedError(closesAt, timeZoneOf(election.rules));
  }
}

/** CLE 113-3 p.6: only the akim of the unit's own district, only after nomination closed with 0 or 1
 * candidates, and inside the akimat's window. */
function checkAdditionalCandidateAllowed(filing: AkimatNomination, election: Election, now: Instant): void {
  if (filing.akimat.district !== election.district) {
    throw new ValidationError([
      {
        field: 'akimat.district',
        code: 'INVALID_VALUE',
        details: { allowed: election.district },
      },
    ]);
  }
  // The same judgement the election's view shows the akimat (`additionalCandidateWindow`).
  const window = additionalCandidateWindow(election, now);
  switch (window.state) {
    case 'open':
      return;
    case 'closed':
      throw new AdditionalCandidateWindowClosedError(window.closesAt, timeZoneOf(election.rules));
    case 'limit-reached':
      throw new AdditionalCandidateLimitReachedError(window.proposalLimit ?? window.proposals);
    case 'not-yet-open':
    case 'not-applicable':
      throw new AdditionalCandidateNotAllowedError(election.nominationsAtClose ?? 'unknown');
  }
}
