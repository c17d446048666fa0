import { useEffect, useState } from 'preact/hooks';
import { useWords } from '../i18n/language.ts';
import type { EngineClock } from '../lib/engine-clock.ts';
import { formatDuration } from '../lib/local-time.ts';

/** Time left until `deadline` by the engine's clock, once a second; "passed" after it. */
export function Countdown({ deadline, clock }: { readonly deadline: string; readonly clock: EngineClock }) {
  const { t, language } = useWords();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), 1000);
    return () => clearInterval(timer);
  }, [clock]);
  const left = Date.parse(deadline) - now;
  return left > 0 ? (
    <span class="countdown">{t('countdownLeft', { time: formatDuration(left, language) })}</span>
  ) : (
    <span class="countdown countdown-passed">{t('countdownPassed')}</span>
  );
}
