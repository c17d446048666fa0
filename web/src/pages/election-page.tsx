import { useState } from 'preact/hooks';
import type { Answer } from '../api/client.ts';
import { outcome } from '../api/problem.ts';
import { Countdown } from '../components/countdown.tsx';
import { ExportButtons } from '../components/export-buttons.tsx';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { SelectField } from '../components/select-field.tsx';
import { StackedTable } from '../components/stacked-table.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { type CaseFilter, filterCases, noFilter } from '../lib/case-filters.ts';
import {
  type ElectionView,
  electionTimeZone,
  nominatorText,
  routeText,
  unitName,
} from '../lib/election-facts.ts';
import type { EngineClock } from '../lib/engine-clock.ts';
import { casesTable } from '../lib/exports/tables.ts';
import { formatInstant, formatLocalDate } from '../lib/local-time.ts';
import { rememberElection } from '../lib/recent-elections.ts';
import { useEngineClock } from '../lib/use-engine-clock.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { hrefOf } from '../routes.ts';
import { AkimatWindow } from './akimat-window.tsx';
import { BulkUpload } from './bulk-upload.tsx';
import { FilingForm } from './filing-form.tsx';

const calendarOrder = [
  'nominationOpensAt',
  'nominationClosesAt',
  'extendedNominationClosesAt',
  'additionalCandidateClosesAt',
  'registrationClosesAt',
  'withdrawalClosesAt',
  'electionDayStartsAt',
] as const;

const statuses = [
  'AwaitingPartyConfirmation',
  'AwaitingSignatures',
  'AwaitingCommunityConsent',
  'CheckingEligibility',
  'AwaitingRegistrationDecision',
  'Registered',
  'Refused',
  'PartyDeclined',
  'SignaturesInsufficient',
  'ConsentRefused',
  'Withdrawn',
  'Revoked',
  'Lapsed',
  'RegistrationCancelled',
] as const;

/** A commission's election: the calendar with a live countdown to each deadline, the notices, the cases. */
export function ElectionPage({ electionId }: { readonly electionId: string }) {
  const { t, label, language } = useWords();
  const { client, user } = useDesk();
  const clock = useEngineClock(client);
  const [page, reload] = useOutcome(async () => {
    const path = { params: { path: { electionId } } };
    const [election, cases] = await Promise.all([
      outcome(client.GET('/elections/{electionId}', path), t('networkError')),
      outcome(client.GET('/elections/{electionId}/cases', path), t('networkError')),
    ]);
    if (!election.ok) return election;
    if (!cases.ok) return cases;
    rememberElection(electionId);
    return { ok: true as const, data: { election: election.data, cases: cases.data.cases } };
  }, [electionId, language]);
  const title =
    page?.ok === true
      ? t('electionTitle', { unit: unitName(page.data.election.unit, language) })
      : electionId;
  usePageTitle(title);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <Loaded outcome={page}>
        {({ election, cases }) => (
          <>
            <p>
              {t('electionDayIs', { date: formatLocalDate(election.electionDay, language) })} ·{' '}
              {t('phaseLabel')}: <span class="tag">{label('phase', election.phase)}</span> ·{' '}
              <a href={hrefOf({ page: 'public', electionId })}>{t('publicPageLink')}</a>
            </p>
            <p>
              {election.voterRegister === null
                ? t('noVoterRegister')
                : t('voterRegisterIs', { voters: election.voterRegister.voters })}
            </p>
            {user?.role === 'commission' && (
              <BulkUpload
                electionId={electionId}
                title={t('registerTitle')}
                hint={t('registerHint')}
                onDone={reload}
              />
            )}
            <AkimatWindow election={election} />
            <Calendar election={election} clock={clock} />
            <Notices election={election} />
            <Cases electionId={electionId} cases={cases} zone={electionTimeZone(election)} />
            {user?.role !== 'akimat' && <FilingForm electionId={electionId} />}
          </>
        )}
      </Loaded>
    </>
  );
}

