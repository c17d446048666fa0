import * as z from 'zod';
import { additionalCandidateWindowStates } from '../../domain/additional-candidate-window.ts';
import { ElectionNoticeSchema, ElectionSchema } from '../../domain/election.ts';
import { ElectionRulesSchema } from '../../domain/election-rules.ts';
import { DistrictCodeSchema } from '../../domain/kato.ts';
import { LocalDateSchema } from '../../domain/local-date.ts';
import { InstantResponseSchema } from './instant.ts';
import { LocalizedTextSchema } from './localized-text.ts';

const CallingCheckStatusSchema = z
  .enum(['met', 'not-met', 'unknown', 'not-applicable'])
  .describe(
    '`unknown`: the date the check needs was not given; `not-applicable`: a term-end check once the powers ended early',
  );

/** CLE 113-1 p.2: called at least 40 days before the incumbent's term ends. */
const CallingCheckSchema = z.strictObject({
  check: z.literal('called-before-term-ends'),
  ground: z.literal('CLE 113-1 p.2'),
  status: CallingCheckStatusSchema,
  termEndsOn: LocalDateSchema.nullable(),
  latestCallOn: LocalDateSchema.nullable(),
  warning: LocalizedTextSchema.nullable(),
});

/** CLE 113-1 p.2: the vote at least 10 days before the incumbent's term ends. */
const VotingCheckSchema = z.strictObject({
  check: z.literal('vote-before-term-ends'),
  ground: z.literal('CLE 113-1 p.2'),
  status: CallingCheckStatusSchema,
  termEndsOn: LocalDateSchema.nullable(),
  latestElectionDay: LocalDateSchema.nullable(),
  warning: LocalizedTextSchema.nullable(),
});

/** CLE 113-1 p.3: called within a month of the powers ending early. */
const EarlyEndCallingCheckSchema = z.strictObject({
  check: z.literal('called-after-early-end'),
  ground: z.literal('CLE 113-1 p.3'),
  status: CallingCheckStatusSchema,
  powersEndedOn: LocalDateSchema.nullable(),
  latestCallOn: LocalDateSchema.nullable(),
  warning: LocalizedTextSchema.nullable(),
});

/** Where the district akim's window for an additional candidate stands at the engine's now (CLE 113-3 p.6). */
const AdditionalCandidateWindowSchema = z.strictObject({
  state: z
    .enum(additionalCandidateWindowStates)
    .describe(
      '`not-yet-open`: nomination has not closed; `not-applicable`: it closed with two or more candidates; `limit-reached`: the election’s proposal limit is used up',
    ),
  ground: z.literal('CLE 113-3 p.6'),
  opensAt: InstantResponseSchema.nullable().describe(
    'When it opened; before the close of nomination, the earliest it can open; null where it never opens',
  ),
  closesAt: InstantResponseSchema,
  nominationsAtClose: z.int().min(0).nullable(),
  proposals: z.int().min(0).describe('Additional candidates the akimat has proposed so far'),
  proposalLimit: z.int().min(1).nullable(),
  explanation: LocalizedTextSchema.describe('Why, in words, its moments in the election’s local time'),
});

/** One rule of the election: its value, whether the election set it or the product's default holds, and why. */
const RuleReportSchema = z.strictObject({
  rule: ElectionRulesSchema.keyof(),
  value: z.unknown().describe('The rule’s value, of the type the rule takes in createElection’s `rules`'),
  source: z.enum(['configured', 'product-default']),
  basis: z.string(),
});

/**
 * An election as createElection and getElection answer it (`election-view.ts`): the stored election without
 * what is the engine's own (its wake-up, its sampling key, the rules as stored), its notices in words, each rule
 * with its source and basis, the calling checks, and the sampling key's commitment.
 */
export const ElectionViewSchema = ElectionSchema.omit({
  rules: true,
  configuredRules: true,
  wakeUp: true,
  samplingKey: true,
}).extend({
  district: DistrictCodeSchema.describe(
    'The district (its KATO code’s first four digits): its commission and akimat act here',
  ),
  notices: z.array(
    ElectionNoticeSchema.extend({
      message: LocalizedTextSchema.nullable().describe(
        'Null for a notice whose code this version does not know',
      ),
    }),
  ),
  rules: z.array(RuleReportSchema),
  callingCheck: CallingCheckSchema,
  callingChecks: z.array(z.union([CallingCheckSchema, VotingCheckSchema, EarlyEndCallingCheckSchema])),
  samplingKeyCommitment: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .describe('SHA-256 of the key every signature sample of the election is drawn with'),
  additionalCandidateWindow: AdditionalCandidateWindowSchema,
});
