import * as z from 'zod';
import { documentKinds } from '../../shared/domain/election-rules.ts';
import { candidateOf } from '../cycle-generator.ts';
import type { LoopResult } from './closed-loop.ts';

export const loadOperations = ['getCase', 'listCandidates', 'fileNomination'] as const;
export type LoadOperation = (typeof loadOperations)[number];

/** What the load clients' process is sent for each operation. */
export const LoadJobSchema = z.object({
  operation: z.enum(loadOperations),
  url: z.string(),
  clients: z.int().positive(),
  seconds: z.number().positive(),
  authorization: z.string().nullable(),
  /** Cycled through: the cases to read, the elections to list or to file in. */
  paths: z.array(z.string()).min(1),
  /** fileNomination: each filing is a new self-nominee, numbered from here. */
  firstCandidate: z.int().nonnegative(),
  floor: z.object({ endpoint: z.string(), table: z.string(), mix: z.record(z.string(), z.int()) }),
});
export type LoadJob = z.infer<typeof LoadJobSchema>;

const LoopSchema = z.object({
  calls: z.number(),
  errors: z.number(),
  seconds: z.number(),
  perSecond: z.number(),
  latencyMs: z.object({ count: z.number(), p50: z.number(), p95: z.number(), p99: z.number() }),
  sampleErrors: z.array(z.string()),
}) satisfies z.ZodType<LoopResult>;

/** What the load clients' process sends back: the API's calls and the floor's, each as a closed loop's result. */
export const LoadAnswerSchema = z.object({
  operation: z.enum(loadOperations),
  api: LoopSchema,
  floor: LoopSchema,
});
export interface LoadAnswer {
  readonly operation: LoadOperation;
  readonly api: LoopResult;
  readonly floor: LoopResult;
}

/** An eligible candidate, the n-th of the generated ones: 25+, a citizen, a newcomer, every document in. */
export function eligibleCandidate(n: number) {
  return {
    ...candidateOf(n),
    citizen: true,
    consecutiveTermsInUnit: 0,
    education: 'higher',
    documents: [...documentKinds],
  };
}

/** A self-nomination of the n-th candidate, as a commission files it. */
export function selfFiling(n: number) {
  return { route: 'self', candidate: eligibleCandidate(n) };
}
