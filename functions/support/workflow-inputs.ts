import * as z from 'zod';

/** What the nomination-case workflow carries: which case. */
export const CaseRefSchema = z.looseObject({ electionId: z.string().min(1), caseId: z.string().min(1) });

/** What the election-calendar workflow carries: which election. */
export const ElectionRefSchema = z.looseObject({ electionId: z.string().min(1) });

/** A waiting task's payload: the reference plus the token that resumes it. */
export const TokenSchema = z.looseObject({ taskToken: z.string().min(1) });
