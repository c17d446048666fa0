import { useState } from 'preact/hooks';
import type { Answer } from '../api/client.ts';
import { outcome, type Problem } from '../api/problem.ts';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { nominatorText } from '../lib/election-facts.ts';
import { formatInstant, formatLocalDate } from '../lib/local-time.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';

type MyCase = Answer<'listMyCases'>['cases'][number];

/**
 * "My cases": a party's secretary sees the party's nominees, a candidate their own candidacies, across the
 * elections of the district that manages the account, newest election first, each as it now stands (withdrawn,
 * refused and cancelled ones too), 20 at a time.
 */
export function MyCasesPage() {
  const words = useWords();
  const { t, language } = words;
  const { client, user } = useDesk();
  usePageTitle(t('myCasesTitle'));
  // Later pages, added under the first by "Show more"; the first is read again when the language changes.
  const [more, setMore] = useState<{ cases: MyCase[]; next: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Why the last "Show more" failed, said where the first page's problem would be; the button stays to try again.
  const [moreProblem, setMoreProblem] = useState<Problem | null>(null);
  const [first] = useOutcome(() => {
    setMore(null);
    setMoreProblem(null);
    return outcome(client.GET('/my-cases', { params: { query: {} } }), t('networkError'));
  }, [language]);
  const showMore = async (cursor: string) => {
    setLoadingMore(true);
    const page = await outcome(client.GET('/my-cases', { params: { query: { cursor } } }), t('networkError'));
    setLoadingMore(false);
    if (!page.ok) {
      setMoreProblem(page.problem);
      return;
    }
    setMoreProblem(null);
    setMore((shown) => ({ cases: [...(shown?.cases ?? []), ...page.data.cases], next: page.data.next }));
  };
  return (
    <>
      <h1 tabIndex={-1}>{t('myCasesTitle')}</h1>
      <p>{user?.role === 'party' ? t('myCasesIntroParty') : t('myCasesIntroCandidate')}</p>
      <Loaded outcome={first}>
        {(data) => {
          const cases = [...data.cases, ...(more?.cases ?? [])];
          const next = more === null ? data.next : more.next;
          return (
            <>
              {cases.length === 0 ? (
                <p>{t('myCasesEmpty')}</p>
              ) : (
                <ul class="my-cases">
                  {cases.map((c) => (
                    <li key={c.caseId}>
                      <a href={hrefOf({ page: 'case', electionId: c.electionId, caseId: c.caseId })}>
                        {c.candidate.fullName}
                      </a>
                      <br />
                      {language === 'kk' ? c.election.unitNameKk : c.election.unitNameRu} ·{' '}
                      {formatLocalDate(c.election.electionDay, language)} ·{' '}
                      {nominatorText(c.nominator, words)}
                      <br />
                      <span class="tag">{words.label('status', c.status)}</span>
                      {c.waitingFor !== null && (
                        <>
                          {' '}
                          {t('waitsFor', {
                            step: words.label('step', c.waitingFor.step),
                            from: words.label('from', c.waitingFor.from),
                            deadline: formatInstant(c.waitingFor.deadline, language, c.election.timeZone),
                          })}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {moreProblem !== null && (
                <div class="error-summary" role="alert">
                  <p>{moreProblem.message}</p>
                </div>
              )}
              {next !== null && (
                <p>
                  <button
                    type="button"
                    class="secondary-button"
                    disabled={loadingMore}
                    onClick={() => showMore(next)}
                  >
                    {t('myCasesMore')}
                  </button>
                </p>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}
