import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../support/engine.ts';

const AT = '2026-02-16T13:00:00.000Z';

/**
 * A deadline of every election in the country is thousands of wake-ups at one instant. They fire 64 at a time,
 * each group's executions let to rest before the next, and the move says how far it has got.
 */
describe('the manual clock at an instant with many wake-ups', () => {
  it('fires 130 wake-ups in groups of at most 64, each let to rest before the next, each once, and forgets them', async () => {
    const t = await startTestEngine({ start: '2026-02-16T12:00:00.000Z' });
    const { engine } = t;
    for (let i = 0; i < 130; i += 1) await engine.wakeUps.wakeAt(AT, `token-${i}`, { i });
    const steps: string[] = [];
    const signalled: string[] = [];
    const progress: (string | null)[] = [];
    engine.workflows.sendTaskSuccess = async (token) => {
      steps.push('signal');
      signalled.push(token);
    };
    const settled = engine.workflows.settled.bind(engine.workflows);
    engine.workflows.settled = async () => {
      steps.push('rest');
      const p = engine.clockProgress();
      progress.push(p === null ? null : `${p.fired}/${p.due}`);
      await settled();
    };

    t.clock.set(AT);
    await engine.tick();

    const groups = steps
      .join(' ')
      .split('rest')
      .map((group) => group.trim().split(' ').filter(Boolean).length)
      .filter((n) => n > 0);
    expect(groups).toEqual([64, 64, 2]);
    expect(new Set(signalled).size).toBe(130);
    expect(signalled).toHaveLength(130);
    // While each group rests, the progress says how many have fired of how many.
    expect(progress.filter((p) => p !== null)).toEqual(['64/130', '128/130', '130/130']);
    expect(engine.clockProgress()).toBeNull();
    expect(await engine.wakeUps.due(AT)).toEqual([]);
    expect(await engine.wakeUps.next()).toBeNull();
  });
});
