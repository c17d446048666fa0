/** How many rounds a reliability test runs: fewer in the quick form CI uses. */
export function rounds(full: number, quick: number): number {
  return process.env.RELIABILITY === 'quick' ? quick : full;
}
