const STORAGE_KEY = 'desk.recentElections';
const KEEP = 10;

/** The elections this device opened last, newest first: a commission's way back to them. */
export function recentElections(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((id): id is string => typeof id === 'string').slice(0, KEEP)
      : [];
  } catch {
    return [];
  }
}

export function rememberElection(electionId: string): void {
  try {
    const kept = [electionId, ...recentElections().filter((id) => id !== electionId)].slice(0, KEEP);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Not kept: the list is a convenience, the election opens by its number anyway.
  }
}
