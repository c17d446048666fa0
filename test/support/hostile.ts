// Helpers for hostile tests: wrapped dependencies that pause or fail at a chosen call, and a self-nominee.
import type { Dependencies } from '../../functions/support/dependencies.ts';
import { aSelfFiling } from './candidates.ts';
import { newElectionInput } from './elections.ts';
import { candidateCaller, commission, startTestEngine, type TestEngine } from './engine.ts';
import { voterRows } from './signers.ts';

export const electionId = '195230100-2026-03-15';

/** A proxy of `target` whose named members are replaced; everything else is the target's, bound to it. */
export function wrap<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get: (t, name) => {
      if (Object.hasOwn(overrides, name)) return overrides[name as keyof T];
      const value: unknown = Reflect.get(t, name, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/** A gate: `wait()` resolves once `open()` is called. */
export function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait: () => opened, open };
}

/** A barrier for `n` parties: each `arrive()` resolves once all `n` have arrived. */
export function barrier(n: number) {
  let arrived = 0;
  const all = gate();
  return {
    arrive: async () => {
      arrived += 1;
      if (arrived === n) all.open();
      await all.wait();
    },
  };
}

/** An election with a register of `voterCount` voters and one self-nominee; `rules` as the election's. */
export async function selfNominee(
  voterCount = 1236,
  rules?: Parameters<typeof newElectionInput>[1],
  engine?: TestEngine,
) {
  const t = engine ?? (await startTestEngine());
  const voters = voterRows(voterCount);
  await t.operations.createElection(commission, {}, newElectionInput({}, rules));
  await t.operations.importVoterRegister(commission, { electionId }, { source: 'district list', voters });
  const filing = aSelfFiling(1);
  const caller = candidateCaller(filing.candidate.iin);
  const { caseId } = (await t.operations.fileNomination(caller, { electionId }, filing)) as {
    caseId: string;
  };
  return { t, voters, caller, caseId };
}

export type Deps = Dependencies;
