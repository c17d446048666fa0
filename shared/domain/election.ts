import * as z from 'zod';
import { type CalendarRegime, CalendarRegimeIdSchema, calendarRegimes } from './calendar-regimes.ts';
import { CommissionRecordSchema } from './commission-record.ts';
import {
  computeElectionCalendar,
  type ElectionCalendar,
  effectiveNominationClose,
} from './election-calendar.ts';
import { ElectionPhaseSchema } from './election-phases.ts';
import { type ElectionRules, ElectionRulesSchema, reportRules, timeZoneOf } from './election-rules.ts';
import { RegisterAfterCloseError, ValidationError } from './errors.ts';
import { SentSignalSchema } from './execution-repair.ts';
import { districtOf, type KatoCode, KatoCodeSchema, regionOf } from './kato.ts';
import { callingNotices } from './legal-clocks.ts';
import { type Instant, InstantSchema, type LocalDate, LocalDateSchema, localDateOf } from './local-date.ts';
import { SamplingKeySchema } from './signature-sampling.ts';
import { requiredSignatures } from './signatures.ts';
import { regionTimeZoneBasis, timeZoneOfRegion } from './time-zones.ts';
import { parseOrThrow } from './validation.ts';

/** The elected unit: one village, settlement, rural district or town = one electoral district [L]. */
export const ElectoralUnitSchema = z.strictObject({
  kato: KatoCodeSchema,
  kind: z.enum(['village', 'settlement', 'rural-district', 'city-of-district-significance']),
  nameKk: z.string().trim().min(1).max(200),
  nameRu: z.string().trim().min(1).max(200),
});

/** What a commission gives to call an election (CLE 113-1). */
export const NewElectionSchema = z.strictObject({
  unit: ElectoralUnitSchema,
  electionDay: LocalDateSchema,
  calledOn: LocalDateSchema,
  regime: CalendarRegimeIdSchema,
  rules: ElectionRulesSchema.default(ElectionRulesSchema.parse({})),
  /** The incumbent's last day in office, where known: calling is checked against it (CLE 113-1 p.2). */
  incumbentTermEndsOn: LocalDateSchema.nullable().default(null),
  /** The day the incumbent's powers ended early, where they did: calling is due within a month (CLE 113-1 p.3). */
  incumbentPowersEndedOn: LocalDateSchema.nullable().default(null),
  /** The commission's name and signatories, printed on its decisions; null where not given. */
  commission: CommissionRecordSchema.nullable().default(null),
});
export type NewElection = z.input<typeof NewElectionSchema>;

/** The voter list the 1% threshold is computed from, and where it came from [D]. */
export const VoterRegisterSnapshotSchema = z.strictObject({
  snapshotId: z.string().min(1),
  voters: z.int().min(1),
  importedAt: InstantSchema,
  source: z.string().max(200),
});
export type VoterRegisterSnapshot = z.infer<typeof VoterRegisterSnapshotSchema>;

const CalendarSchema = z.strictObject({
  nominationOpensAt: InstantSchema,
  nominationClosesAt: InstantSchema,
  extendedNominationClosesAt: InstantSchema,
  registrationClosesAt: InstantSchema,
  additionalCandidateClosesAt: InstantSchema,
  withdrawalClosesAt: InstantSchema,
  electionDayStartsAt: InstantSchema,
}) satisfies z.ZodType<ElectionCalendar>;

