import * as z from 'zod';
import { CaseStatusSchema } from '../../domain/case-lifecycle.ts';
import { TrailEventSchema } from '../../domain/case-trail.ts';
import { waitingSteps } from '../../domain/election-calendar.ts';
import { CandidateChecksSchema } from '../../domain/eligibility.ts';
import { IinSchema } from '../../domain/iin.ts';
import { DistrictCodeSchema } from '../../domain/kato.ts';
import { LocalDateSchema } from '../../domain/local-date.ts';
import { nominationRoutes, PartyIdSchema } from '../../domain/nomination.ts';
import { DecisionStepSchema, RecordedDecisionSchema } from '../../domain/nomination-case.ts';
import { ReinstatementRecordSchema } from '../../domain/overturning-decision.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';

/** Who nominated: a party, the district akimat, or nobody (a self-nominee). */
export const NominatorSchema = z
  .union([
    z.strictObject({ partyId: PartyIdSchema }),
    z.strictObject({ akimatDistrict: DistrictCodeSchema }),
    z.null(),
  ])
  .describe(
    '`partyId` for a party’s nominee, `akimatDistrict` for the akim’s candidate, null for a self-nominee',
  );

/**
 * A case as its readers see it (`case-views.ts`): status, route, what it waits for, from whom and until when,
 * its deadlines, decisions and checks. The IIN and birth date only for the district commission and the
 * candidate themself.
 */
export const CaseViewSchema = z.strictObject({
  caseId: z.string(),
  electionId: z.string(),
  route: z.enum(nominationRoutes),
  status: CaseStatusSchema,
  version: z.int().min(1),
  candidate: z.strictObject({
    fullName: z.string(),
    iin: IinSchema.optional().describe('Only to the district commission and the candidate themself'),
    birthDate: LocalDateSchema.optional().describe(
      'Only to the district commission and the candidate themself',
    ),
  }),
  nominator: NominatorSchema,
  filedAt: InstantResponseSchema,
  waitingFor: z
    .strictObject({
      step: z.enum(waitingSteps),
      from: z.enum(['party', 'candidate', 'akimat', 'commission']),
      deadline: InstantResponseSchema,
    })
    .nullable()
    .describe('The step the case waits for, whose act it is, and until when; null when it waits for no one'),
  deadlines: z
    .strictObject({
      'party-confirmation': InstantResponseSchema.optional(),
      signatures: InstantResponseSchema.optional(),
      'community-consent': InstantResponseSchema.optional(),
      'registration-decision': InstantResponseSchema,
      withdrawal: InstantResponseSchema,
      cancellation: InstantResponseSchema.optional().describe('Of a registered case'),
      reinstatement: InstantResponseSchema.optional().describe('Of a refused or cancelled case'),
    })
    .describe(
      'The deadlines that apply: the first step of its route, registration, withdrawal, and where its status allows, cancellation or reinstatement',
    ),
  decisions: z.partialRecord(DecisionStepSchema, RecordedDecisionSchema),
  reinstatements: z.array(ReinstatementRecordSchema),
  checks: CandidateChecksSchema,
  specialCheck: z.strictObject({
    ground: z.literal('Civil Service Law 19 p.1'),
    documentsReceivedOn: LocalDateSchema,
    dueOn: LocalDateSchema,
    warning: LocalizedTextSchema.nullable(),
  }),
  findings: z
    .record(z.string(), z.unknown())
    .meta({ documentedAs: 'CaseFindings' })
    .describe('What the checks found: eligibility, the latest signatures verdict, a workflow failure'),
});

/** listCases: the cases the caller may see, and those storage holds but cannot read (to the district only). */
export const CaseListSchema = z.strictObject({
  electionId: z.string(),
  cases: z.array(CaseViewSchema),
  unreadable: z.array(z.strictObject({ caseId: z.string(), fields: z.array(z.string()) })),
});

/** getCaseTimeline: the trail's events oldest first; `missing` names the first event storage no longer holds. */
export const CaseTimelineSchema = z.strictObject({
  caseId: z.string(),
  timeline: z.array(TrailEventSchema),
  complete: z.boolean(),
  missing: z.strictObject({ seq: z.int().min(1), eventId: z.string() }).optional(),
});
