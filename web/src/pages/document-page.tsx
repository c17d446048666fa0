import type { DeskClient } from '../api/client.ts';
import { type Outcome, outcome } from '../api/problem.ts';
import { Loaded } from '../components/loaded.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useDesk } from '../desk-context.ts';
import { decisionDocument } from '../documents/decision-documents.ts';
import type { DocumentContext } from '../documents/document-context.ts';
import type { DocumentText } from '../documents/document-text.ts';
import { PrintableDocument } from '../documents/PrintableDocument.tsx';
import { registeredList } from '../documents/registered-list.ts';
import { signatureProtocol } from '../documents/signature-protocol.ts';
import { useWords } from '../i18n/language.ts';
import { signatureCounts } from '../lib/case-findings.ts';
import { type ElectionView, electionTimeZone } from '../lib/election-facts.ts';
import { useOutcome } from '../lib/use-outcome.ts';
import { type CaseDocumentKind, type DocumentLanguage, hrefOf } from '../routes.ts';
import { recordedLines } from './rejected-lines.tsx';

function contextOf(election: ElectionView): DocumentContext {
  return {
    election: {
      unit: election.unit,
      electionDay: election.electionDay,
      timeZone: electionTimeZone(election),
    },
    // The signatories and the commission's name as given when the election was called; blanks where it was not.
    ...(election.commission === null ? {} : { commission: election.commission }),
  };
}

async function caseDocument(
  client: DeskClient,
  electionId: string,
  caseId: string,
  kind: CaseDocumentKind,
  language: DocumentLanguage,
  networkMessage: string,
): Promise<Outcome<DocumentText | null>> {
  const path = { params: { path: { electionId, caseId } } };
  const [election, found, trail] = await Promise.all([
    outcome(client.GET('/elections/{electionId}', { params: { path: { electionId } } }), networkMessage),
    outcome(client.GET('/elections/{electionId}/cases/{caseId}', path), networkMessage),
    outcome(client.GET('/elections/{electionId}/cases/{caseId}/timeline', path), networkMessage),
  ]);
  if (!election.ok) return election;
  if (!found.ok) return found;
  if (!trail.ok) return trail;
  const context = contextOf(election.data);
  if (kind !== 'signature-protocol') {
    return { ok: true, data: decisionDocument(found.data, kind, context, language) };
  }
  const counts = signatureCounts(found.data.findings);
  const verified = trail.data.timeline.findLast((entry) => entry.event === 'SignaturesVerified');
  if (counts === null || verified === undefined) return { ok: true, data: null };
  const lines = await recordedLines(client, electionId, caseId, networkMessage);
  if (!lines.ok) return lines;
  const rejected = lines.data.flatMap(({ sheet, line, reason, firstCounted }) =>
    reason === null ? [] : [{ sheet, line, reason, ...(firstCounted === undefined ? {} : { firstCounted }) }],
  );
  return {
    ok: true,
    data: signatureProtocol(
      { fullName: found.data.candidate.fullName, route: found.data.route, nominator: found.data.nominator },
      { ...counts, rejected },
      { at: verified.at },
      context,
      language,
    ),
  };
}

/** A decision, or the signature protocol, of a case as a printable document ("Save as PDF" from the browser). */
export function CaseDocumentPage(props: {
  readonly electionId: string;
  readonly caseId: string;
  readonly kind: CaseDocumentKind;
  readonly language: DocumentLanguage;
}) {
  const { t, language } = useWords();
  const { client } = useDesk();
  const [doc] = useOutcome(
    () => caseDocument(client, props.electionId, props.caseId, props.kind, props.language, t('networkError')),
    [props.electionId, props.caseId, props.kind, props.language, language],
  );
  return (
    <DocumentFrame
      doc={doc}
      back={hrefOf({ page: 'case', electionId: props.electionId, caseId: props.caseId })}
    />
  );
}

/** The registered list as the commission publishes it, dated by the engine's clock. */
export function ListDocumentPage(props: {
  readonly electionId: string;
  readonly language: DocumentLanguage;
}) {
  const { t, language } = useWords();
  const { client } = useDesk();
  const [doc] = useOutcome(async () => {
    const path = { params: { path: { electionId: props.electionId } } };
    const [election, list, time] = await Promise.all([
      outcome(client.GET('/elections/{electionId}', path), t('networkError')),
      outcome(client.GET('/elections/{electionId}/candidates', path), t('networkError')),
      outcome(client.GET('/time'), t('networkError')),
    ]);
    if (!election.ok) return election;
    if (!list.ok) return list;
    if (!time.ok) return time;
    return {
      ok: true as const,
      data: registeredList(list.data, { at: time.data.now }, contextOf(election.data), props.language),
    };
  }, [props.electionId, props.language, language]);
  return <DocumentFrame doc={doc} back={hrefOf({ page: 'public', electionId: props.electionId })} />;
}

function DocumentFrame({
  doc,
  back,
}: {
  readonly doc: Outcome<DocumentText | null> | null;
  readonly back: string;
}) {
  const { t } = useWords();
  usePageTitle(doc?.ok === true && doc.data !== null ? doc.data.kind : t('documents'));
  return (
    <Loaded outcome={doc}>
      {(text) =>
        text === null ? (
          <>
            <h1 tabIndex={-1}>{t('documents')}</h1>
            <p>{t('noDocument')}</p>
          </>
        ) : (
          <>
            <p class="document-actions">
              <a href={back}>← {t('backToCase')}</a>{' '}
              <button type="button" onClick={() => print()}>
                {t('printDocument')}
              </button>
            </p>
            <PrintableDocument doc={text} />
          </>
        )
      }
    </Loaded>
  );
}
