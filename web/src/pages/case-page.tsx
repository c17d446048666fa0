import { outcome } from '../api/problem.ts';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { eligibilityFindings, signatureCounts } from '../lib/case-findings.ts';
import { electionGrounds, electionTimeZone, nominatorText, routeText } from '../lib/election-facts.ts';
import { formatInstant, formatLocalDate } from '../lib/local-time.ts';
import { signatureReasonText } from '../lib/signature-reasons.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { caseWorkflow } from '../lib/workflow-drawing/definitions.ts';
import { WorkflowDiagram } from '../lib/workflow-drawing/WorkflowDiagram.tsx';
import { hrefOf } from '../routes.ts';
import { BulkUpload } from './bulk-upload.tsx';
import {
  CommunityConsentForm,
  PaperSheetsForm,
  PartyConfirmationForm,
  WithdrawalForm,
} from './case-actions.tsx';
import { CaseDocuments } from './case-documents.tsx';
import { CancellationForm, RegistrationDecisionForm, ReinstatementForm } from './decision-forms.tsx';
import { RejectedLines } from './rejected-lines.tsx';

/**
 * A case as the commission works it: status, what it waits for from whom until when, its deadlines, findings
 * with their legal grounds, the signature verdict, the timeline, and the decision the status allows.
 */
