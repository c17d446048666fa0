import type { ComponentChildren } from 'preact';
import type { Outcome } from '../api/problem.ts';
import { useWords } from '../i18n/language.ts';

/** A page's data once it has come: "loading" before, the API's message if it failed. */
export function Loaded<T>({
  outcome,
  children,
}: {
  readonly outcome: Outcome<T> | null;
  readonly children: (data: T) => ComponentChildren;
}) {
  const { t } = useWords();
  if (outcome === null) return <p aria-busy="true">{t('loading')}</p>;
  if (!outcome.ok)
    return (
      <div class="error-summary" role="alert">
        <p>{outcome.problem.message}</p>
      </div>
    );
  return <>{children(outcome.data)}</>;
}