function Calendar({
  election,
  clock,
}: {
  readonly election: ElectionView;
  readonly clock: EngineClock | null;
}) {
  const { t, label, language } = useWords();
  const zone = electionTimeZone(election);
  const steps = calendarOrder.filter(
    (step) => step !== 'extendedNominationClosesAt' || election.nominationExtended,
  );
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('calendar')}</h2>
      <dl class="calendar">
        {steps.map((step) => (
          <div key={step}>
            <dt>{label('deadline', step)}</dt>
            <dd>
              <time dateTime={election.calendar[step]}>
                {formatInstant(election.calendar[step], language, zone)}
              </time>
              {clock && (
                <>
                  {' · '}
                  <Countdown deadline={election.calendar[step]} clock={clock} />
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t(clock?.manual === true ? 'manualClockNote' : 'clockNote')}</p>
    </section>
  );
}

function Notices({ election }: { readonly election: ElectionView }) {
  const { t, language } = useWords();
  const zone = electionTimeZone(election);
  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('notices')}</h2>
      {election.notices.length === 0 ? (
        <p>{t('noNotices')}</p>
      ) : (
        <ul class="notices">
          {election.notices.map((notice) => (
            <li key={`${notice.code}-${notice.at}`}>
              <time dateTime={notice.at}>{formatInstant(notice.at, language, zone)}</time>:{' '}
              {notice.message?.[language] ?? notice.code}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type CaseRow = Answer<'listCases'>['cases'][number];

function Cases({
  electionId,
  cases,
  zone,
}: {
  readonly electionId: string;
  readonly cases: readonly CaseRow[];
  readonly zone: string;
}) {
  const words = useWords();
  const { t, label, language } = words;
  const [filter, setFilter] = useState<CaseFilter>(noFilter);
  const shown = filterCases(cases, filter);
  const all = { value: '', text: t('filterAll') };
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t('cases')}</h2>
      <div class="filters">
        <SelectField
          form="filter"
          name="status"
          label={t('filterStatus')}
          value={filter.status}
          options={[all, ...statuses.map((status) => ({ value: status, text: label('status', status) }))]}
          onChange={(status) => setFilter({ ...filter, status })}
        />
        <SelectField
          form="filter"
          name="route"
          label={t('filterRoute')}
          value={filter.route}
          options={[
            all,
            ...['party', 'self', 'akimat'].map((route) => ({ value: route, text: routeText(route, words) })),
          ]}
          onChange={(route) => setFilter({ ...filter, route })}
        />
        <SelectField
          form="filter"
          name="waitingFor"
          label={t('filterWaitingFor')}
          value={filter.waitingFor}
          options={[
            all,
            ...['commission', 'party', 'candidate', 'akimat'].map((from) => ({
              value: from,
              text: label('from', from),
            })),
            { value: 'nobody', text: t('waitingForNobody') },
          ]}
          onChange={(waitingFor) => setFilter({ ...filter, waitingFor })}
        />
      </div>
      <p aria-live="polite">{t('casesShown', { shown: shown.length, total: cases.length })}</p>
      <ExportButtons
        fileName={`cases-${electionId}`}
        table={() =>
          casesTable(
            { cases: shown },
            {
              sheetName: t('cases'),
              caseId: '№',
              fullName: t('colName'),
              iin: t('colIin'),
              route: t('colRoute'),
              nominator: t('colNominator'),
              status: t('colStatus'),
              waitingFor: t('colWaitingFor'),
              deadline: t('colDeadline'),
              filedAt: t('filedAt'),
              routeName: (route) => routeText(route, words),
              nominatorName: (nominator) => nominatorText(nominator, words),
              statusName: (status) => label('status', status),
              whoName: (who) => label('from', who),
            },
            zone,
          )
        }
      />
      {shown.length === 0 ? (
        <p>{t('noCases')}</p>
      ) : (
        <StackedTable headers={[t('colName'), t('colStatus'), t('colWaitingFor')]}>
          {shown.map((c) => (
            <tr key={c.caseId}>
              <td>
                <a href={hrefOf({ page: 'case', electionId, caseId: c.caseId })}>
                  <bdi>{c.candidate.fullName}</bdi>
                </a>
                <br />
                <span class="secondary">{nominatorText(c.nominator, words)}</span>
              </td>
              <td data-label={t('colStatus')}>
                <span class={`tag tag-${c.status}`}>{label('status', c.status)}</span>
              </td>
              <td data-label={t('colWaitingFor')}>
                {c.waitingFor === null
                  ? t('waitingForNobody')
                  : `${label('from', c.waitingFor.from)}, ${formatInstant(c.waitingFor.deadline, language, zone)}`}
              </td>
            </tr>
          ))}
        </StackedTable>
      )}
    </section>
  );
}