export function CasePage({ electionId, caseId }: { readonly electionId: string; readonly caseId: string }) {
  const words = useWords();
  const { t, label, language } = words;
  const { client, user } = useDesk();
  const [page, reload] = useOutcome(async () => {
    const path = { params: { path: { electionId, caseId } } };
    const [election, found, trail] = await Promise.all([
      outcome(client.GET('/elections/{electionId}', { params: { path: { electionId } } }), t('networkError')),
      outcome(client.GET('/elections/{electionId}/cases/{caseId}', path), t('networkError')),
      outcome(client.GET('/elections/{electionId}/cases/{caseId}/timeline', path), t('networkError')),
    ]);
    if (!election.ok) return election;
    if (!found.ok) return found;
    if (!trail.ok) return trail;
    return { ok: true as const, data: { election: election.data, found: found.data, trail: trail.data } };
  }, [electionId, caseId, language]);
  const title = page?.ok === true ? t('caseTitle', { name: page.data.found.candidate.fullName }) : caseId;
  usePageTitle(title);
  const commission = user?.role === 'commission';
  return (
    <>
      <p>
        <a href={hrefOf({ page: 'election', electionId })}>← {electionId}</a>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <Loaded outcome={page}>
        {({ election, found, trail }) => {
          const zone = electionTimeZone(election);
          const at = (instant: string) => formatInstant(instant, language, zone);
          const findings = eligibilityFindings(found.findings);
          const signatures = signatureCounts(found.findings);
          return (
            <>
              <dl class="facts">
                <div>
                  <dt>{t('colStatus')}</dt>
                  <dd>
                    <span class={`tag tag-${found.status}`}>{label('status', found.status)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('colRoute')}</dt>
                  <dd>
                    {routeText(found.route, words)}
                    {found.nominator !== null && <> · {nominatorText(found.nominator, words)}</>}
                  </dd>
                </div>
                <div>
                  <dt>{t('filedAt')}</dt>
                  <dd>{at(found.filedAt)}</dd>
                </div>
              </dl>
              <p class="waiting">
                {found.waitingFor === null
                  ? t('waitsForNothing')
                  : t('waitsFor', {
                      step: label('step', found.waitingFor.step),
                      from: label('from', found.waitingFor.from),
                      deadline: at(found.waitingFor.deadline),
                    })}
              </p>

              <section aria-labelledby="deadlines-title">
                <h2 id="deadlines-title">{t('deadlines')}</h2>
                <dl class="calendar">
                  {Object.entries(found.deadlines).flatMap(([name, instant]) =>
                    typeof instant === 'string'
                      ? [
                          <div key={name}>
                            <dt>{label('deadline', name)}</dt>
                            <dd>
                              <time dateTime={instant}>{at(instant)}</time>
                            </dd>
                          </div>,
                        ]
                      : [],
                  )}
                </dl>
              </section>

              <section aria-labelledby="findings-title">
                <h2 id="findings-title">{t('findings')}</h2>
                {findings.length === 0 ? (
                  <p>{t('noFindings')}</p>
                ) : (
                  <ul class="findings">
                    {findings.map((finding) => (
                      <li key={finding.code} class={`finding finding-${finding.effect}`}>
                        {/* The message names its legal ground in words; a code this version lacks words for, by its ground. */}
                        {finding.message?.[language] ??
                          `${finding.code} (${t('legalGround', { ground: finding.ground })})`}
                      </li>
                    ))}
                  </ul>
                )}
                <h3>{t('specialCheck')}</h3>
                <p>
                  {t('specialCheckDue', {
                    received: formatLocalDate(found.specialCheck.documentsReceivedOn, language),
                    due: formatLocalDate(found.specialCheck.dueOn, language),
                  })}
                </p>
                {found.specialCheck.warning && <p class="warning">{found.specialCheck.warning[language]}</p>}
              </section>

              {signatures && (
                <section aria-labelledby="signatures-title">
                  <h2 id="signatures-title">{t('signatures')}</h2>
                  <p>
                    {t('signaturesSummary', {
                      valid: signatures.validCount,
                      required: signatures.required,
                      rejected: signatures.rejectedCount,
                    })}
                  </p>
                  <p class={signatures.sufficient ? 'ok' : 'rejected'}>
                    {signatures.sufficient
                      ? t('signaturesSufficient')
                      : t('signaturesShort', { shortfall: signatures.shortfall })}
                  </p>
                  {Object.keys(signatures.reasons).length > 0 && (
                    <div class="table-scroll">
                      <table>
                        <caption>{t('rejectedLines')}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('colReason')}</th>
                            <th scope="col">{t('colCount')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {Object.entries(signatures.reasons).map(([reason, count]) => (
                            <tr key={reason} class="rejected">
                              <td>{signatureReasonText(reason, words)}</td>
                              <td>{count}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  {signatures.rejectedCount > 0 &&
                    (user?.role === 'commission' || user?.role === 'candidate') && (
                      <RejectedLines electionId={electionId} caseId={caseId} />
                    )}
                </section>
              )}

              <CaseDocuments
                electionId={electionId}
                caseId={caseId}
                found={found}
                signatures={signatures !== null}
              />

              <section aria-labelledby="workflow-title">
                <h2 id="workflow-title">{t('workflowTitle')}</h2>
                <WorkflowDiagram
                  machine={caseWorkflow}
                  events={trail.timeline}
                  title={t('workflowTitle')}
                  language={language}
                  labels={{
                    current: t('stateCurrent'),
                    passed: t('statePassed'),
                    notPassed: t('stateNotPassed'),
                  }}
                />
              </section>

              <section aria-labelledby="timeline-title">
                <h2 id="timeline-title">{t('timeline')}</h2>
                {trail.timeline.length === 0 ? (
                  <p>{t('noTimeline')}</p>
                ) : (
                  <ol class="timeline">
                    {trail.timeline.map((entry) => (
                      <li key={entry.eventId}>
                        <time dateTime={entry.at}>{at(entry.at)}</time>
                        <br />
                        <strong>{label('event', entry.event)}</strong>
                        {entry.to !== null && <> → {label('status', entry.to)}</>}
                        <br />
                        <span class="secondary">
                          {t('actor', { actor: label('from', entry.actor.role) })}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>

              <CaseActions
                electionId={electionId}
                caseId={caseId}
                status={found.status}
                role={user?.role ?? null}
                onDone={reload}
              />

              {commission && (
                <section aria-labelledby="decisions-title">
                  <h2 id="decisions-title">{t('decisions')}</h2>
                  {found.status === 'AwaitingRegistrationDecision' && (
                    <>
                      <RegistrationDecisionForm
                        electionId={electionId}
                        caseId={caseId}
                        grounds={[]}
                        refuse={false}
                        onDone={reload}
                      />
                      <RegistrationDecisionForm
                        electionId={electionId}
                        caseId={caseId}
                        grounds={electionGrounds(election, 'refusalGrounds')}
                        refuse
                        onDone={reload}
                      />
                    </>
                  )}
                  {found.status === 'Registered' && (
                    <CancellationForm
                      electionId={electionId}
                      caseId={caseId}
                      grounds={electionGrounds(election, 'cancellationGrounds')}
                      onDone={reload}
                    />
                  )}
                  {(found.status === 'Refused' || found.status === 'RegistrationCancelled') && (
                    <ReinstatementForm electionId={electionId} caseId={caseId} onDone={reload} />
                  )}
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** Statuses in which a candidate may still withdraw (or a party revoke): live, or registered. */
const withdrawable = new Set([
  'AwaitingPartyConfirmation',
  'AwaitingSignatures',
  'AwaitingCommunityConsent',
  'CheckingEligibility',
  'AwaitingRegistrationDecision',
  'Registered',
]);

/** What the signed-in party, candidate, akimat or commission can do with the case in its status. */
function CaseActions(props: {
  readonly electionId: string;
  readonly caseId: string;
  readonly status: string;
  readonly role: 'commission' | 'akimat' | 'party' | 'candidate' | null;
  readonly onDone: () => void;
}) {
  const { t } = useWords();
  const { status, role } = props;
  const forms = [
    role === 'party' && status === 'AwaitingPartyConfirmation' && (
      <PartyConfirmationForm key="party" {...props} />
    ),
    (role === 'candidate' || role === 'commission') && status === 'AwaitingSignatures' && (
      <BulkUpload key="upload" {...props} title={t('uploadTitle')} hint={t('uploadHint')} />
    ),
    role === 'commission' && status === 'AwaitingSignatures' && <PaperSheetsForm key="paper" {...props} />,
    role === 'akimat' && status === 'AwaitingCommunityConsent' && (
      <CommunityConsentForm key="consent" {...props} />
    ),
    (role === 'candidate' || role === 'party') && withdrawable.has(status) && (
      <WithdrawalForm key="withdraw" {...props} />
    ),
  ].filter((form) => form !== false);
  if (forms.length === 0) return null;
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions')}</h2>
      {forms}
    </section>
  );
}
