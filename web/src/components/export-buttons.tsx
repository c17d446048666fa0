import { useWords } from '../i18n/language.ts';
import type { ExportTable } from '../lib/exports/export-table.ts';

/** The spreadsheet writer is loaded when first needed: most visits export nothing, and it is the desk's largest part. */
const downloads = () => import('../lib/exports/download.ts');

/** A table saved as XLSX or CSV (with a BOM); the table is made only when a button is pressed. */
export function ExportButtons({
  table,
  fileName,
}: {
  readonly table: () => ExportTable;
  readonly fileName: string;
}) {
  const { t } = useWords();
  return (
    <p class="actions">
      <button
        type="button"
        class="secondary-button"
        onClick={async () => (await downloads()).downloadXlsx(table(), fileName)}
      >
        {t('exportXlsx')}
      </button>{' '}
      <button
        type="button"
        class="secondary-button"
        onClick={async () => (await downloads()).downloadCsv(table(), fileName)}
      >
        {t('exportCsv')}
      </button>
    </p>
  );
}
