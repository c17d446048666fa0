import { SignatureLineSchema } from '../../shared/domain/signatures.ts';
import { wholeNumber, withoutEmptyCells } from '../../shared/http/request-body.ts';
import { SignatureVerdictSchema } from '../../shared/http/responses/signatures.ts';
import { spreadsheetRows } from '../../shared/http/spreadsheet-rows.ts';
import * as submitSignatures from '../submit-signatures.ts';
import { defineBulkRoute } from '../support/api-route.ts';
import { aCase } from './route-paths.ts';

/** The route of the API operation submitSignatures. */
export const route = defineBulkRoute({
  operationId: 'submitSignatures',
  tag: 'signatures',
  responseSchema: SignatureVerdictSchema,
  summary:
    'A self-nominee’s signature sheets (JSON, JSON lines, CSV or XLSX); answers with the verdict. Above 2,000 lines, or as `{"upload": …}` (see createUpload), it answers 202 with a job to poll.',
  requestSchema: submitSignatures.SubmitSignaturesRequestSchema,
  method: 'POST',
  path: `${aCase}/signatures`,
  public: false,
  successStatus: 200,
  createHandler: submitSignatures.createHandler,
  bulk: {
    read: spreadsheetRows,
    rowsField: 'lines',
    rowSchema: SignatureLineSchema,
    row: (cells) => {
      const row = withoutEmptyCells(cells);
      return typeof row === 'object' && row !== null && 'sheet' in row && 'line' in row
        ? { ...row, sheet: wholeNumber(row.sheet), line: wholeNumber(row.line) }
        : row;
    },
  },
});
