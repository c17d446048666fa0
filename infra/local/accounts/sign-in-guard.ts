/** Wrong passwords a login name may have in a row before it is locked for a while. */
const FREE_FAILURES = 10;
/** The first lock, doubled at each further wrong password, up to the longest (Cognito's way). */
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 15 * 60_000;
/** Names remembered at most: a guesser trying millions of names costs this much memory, no more. */
const MAX_NAMES = 10_000;
/**
 * Password checks at once. Each takes 32 MiB and a thread of libuv's pool (4 threads), which the engine's
 * LevelDB also reads and writes through: two are left to the API, whatever a flood of sign-ins does.
 */
const CHECKS_AT_ONCE = 2;
/** Sign-ins waiting for a check; a longer queue is refused at once rather than kept waiting for minutes. */
const MAX_WAITING = 32;

interface Failures {
  count: number;
  lockedUntil: number;
  last: number;
}

/** Why a sign-in was not checked: the name is locked after wrong passwords, or too many sign in at once. */
export type SignInRefusal = 'throttled' | 'busy';

/**
 * What stands between the sign-in form and scrypt: an online guesser gets ten tries at a login name, then a
 * lock that doubles (1 min … 15 min), counted alike for names that exist and names that do not, so that the
 * lock tells nobody which exist; and a bound on the checks running at once, so that a flood of sign-ins holds
 * neither the engine's memory nor its storage's threads.
 */
export class SignInGuard {
  readonly #failures = new Map<string, Failures>();
  readonly #now: () => number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Runs `check` (the password check) unless the name is locked or too many wait; it answers whether it matched. */
  async check(
    username: string,
    check: () => Promise<{ matched: boolean }>,
  ): Promise<SignInRefusal | { matched: boolean }> {
    const name = username.trim().toLowerCase();
    if ((this.#failures.get(name)?.lockedUntil ?? 0) > this.#now()) return 'throttled';
    if (this.#running < CHECKS_AT_ONCE) this.#running += 1;
    else if (this.#waiting.length >= MAX_WAITING) return 'busy';
    // The check that ends hands its place over, so that no newcomer slips in between.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      const outcome = await check();
      if (outcome.matched) this.#failures.delete(name);
      else this.#failed(name);
      return outcome;
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#running -= 1;
      else next();
    }
  }

  #failed(name: string): void {
    const now = this.#now();
    const known = this.#failures.get(name);
    // A name whose last wrong password is older than the longest lock starts afresh: a typo a week adds up to nothing.
    const failures =
      known !== undefined && now - known.last < LONGEST_LOCK_MS
        ? known
        : { count: 0, lockedUntil: 0, last: now };
    failures.count += 1;
    failures.last = now;
    const over = failures.count - FREE_FAILURES;
    if (over >= 0) {
      failures.lockedUntil = now + Math.min(FIRST_LOCK_MS * 2 ** over, LONGEST_LOCK_MS);
    }
    // Re-inserted, so that the map's order is the order of last failures and the oldest is forgotten first.
    this.#failures.delete(name);
    this.#failures.set(name, failures);
    if (this.#failures.size > MAX_NAMES) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }
}
