import { useEffect, useState } from 'preact/hooks';
import { useWords } from '../i18n/language.ts';
import type { EngineClock } from '../lib/engine-clock.ts';
import { formatDuration } from '../lib/local-time.ts';

/**
 * Time left until `deadline` by the engine's clock, "passed" after it. It ticks once a second only while the engine's
 * clock runs by itself: a manual clock stands still until it is moved, and so does the countdown.
 */
export function Countdown({ deadline, clock }: { readonly deadline: string; readonly clock: EngineClock }) {
  const { t, language } = useWords();
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (clock.manual) return;
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), 1000);
    return () => clearInterval(timer);
  }, [clock]);
  const left = Date.parse(deadline) - clock.now();
  return left > 0 ? (
    <span class="countdown">{t('countdownLeft', { time: formatDuration(left, language) })}</span>
  ) : (
    <span class="countdown countdown-passed">{t('countdownPassed')}</span>
  );
}
