import { outcome } from '../api/problem.ts';
import { ExportButtons } from '../components/export-buttons.tsx';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { StackedTable } from '../components/stacked-table.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { electionTimeZone, nominatorText, routeText, unitName } from '../lib/election-facts.ts';
import { registeredListTable } from '../lib/exports/tables.ts';
import { formatInstant, formatLocalDate } from '../lib/local-time.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';

/** Anyone's page: the election's registered candidates, and its refusals and cancellations with their grounds. */
export function PublicElectionPage({ electionId }: { readonly electionId: string }) {
  const words = useWords();
  const { t, label, language } = words;
  const { client } = useDesk();
  const [page] = useOutcome(async () => {
    const path = { params: { path: { electionId } } };
    const [election, list] = await Promise.all([
      outcome(client.GET('/elections/{electionId}', path), t('networkError')),
      outcome(client.GET('/elections/{electionId}/candidates', path), t('networkError')),
    ]);
    if (!election.ok) return election;
    if (!list.ok) return list;
    return { ok: true as const, data: { election: election.data, list: list.data } };
  }, [electionId, language]);
  const title =
    page?.ok === true
      ? t('publicTitle', { unit: unitName(page.data.election.unit, language) })
      : t('registeredCandidates');
  usePageTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <Loaded outcome={page}>
        {({ election, list }) => {
          const zone = electionTimeZone(election);
          return (
            <>
              <p>{t('electionDayIs', { date: formatLocalDate(election.electionDay, language) })}</p>
              <p class="tag">{list.final ? t('listFinal') : t('listNotFinal')}</p>
              {list.unreadableCases > 0 && <p class="warning">{t('unreadableCases')}</p>}
              <section aria-labelledby="registered-title">
                <h2 id="registered-title">{t('registeredCandidates')}</h2>
                {list.candidates.length === 0 ? (
                  <p>{t('noRegistered')}</p>
                ) : (
                  <StackedTable
                    headers={[t('colName'), t('colRoute'), t('colNominator'), t('colRegisteredAt')]}
                  >
                    {list.candidates.map((candidate) => (
                      <tr key={candidate.caseId}>
                        <td>{candidate.fullName}</td>
                        <td data-label={t('colRoute')}>{routeText(candidate.route, words)}</td>
                        <td data-label={t('colNominator')}>{nominatorText(candidate.nominator, words)}</td>
                        <td data-label={t('colRegisteredAt')}>
                          {candidate.registeredAt === null
                            ? ''
                            : formatInstant(candidate.registeredAt, language, zone)}
                        </td>
                      </tr>
                    ))}
                  </StackedTable>
                )}
                <ExportButtons
                  fileName={`registered-${electionId}`}
                  table={() =>
                    registeredListTable(
                      list,
                      {
                        sheetName: t('registeredCandidates'),
                        number: '№',
                        fullName: t('colName'),
                        route: t('colRoute'),
                        nominator: t('colNominator'),
                        registeredAt: t('colRegisteredAt'),
                        routeName: (route) => routeText(route, words),
                        nominatorName: (nominator) => nominatorText(nominator, words),
                      },
                      zone,
                    )
                  }
                />
                <p>
                  {(['kk', 'ru'] as const).map((documentLanguage) => (
                    <span key={documentLanguage}>
                      <a href={hrefOf({ page: 'list-document', electionId, language: documentLanguage })}>
                        {t('documentIn', {
                          document: label('document', 'registered-list'),
                          language: documentLanguage === 'kk' ? t('inKazakh') : t('inRussian'),
                        })}
                      </a>{' '}
                    </span>
                  ))}
                </p>
              </section>
              <section aria-labelledby="refused-title">
                <h2 id="refused-title">{t('refusedOrCancelled')}</h2>
                {list.refusedOrCancelled.length === 0 ? (
                  <p>{t('noRefusedOrCancelled')}</p>
                ) : (
                  <StackedTable headers={[t('colName'), t('colOutcome'), t('colDecidedAt'), t('colGrounds')]}>
                    {list.refusedOrCancelled.map((decision) => (
                      <tr key={decision.caseId}>
                        <td>
                          {/* Isolated: a direction control in a name stops at it, not at the nominator. */}
                          <bdi>{decision.fullName}</bdi>
                          <br />
                          <span class="secondary">{nominatorText(decision.nominator, words)}</span>
                        </td>
                        <td data-label={t('colOutcome')}>
                          {decision.decision === 'refused' ? t('outcomeRefused') : t('outcomeCancelled')}
                        </td>
                        <td data-label={t('colDecidedAt')}>
                          {formatInstant(decision.decidedAt, language, zone)}
                        </td>
                        <td data-label={t('colGrounds')}>
                          <ul class="plain">
                            {decision.grounds.map((ground) => (
                              <li key={ground.category}>{ground.text[language]}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </StackedTable>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
