import { z } from 'zod';
import { type CalendarRegime, CalendarRegimeIdSchema, calendarRegimes } from './calendar-regimes.ts';
import {
  computeElectionCalendar,
  type ElectionCalendar,
  effectiveNominationClose,
} from './election-calendar.ts';
import { ElectionPhaseSchema } from './election-phases.ts';
import { ElectionRulesSchema, reportRules } from './election-rules.ts';
import { districtOf, KatoCodeSchema } from './kato.ts';
import { InstantSchema, type LocalDate, LocalDateSchema, localDateOf } from './local-date.ts';
import { requiredSignatures } from './signatures.ts';
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
  to: z.enum(['commission', 'akimat', 'public']),
  code: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ElectionNotice = z.infer<typeof ElectionNoticeSchema>;

/** An election as stored: the input, everything derived from it, and where its calendar stands. */
export const ElectionSchema = z.strictObject({
  electionId: z.string().min(1),
  unit: ElectoralUnitSchema,
  district: z.string(),
  electionDay: LocalDateSchema,
  calledOn: LocalDateSchema,
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
});
export type Election = z.infer<typeof ElectionSchema>;

const ConfiguredRuleNamesSchema = z.object({ rules: z.record(z.string(), z.unknown()).optional() });

/** One unit has one election on a given day, so the pair names it: readable, public, and unique by construction. */
export function electionIdOf(kato: string, electionDay: string): string {
  return `${kato}-${electionDay}`;
}

/** Calls an election: validates the input and derives its calendar (CLE 113-1), or throws a ValidationError. */
export function callElection(input: unknown, now: string): Election {
  const draft = parseOrThrow(NewElectionSchema, input);
  const regime = calendarRegimes[draft.regime];
  const calendar = computeElectionCalendar({ ...draft, regime });
  const configured = Object.keys(ConfiguredRuleNamesSchema.parse(input).rules ?? {});
  return {
    electionId: electionIdOf(draft.unit.kato, draft.electionDay),
    unit: draft.unit,
    district: districtOf(draft.unit.kato),
    electionDay: draft.electionDay,
    calledOn: draft.calledOn,
    regime: draft.regime,
    rules: draft.rules,
    configuredRules: configured,
    calendar,
    phase: 'Nomination',
    nominationExtended: false,
    nominationsAtClose: null,
    additionalProposals: 0,
    voterRegister: null,
    notices: [],
    createdAt: now,
    version: 1,
  };
}

export function regimeOf(election: Election): CalendarRegime {
  return calendarRegimes[election.regime];
}

/** The election with the voter list its 1% threshold is computed from from now on. */
export function withVoterRegister(election: Election, snapshot: VoterRegisterSnapshot): Election {
  return { ...election, voterRegister: snapshot };
}

/** Signatures a self-nominee needs here, or null until the voter register is imported. */
export function requiredSignaturesIn(election: Election): number | null {
  return election.voterRegister === null ? null : requiredSignatures(election.voterRegister.voters);
}

/** The local dates on which a signature may be made: inside the (possibly extended) nomination window [I]. */
export function signingWindow(election: Election): { from: LocalDate; to: LocalDate } {
  const offset = election.rules.utcOffsetMinutes;
  return {
    from: localDateOf(election.calendar.nominationOpensAt, offset),
    to: localDateOf(effectiveNominationClose(election.calendar, election.nominationExtended), offset),
  };
}

/** The rules of an election, each with its value and whether it was configured or is a product default. */
export function electionRulesReport(election: Election) {
  return reportRules(new Set(election.configuredRules), election.rules);
}
