import { useEffect, useRef } from 'preact/hooks';
import type { Problem } from '../api/problem.ts';
import { useWords } from '../i18n/language.ts';

/** The id of a form field's input, which the summary links to (a field path such as `grounds.0` included). */
export function fieldId(form: string, field: string): string {
  return `${form}-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/**
 * The GOV.UK error summary: at the top of the form, focused when it appears so that a screen reader says it,
 * the API's message and a link to each field at fault.
 */
export function ErrorSummary({ problem, form }: { readonly problem: Problem; readonly form: string }) {
  const { t } = useWords();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [problem]);
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={`${form}-error-title`}>
      <h2 id={`${form}-error-title`}>{t('errorSummaryTitle')}</h2>
      <p>{problem.message}</p>
      {problem.fields.length > 0 && (
        <ul>
          {problem.fields.map((issue) => (
            <li key={issue.field}>
              <a href={`#${fieldId(form, issue.field)}`} onClick={focusField(fieldId(form, issue.field))}>
                {issue.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Hash links would change the desk's route: the link moves focus to its field instead. */
function focusField(id: string) {
  return (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
}

/** The API's message for one field (or any field under it), shown beside that field. */
export function fieldMessage(problem: Problem | null, field: string): string | undefined {
  return problem?.fields.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))
    ?.message;
}
