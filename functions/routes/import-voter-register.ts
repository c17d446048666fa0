import * as z from 'zod';
import { VoterRowSchema } from '../../shared/domain/voter-register.ts';
import { RegisterInForceSchema } from '../../shared/http/responses/voter-register.ts';
import { spreadsheetRows } from '../../shared/http/spreadsheet-rows.ts';
import * as importVoterRegister from '../import-voter-register.ts';
import { defineBulkRoute } from '../support/api-route.ts';
import { election } from './route-paths.ts';

/** The route of the API operation importVoterRegister. */
export const route = defineBulkRoute({
  operationId: 'importVoterRegister',
  tag: 'registers',
  responseSchema: RegisterInForceSchema,
  summary:
    'The district’s voter list (JSON, JSON lines, CSV or XLSX), refused whole for any bad row; fixes the voter count of the 1% threshold. Above 20,000 rows, or as `{"upload": …}` (see createUpload), it answers 202 with a job to poll.',
  requestSchema: importVoterRegister.ImportVoterRegisterRequestSchema,
  method: 'POST',
  path: `${election}/voter-register`,
  public: false,
  successStatus: 201,
  createHandler: importVoterRegister.createHandler,
  query: {
    source: {
      description:
        'For a file body (CSV, XLSX, JSON lines): where the list comes from, kept with the register; `upload` when not given.',
      schema: z.string().min(1).max(200),
    },
  },
  bulk: {
    read: spreadsheetRows,
    rowsField: 'voters',
    rowSchema: VoterRowSchema,
    fromQuery: (query) => ({ source: query.get('source') ?? 'upload' }),
  },
});
