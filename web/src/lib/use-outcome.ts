import { useEffect, useState } from 'preact/hooks';
import type { Outcome } from '../api/problem.ts';

/**
 * The outcome of `load`, run again whenever one of `keys` changes (the language included, so that the API's
 * messages come in it); an answer to an earlier run that arrives late is dropped.
 */
export function useOutcome<T>(
  load: () => Promise<Outcome<T>>,
  keys: readonly unknown[],
): [Outcome<T> | null, () => void] {
  const [state, setState] = useState<Outcome<T> | null>(null);
  const [round, setRound] = useState(0);
  // Run again when `keys` (the inputs of `load`, named by the caller) change, or when asked to.
  useEffect(() => {
    let current = true;
    load().then((result) => {
      if (current) setState(result);
    });
    return () => {
      current = false;
    };
  }, [...keys, round]);
  return [state, () => setRound((r) => r + 1)];
}
