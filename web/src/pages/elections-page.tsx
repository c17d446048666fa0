import { useState } from 'preact/hooks';
import type { Answer } from '../api/client.ts';
import type { Problem } from '../api/problem.ts';
import { type Outcome, outcome } from '../api/problem.ts';
import { ErrorSummary, fieldMessage } from '../components/error-summary.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TextField } from '../components/text-field.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { unitName } from '../lib/election-facts.ts';
import { formatLocalDate } from '../lib/local-time.ts';
import { recentElections } from '../lib/recent-elections.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';
import { CallElectionForm } from './call-election-form.tsx';
import { ELECTION_ID_PATTERN } from './start-page.tsx';

/** A signed-in user's elections: opened by number, the recent ones kept on this device. */
export function ElectionsPage() {
  const { t, label, language } = useWords();
  usePageTitle(t('electionsTitle'));
  const [electionId, setElectionId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const recent = recentElections();
  const { client, user } = useDesk();
  const district = user?.district;
  // A commission's or akimat's district elections; a party or candidate opens theirs by number.
  const [listed] = useOutcome(
    async (): Promise<Outcome<Answer<'listElections'> | null>> =>
      district === undefined
        ? { ok: true, data: null }
        : outcome(client.GET('/elections', { params: { query: { district } } }), t('networkError')),
    [district, language],
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const id = electionId.trim();
    if (!ELECTION_ID_PATTERN.test(id)) {
      const message = t('electionIdInvalid');
      setProblem({ code: 'INVALID', message, fields: [{ field: 'electionId', message }] });
      return;
    }
    location.hash = hrefOf({ page: 'election', electionId: id });
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('electionsTitle')}</h1>
      <p>{t('electionsIntro')}</p>
      {problem && <ErrorSummary problem={problem} form="open" />}
      <form onSubmit={submit} noValidate>
        <TextField
          form="open"
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
      {listed?.ok === true && listed.data !== null && (
        <>
          <h2>{t('districtElections')}</h2>
          <ul>
            {listed.data.elections.map((election) => (
              <li key={election.electionId}>
                <a href={hrefOf({ page: 'election', electionId: election.electionId })}>
                  {unitName(election.unit, language)}
                </a>{' '}
                · {formatLocalDate(election.electionDay, language)} · {label('phase', election.phase)}
              </li>
            ))}
          </ul>
        </>
      )}
      {user?.role === 'commission' && <CallElectionForm />}
      <h2>{t('recentElections')}</h2>
      {recent.length === 0 ? (
        <p>{t('noRecentElections')}</p>
      ) : (
        <ul>
          {recent.map((id) => (
            <li key={id}>
              <a href={hrefOf({ page: 'election', electionId: id })}>{id}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
