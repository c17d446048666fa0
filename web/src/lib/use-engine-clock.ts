import { useEffect, useState } from 'preact/hooks';
import type { DeskClient } from '../api/client.ts';
import { ENGINE_CLOCK_REREAD_MS, type EngineClock, readEngineClock } from './engine-clock.ts';

/**
 * The engine's clock, read when the page opens, again every ENGINE_CLOCK_REREAD_MS and whenever the tab comes back
 * into view. Null until a first reading: with no engine time there is no countdown, rather than one by the browser's
 * clock. A reading that fails keeps the last one; an answer overtaken by a later question is dropped.
 */
export function useEngineClock(client: DeskClient): EngineClock | null {
  const [clock, setClock] = useState<EngineClock | null>(null);
  useEffect(() => {
    let asked = 0;
    let stopped = false;
    const read = () => {
      asked += 1;
      const question = asked;
      readEngineClock(client).then((reading) => {
        if (!stopped && question === asked && reading !== null) setClock(reading);
      });
    };
    const readWhenShown = () => {
      if (document.visibilityState === 'visible') read();
    };
    read();
    const timer = setInterval(read, ENGINE_CLOCK_REREAD_MS);
    document.addEventListener('visibilitychange', readWhenShown);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', readWhenShown);
    };
  }, [client]);
  return clock;
}
