import { useState } from 'preact/hooks';
import { useWords } from '../i18n/language.ts';
import type { ExportTable } from '../lib/exports/export-table.ts';

/** The spreadsheet writer is loaded when first needed: most visits export nothing, and it is the desk's largest part. */
const downloads = () => import('../lib/exports/download.ts');

/**
 * A table saved as XLSX or CSV (with a BOM); the table is made only when a button is pressed. When the writer
 * cannot be loaded (offline, or a new deployment replaced its file) the buttons say so rather than do nothing.
 */
export function ExportButtons({
  table,
  fileName,
}: {
  readonly table: () => ExportTable;
  readonly fileName: string;
}) {
  const { t } = useWords();
  const [failed, setFailed] = useState(false);
  const save = async (format: 'xlsx' | 'csv') => {
    try {
      const writer = await downloads();
      setFailed(false);
      if (format === 'xlsx') await writer.downloadXlsx(table(), fileName);
      else writer.downloadCsv(table(), fileName);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <p class="actions">
        <button type="button" class="secondary-button" onClick={() => save('xlsx')}>
          {t('exportXlsx')}
        </button>{' '}
        <button type="button" class="secondary-button" onClick={() => save('csv')}>
          {t('exportCsv')}
        </button>
      </p>
      {failed && (
        <p class="error-message" role="alert">
          {t('networkError')}
        </p>
      )}
    </>
  );
}
