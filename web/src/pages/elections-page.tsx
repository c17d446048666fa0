import type { Answer } from '../api/client.ts';
import { type Outcome, outcome } from '../api/problem.ts';
import { ElectionNumberForm } from '../components/election-number-form.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { unitName } from '../lib/election-facts.ts';
import { formatLocalDate } from '../lib/local-time.ts';
import { recentElections } from '../lib/recent-elections.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';
import { CallElectionForm } from './call-election-form.tsx';

/** A signed-in user's elections: opened by number, the recent ones kept on this device. */
export function ElectionsPage() {
  const { t, label, language } = useWords();
  usePageTitle(t('electionsTitle'));
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
  return (
    <>
      <h1 tabIndex={-1}>{t('electionsTitle')}</h1>
      <p>{t('electionsIntro')}</p>
      <ElectionNumberForm
        form="open"
        open={(electionId) => {
          location.hash = hrefOf({ page: 'election', electionId });
        }}
      />
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
