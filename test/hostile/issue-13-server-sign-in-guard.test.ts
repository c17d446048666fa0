// Issue 13, the sign-in guard alone: how long a guesser waits, how many password checks run at once, and how
// much a guesser trying many names can make the engine remember. A clock of the test's own moves time.
import { describe, expect, it } from 'vitest';
import { SignInGuard } from '../../infra/local/accounts/sign-in-guard.ts';

const wrong = async () => ({ matched: false });
const right = async () => ({ matched: true });

function guardAt(start = 0) {
  const clock = { now: start };
  return { clock, guard: new SignInGuard(() => clock.now) };
}

describe('the sign-in guard', () => {
  it('locks a name for a minute after ten wrong passwords, then for twice as long at each further one', async () => {
    const { clock, guard } = guardAt();
    for (let i = 0; i < 10; i += 1) expect(await guard.check('clerk', wrong)).toEqual({ matched: false });
    expect(await guard.check('clerk', right)).toBe('throttled');
    expect(await guard.check(' CLERK ', right)).toBe('throttled');
    clock.now += 60_001;
    expect(await guard.check('clerk', wrong)).toEqual({ matched: false });
    clock.now += 60_001;
    expect(await guard.check('clerk', right)).toBe('throttled');
    clock.now += 60_000;
    expect(await guard.check('clerk', right)).toEqual({ matched: true });
    // The right password starts the name afresh.
    expect(await guard.check('clerk', wrong)).toEqual({ matched: false });
    expect(await guard.check('clerk', right)).toEqual({ matched: true });
  });

  it('forgets wrong passwords older than a quarter of an hour: a typo now and then never locks anyone out', async () => {
    const { clock, guard } = guardAt();
    for (let day = 0; day < 30; day += 1) {
      clock.now += 86_400_000;
      expect(await guard.check('clerk', wrong)).toEqual({ matched: false });
    }
    expect(await guard.check('clerk', right)).toEqual({ matched: true });
  });

  it('never locks one name for another’s guesses', async () => {
    const { guard } = guardAt();
    for (let i = 0; i < 12; i += 1) await guard.check('victim', wrong);
    expect(await guard.check('victim', right)).toBe('throttled');
    expect(await guard.check('colleague', right)).toEqual({ matched: true });
  });

  it('runs two checks at once, keeps 32 waiting in turn, and turns the rest away at once', async () => {
    const { guard } = guardAt();
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const slow = () =>
      new Promise<{ matched: boolean }>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        releases.push(() => {
          running -= 1;
          resolve({ matched: false });
        });
      });
    const all = Array.from({ length: 40 }, (_, i) => guard.check(`name.${i}`, slow));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(running).toBe(2);
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const outcomes = await Promise.all(all);
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(6);
    expect(outcomes.filter((o) => typeof o === 'object')).toHaveLength(34);
    expect(most).toBe(2);
  });

  it('remembers at most ten thousand names, however many a guesser tries', async () => {
    const { guard } = guardAt();
    for (let i = 0; i < 10; i += 1) await guard.check('first.victim', wrong);
    expect(await guard.check('first.victim', right)).toBe('throttled');
    for (let i = 0; i < 10_001; i += 1) await guard.check(`guess.${i}`, wrong);
    // The oldest name was forgotten to make room: memory stays bounded, the lock with it.
    expect(await guard.check('first.victim', right)).toEqual({ matched: true });
  });
});
