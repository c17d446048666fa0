import { useState } from 'preact/hooks';
import type { DeskClient } from '../api/client.ts';
import { outcome } from '../api/problem.ts';
import { ExportButtons } from '../components/export-buttons.tsx';
import { StackedTable } from '../components/stacked-table.tsx';
import { useDesk } from '../desk-context.ts';
import { useWords } from '../i18n/language.ts';
import { lineStatus, signatureVerdictTable, type VerdictLine } from '../lib/exports/tables.ts';
import { signatureReasonText } from '../lib/signature-reasons.ts';
import { useOutcome } from '../lib/use-outcome.ts';

/** The evidence is paged; a case's sheets fit in a few pages, and the list stops here rather than run on. */
const MAX_PAGES = 50;

/** Every recorded signature line with its verdict, read from the case's evidence pages. */
export async function recordedLines(
  client: DeskClient,
  electionId: string,
  caseId: string,
  networkMessage: string,
) {
  const lines: VerdictLine[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const read = await outcome(
      client.GET('/elections/{electionId}/cases/{caseId}/evidence', {
        params: { path: { electionId, caseId }, query: cursor === undefined ? {} : { cursor } },
      }),
      networkMessage,
    );
    if (!read.ok) return read;
    lines.push(
      ...read.data.signatureLines.map(({ sheet, line, reason, valid, checked, firstCounted }) => ({
        sheet,
        line,
        reason,
        valid,
        ...(checked === false ? { checked } : {}),
        ...(firstCounted === undefined ? {} : { firstCounted }),
      })),
    );
    if (read.data.next === null) break;
    cursor = read.data.next;
  }
  return { ok: true as const, data: lines };
}

/**
 * The signature verdict line by line: each rejected line in red with its sheet, line and reason (never the
 * signer's IIN), and the whole verdict as a spreadsheet.
 */
export function RejectedLines({
  electionId,
  caseId,
}: {
  readonly electionId: string;
  readonly caseId: string;
}) {
  const words = useWords();
  const { t, language } = words;
  const { client } = useDesk();
  const [shown, setShown] = useState(false);
  const [lines] = useOutcome(
    async () =>
      shown
        ? recordedLines(client, electionId, caseId, t('networkError'))
        : { ok: true as const, data: null },
    [shown, language],
  );
  if (!shown) {
    return (
      <button type="button" class="secondary-button" onClick={() => setShown(true)}>
        {t('showRejectedLines')}
      </button>
    );
  }
  if (lines === null) return <p aria-busy="true">{t('loading')}</p>;
  if (!lines.ok) return <p class="error-message">{lines.problem.message}</p>;
  const all = lines.data ?? [];
  const rejected = all.filter((line) => lineStatus(line) === 'rejected');
  const table = () =>
    signatureVerdictTable(all, {
      sheetName: t('signatures'),
      sheet: t('colSheet'),
      line: t('colLine'),
      status: t('colStatus'),
      reason: t('colReason'),
      fullName: t('colName'),
      iin: t('colIin'),
      statusName: (status) => words.label('lineStatus', status),
      reasonText: (reason) => signatureReasonText(reason, words),
    });
  return (
    <>
      <StackedTable caption={t('rejectedLines')} headers={[t('colSheet'), t('colLine'), t('colReason')]}>
        {rejected.map((line) => (
          <tr key={`${line.sheet}/${line.line}`} class="rejected">
            <td data-label={t('colSheet')}>{line.sheet}</td>
            <td data-label={t('colLine')}>{line.line}</td>
            <td data-label={t('colReason')}>{signatureReasonText(line.reason ?? '', words)}</td>
          </tr>
        ))}
      </StackedTable>
      <ExportButtons table={table} fileName={`signatures-${caseId}`} />
    </>
  );
}
