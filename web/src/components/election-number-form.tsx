import { useState } from 'preact/hooks';
import type { Problem } from '../api/problem.ts';
import { useWords } from '../i18n/language.ts';
import { ErrorSummary, fieldMessage } from './error-summary.tsx';
import { TextField } from './text-field.tsx';

/** An election's number: the unit's KATO code and election day, as the API names elections. */
export const ELECTION_ID_PATTERN = /^\d{9}-\d{4}-\d{2}-\d{2}$/;

/** Typing an election's number to open it; a number of the wrong form is said here, before any request. */
export function ElectionNumberForm(props: {
  readonly form: string;
  readonly open: (electionId: string) => void;
}) {
  const { t } = useWords();
  const [electionId, setElectionId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const id = electionId.trim();
    if (!ELECTION_ID_PATTERN.test(id)) {
      const message = t('electionIdInvalid');
      setProblem({ code: 'INVALID', message, fields: [{ field: 'electionId', message }] });
      return;
    }
    setProblem(null);
    props.open(id);
  };
  return (
    <>
      {problem && <ErrorSummary problem={problem} form={props.form} />}
      <form onSubmit={submit} noValidate>
        <TextField
          form={props.form}
          name="electionId"
          label={t('electionIdLabel')}
          hint={t('electionIdHint')}
          error={fieldMessage(problem, 'electionId')}
          value={electionId}
          onInput={setElectionId}
          inputMode="numeric"
        />
        <button type="submit">{t('open')}</button>
      </form>
    </>
  );
}
