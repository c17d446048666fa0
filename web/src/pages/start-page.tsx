import { useState } from 'preact/hooks';
import type { Problem } from '../api/problem.ts';
import { ErrorSummary, fieldMessage } from '../components/error-summary.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TextField } from '../components/text-field.tsx';
import { useWords } from '../i18n/language.ts';
import { hrefOf } from '../routes.ts';

/** An election's number: the unit's KATO code and election day, as the API names elections. */
export const ELECTION_ID_PATTERN = /^\d{9}-\d{4}-\d{2}-\d{2}$/;

/** The way in for anyone: type an election's number, see its public list. */
export function StartPage() {
  const { t } = useWords();
  usePageTitle(t('startTitle'));
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
    location.hash = hrefOf({ page: 'public', electionId: id });
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('startTitle')}</h1>
      <p>{t('startIntro')}</p>
      {problem && <ErrorSummary problem={problem} form="find" />}
      <form onSubmit={submit} noValidate>
        <TextField
          form="find"
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
