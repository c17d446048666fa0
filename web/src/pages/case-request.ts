/**
 * The parameters of a request that acts on one case: its path, and the submission's Idempotency-Key (so that a
 * request sent again after a lost answer is the same act).
 */
export function caseRequest(
  target: { readonly electionId: string; readonly caseId: string },
  key: string,
): { path: { electionId: string; caseId: string }; header: { 'Idempotency-Key': string } } {
  return {
    path: { electionId: target.electionId, caseId: target.caseId },
    header: { 'Idempotency-Key': key },
  };
}