/** A message the engine leaves for a body at a calendar step ("nomination extended", "window open"). */
export const ElectionNoticeSchema = z.strictObject({
  at: InstantSchema,
  to: z.enum(['commission', 'akimat', 'public', 'operator']),
  code: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ElectionNotice = z.infer<typeof ElectionNoticeSchema>;

/**
 * What never changes once an election is called (its storage refuses a change of it): its cases' executions carry
 * these instead of reading the election at each step.
 */
export const electionFactFields = ['electionDay', 'regime', 'rules', 'calendar'] as const;
export type ElectionFactField = (typeof electionFactFields)[number];

/** An election as stored: the input, everything derived from it, and where its calendar stands. */
export const ElectionSchema = z.strictObject({
  electionId: z.string().min(1),
  unit: ElectoralUnitSchema,
  district: z.string(),
  electionDay: LocalDateSchema,
  calledOn: LocalDateSchema,
  /** Null where the commission did not give it, as in elections stored before it existed. */
  incumbentTermEndsOn: LocalDateSchema.nullable().default(null),
  /** Null where the powers did not end early, or the commission did not say. */
  incumbentPowersEndedOn: LocalDateSchema.nullable().default(null),
  /** The commission's name and signatories for its documents; null where not given (as in older elections). */
  commission: CommissionRecordSchema.nullable().default(null),
  regime: CalendarRegimeIdSchema,
  rules: ElectionRulesSchema,
  configuredRules: z.array(z.string()),
  calendar: CalendarSchema,
  phase: ElectionPhaseSchema,
  nominationExtended: z.boolean(),
  /** Live nominations counted when nomination (finally) closed; null while it is open. */
  nominationsAtClose: z.int().min(0).nullable(),
  additionalProposals: z.int().min(0),
  voterRegister: VoterRegisterSnapshotSchema.nullable(),
  notices: z.array(ElectionNoticeSchema),
  createdAt: InstantSchema,
  version: z.int().min(1),
  /** Which execution of the calendar is the election's: its name is `executionName(electionId, attempt)`. */
  calendarAttempt: z.int().min(1).default(1),
  /** The wake-up the calendar sleeps on, until it fires: what the reconciler sends if it never does. */
  wakeUp: SentSignalSchema.nullable().default(null),
  /**
   * The key every signature sample of the election is drawn with (`signature-sampling.ts` `sampleSeed`), made
   * when it is called: never shown (its view shows its SHA-256), never logged. Null in elections called before
   * keys existed until their first draw needs one (`functions/support/sampling-key.ts`).
   */
  samplingKey: SamplingKeySchema.nullable().default(null),
});
export type Election = z.infer<typeof ElectionSchema>;

const ConfiguredRuleNamesSchema = z.object({ rules: z.record(z.string(), z.unknown()).optional() });

/** One unit has one election on a given day, so the pair names it: readable, public, and unique by construction. */
export function electionIdOf(kato: string, electionDay: string): string {
  return `${kato}-${electionDay}`;
}

/**
 * The rules with the election's time zone settled: the one it sets (a zone or a fixed offset), else its
 * region's. Settled once and stored, so its local dates stay where they were if the region table changes.
 */
function withTimeZoneSettled(rules: ElectionRules, kato: KatoCode): ElectionRules {
  if (rules.timeZone !== null && rules.utcOffsetMinutes !== null) {
    throw new ValidationError([
      {
        field: 'rules.utcOffsetMinutes',
        code: 'TIME_ZONE_CONFLICT',
      },
    ]);
  }
  if (rules.timeZone !== null || rules.utcOffsetMinutes !== null) return rules;
  const region = regionOf(kato);
  const timeZone = timeZoneOfRegion(region);
  if (timeZone === null) {
    throw new ValidationError([
      {
        field: 'unit.kato',
        code: 'KATO_REGION_UNKNOWN',
        details: { region },
      },
    ]);
  }
  return { ...rules, timeZone };
}

/** Calls an election: validates the input and derives its calendar (CLE 113-1), or throws a ValidationError. */
export function callElection(input: unknown, now: string): Election {
  const parsed = parseOrThrow(NewElectionSchema, input);
  const draft = { ...parsed, rules: withTimeZoneSettled(parsed.rules, parsed.unit.kato) };
  const regime = calendarRegimes[draft.regime];
  const calendar = computeElectionCalendar({ ...draft, regime });
  const configured = Object.keys(ConfiguredRuleNamesSchema.parse(input).rules ?? {});
  // A late call is the commission's own act and the vote must still happen: recorded and warned about, not refused.
  const notices: ElectionNotice[] = callingNotices(draft).map((notice) => ({
    at: now,
    to: 'commission',
    ...notice,
  }));
  return {
    electionId: electionIdOf(draft.unit.kato, draft.electionDay),
    unit: draft.unit,
    district: districtOf(draft.unit.kato),
    electionDay: draft.electionDay,
    calledOn: draft.calledOn,
    incumbentTermEndsOn: draft.incumbentTermEndsOn,
    incumbentPowersEndedOn: draft.incumbentPowersEndedOn,
    commission: draft.commission,
    regime: draft.regime,
    rules: draft.rules,
    configuredRules: configured,
    calendar,
    phase: 'Nomination',
    nominationExtended: false,
    nominationsAtClose: null,
    additionalProposals: 0,
    voterRegister: null,
    notices,
    createdAt: now,
    calendarAttempt: 1,
    wakeUp: null,
    // Made by the caller (randomness is no domain function's): `functions/create-election.ts`.
    samplingKey: null,
    version: 1,
  };
}

export function regimeOf(election: Election): CalendarRegime {
  return calendarRegimes[election.regime];
}

/**
 * The election with the voter list its 1% threshold is computed from from now on. The same list again changes
 * nothing; a list after the close of nomination is refused, since the count at the close was made on the old one.
 */
export function withVoterRegister(
  election: Election,
  snapshot: VoterRegisterSnapshot,
  now: Instant,
): Election {
  if (election.voterRegister?.snapshotId === snapshot.snapshotId) return election;
  const close = effectiveNominationClose(election.calendar, election.nominationExtended);
  if (now >= close) throw new RegisterAfterCloseError(close, timeZoneOf(election.rules));
  return { ...election, voterRegister: snapshot };
}

/** Signatures a self-nominee needs here, or null until the voter register is imported. */
export function requiredSignaturesIn(election: Election): number | null {
  return election.voterRegister === null ? null : requiredSignatures(election.voterRegister.voters);
}

/** The local dates on which a signature may be made: inside the (possibly extended) nomination window [I]. */
export function signingWindow(election: Election): { from: LocalDate; to: LocalDate } {
  const zone = timeZoneOf(election.rules);
  return {
    from: localDateOf(election.calendar.nominationOpensAt, zone),
    to: localDateOf(effectiveNominationClose(election.calendar, election.nominationExtended), zone),
  };
}

/** The rules of an election, each with its value and whether it was configured or is a product default. */
export function electionRulesReport(election: Election) {
  const configured = new Set(election.configuredRules);
  return reportRules(configured, election.rules, { timeZone: timeZoneBasis(election, configured) });
}

/** Why the election's zone is what it is: its region's, or unused beside a fixed offset. */
function timeZoneBasis(election: Election, configured: ReadonlySet<string>): string | undefined {
  if (configured.has('timeZone')) return undefined;
  if (election.rules.utcOffsetMinutes !== null) {
    return 'Not used: this election counts every deadline in the fixed offset utcOffsetMinutes';
  }
  return regionTimeZoneBasis(regionOf(election.unit.kato));
}
