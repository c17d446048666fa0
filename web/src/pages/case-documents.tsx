import type { Answer } from '../api/client.ts';
import { decisionDocumentsOf } from '../documents/decision-documents.ts';
import { useWords } from '../i18n/language.ts';
import { type CaseDocumentKind, hrefOf } from '../routes.ts';

/** The printable documents a case has (its decisions, the signature protocol), each in Kazakh and in Russian. */
export function CaseDocuments({
  electionId,
  caseId,
  found,
  signatures,
}: {
  readonly electionId: string;
  readonly caseId: string;
  readonly found: Answer<'getCase'>;
  readonly signatures: boolean;
}) {
  const { t, label } = useWords();
  const kinds: CaseDocumentKind[] = [
    ...decisionDocumentsOf(found),
    ...(signatures ? (['signature-protocol'] as const) : []),
  ];
  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('documents')}</h2>
      <ul>
        {kinds.flatMap((kind) =>
          (['kk', 'ru'] as const).map((language) => (
            <li key={`${kind}-${language}`}>
              <a href={hrefOf({ page: 'document', electionId, caseId, kind, language })}>
                {t('documentIn', {
                  document: label('document', kind),
                  language: language === 'kk' ? t('inKazakh') : t('inRussian'),
                })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
