import { useRef, useState } from 'preact/hooks';
import { outcome, type Problem } from '../api/problem.ts';
import { useWords } from '../i18n/language.ts';

/**
 * One submission's key, kept until the API answers: a form sent again after a lost answer is the same request
 * (Idempotency-Key), never a second one.
 */
export function useSubmission() {
  const { t } = useWords();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sending, setSending] = useState(false);
  // Held while a request is under way: a second press (or Enter) before the page redraws sends nothing.
  const inFlight = useRef(false);
  const send = async (
    call: (key: string) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  ) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setSending(true);
    const result = await outcome(call(key), t('networkError'));
    inFlight.current = false;
    setSending(false);
    if (result.ok) {
      setProblem(null);
      setKey(crypto.randomUUID());
      return true;
    }
    // A refusal is final for this body; the key goes with it, so that a corrected form is a new request.
    if (result.problem.code !== 'NETWORK') setKey(crypto.randomUUID());
    setProblem(withGatewayWords(result.problem, t));
    return false;
  };
  return { problem, sending, send, setProblem };
}

/**
 * A gateway's answer in the desk's words: too large (413), too many requests (429), the service unavailable (5xx);
 * anything else as the API said it, or as no answer.
 */
function withGatewayWords(problem: Problem, t: ReturnType<typeof useWords>['t']): Problem {
  const { status } = problem;
  if (status === undefined) return problem;
  const message =
    status === 413
      ? t('requestTooLarge')
      : status === 429
        ? t('tooManyRequests')
        : status >= 500
          ? t('serviceUnavailable')
          : problem.message;
  return { ...problem, message };
}

export function SubmitButton({ sending }: { readonly sending: boolean }) {
  const { t } = useWords();
  return (
    <button type="submit" disabled={sending} aria-busy={sending}>
      {sending ? t('sending') : t('submit')}
    </button>
  );
}
