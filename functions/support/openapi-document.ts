import * as z from 'zod';
import { TrailEventSchema } from '../../shared/domain/case-trail.ts';
import { EvidencePageSchema } from '../../shared/domain/evidence-pack.ts';
import { InstantSchema } from '../../shared/domain/local-date.ts';
import { IanaTimeZoneSchema } from '../../shared/domain/time-zones.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/http/request-body.ts';
import { CandidateListSchema } from '../../shared/http/responses/candidates.ts';
import {
  CaseListSchema,
  CaseTimelineSchema,
  CaseViewSchema,
  NominatorSchema,
} from '../../shared/http/responses/case.ts';
import { CaseFindingsSchema } from '../../shared/http/responses/case-findings.ts';
import { ElectionViewSchema } from '../../shared/http/responses/election.ts';
import { ErrorBodySchema } from '../../shared/http/responses/error.ts';
import { InstantResponseSchema } from '../../shared/http/responses/instant.ts';
import { JobAnswerSchema, JobResultSchema, JobViewSchema } from '../../shared/http/responses/job.ts';
import { LocalizedTextSchema } from '../../shared/http/responses/localized-text.ts';
import { SignatureVerdictSchema } from '../../shared/http/responses/signatures.ts';
import { TimeResponseSchema } from '../../shared/http/responses/time.ts';
import { UploadSchema } from '../../shared/http/responses/upload.ts';
import { RegisterInForceSchema } from '../../shared/http/responses/voter-register.ts';
import { apiRoutes, pathParameterPatterns } from '../api-routes.ts';
import { type ApiRoute, apiTags } from './api-route.ts';

/**
 * The shapes the document names (components/schemas), so that a generated client has names for them: what
 * several operations answer with, and what the desk handles on its own (a case, a job, an error).
 */
const namedSchemas: readonly (readonly [string, z.ZodType])[] = [
  ['Error', ErrorBodySchema],
  ['LocalizedText', LocalizedTextSchema],
  ['Time', TimeResponseSchema],
  ['Election', ElectionViewSchema],
  ['Case', CaseViewSchema],
  ['CaseFindings', CaseFindingsSchema],
  ['Nominator', NominatorSchema],
  ['CaseList', CaseListSchema],
  ['CaseTimeline', CaseTimelineSchema],
  ['TrailEvent', TrailEventSchema],
  ['EvidencePage', EvidencePageSchema],
  ['VoterRegisterInForce', RegisterInForceSchema],
  ['SignatureVerdict', SignatureVerdictSchema],
  ['Upload', UploadSchema],
  ['Job', JobViewSchema],
  ['JobResult', JobResultSchema],
  ['JobAccepted', JobAnswerSchema],
  ['CandidateList', CandidateListSchema],
];

const schemaRef = (name: string) => `#/components/schemas/${name}`;

/**
 * Schemas whose JSON Schema zod cannot make from their output side (a transform's output is any value), said
 * as what they always give: an instant in UTC, an IANA zone name.
 */
const instant = { type: 'string', format: 'date-time', description: 'An instant, ISO-8601 in UTC' };
const outputAs = new Map<z.ZodType, Record<string, unknown>>([
  [InstantSchema, instant],
  [InstantResponseSchema, instant],
  [IanaTimeZoneSchema, { type: 'string', description: 'An IANA time zone name, e.g. Asia/Almaty' }],
]);

/** zod's override hook: the schemas above as they are documented, and `documentedAs` metadata as a reference. */
function override(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const replacement = outputAs.get(ctx.zodSchema as z.ZodType);
  if (replacement !== undefined) {
    for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
    Object.assign(ctx.jsonSchema, replacement);
  }
  const { documentedAs } = ctx.jsonSchema;
  if (typeof documentedAs === 'string') {
    delete ctx.jsonSchema.documentedAs;
    ctx.jsonSchema.$ref = schemaRef(documentedAs);
  }
}

/** The JSON Schema of what a client sends: zod's input side, as OpenAPI 3.1 (JSON Schema 2020-12) takes it. */
export function requestJsonSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return jsonSchema;
}

/** The JSON Schema of a query parameter's value. */
function parameterJsonSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input' });
  return jsonSchema;
}

/**
 * components/schemas: every named schema and every route's response, in one conversion of zod's output side, so
 * that a shape used in several places is one named schema referred to from each.
 */
function responseComponents(routes: readonly ApiRoute[]) {
  const registry = z.registry<{ id: string }>();
  const names = new Map<z.ZodType, string>();
  for (const [name, schema] of namedSchemas) {
    registry.add(schema, { id: name });
    names.set(schema, name);
  }
  for (const route of routes) {
    if (names.has(route.responseSchema)) continue;
    const name = `${route.operationId[0]?.toUpperCase()}${route.operationId.slice(1)}Response`;
    registry.add(route.responseSchema, { id: name });
    names.set(route.responseSchema, name);
  }
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: schemaRef,
    override,
  });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _dialect, $id: _id, ...jsonSchema }]) => [
      name,
      jsonSchema,
    ]),
  );
  const nameOf = (schema: z.ZodType): string => {
    const name = names.get(schema);
    if (name === undefined) throw new Error('every response schema is named above');
    return name;
  };
  return { components, nameOf };
}

/** The columns of a file's rows: one per field of a row, the required ones named. */
const ObjectJsonSchema = z.object({
  properties: z.record(z.string(), z.unknown()).optional(),
  required: z.array(z.string()).optional(),
});

function columnsOf(rowSchema: z.ZodType): string {
  const json = ObjectJsonSchema.parse(requestJsonSchema(rowSchema));
  const required = new Set(json.required ?? []);
  return Object.keys(json.properties ?? {})
    .map((name) => (required.has(name) ? `\`${name}\` (required)` : `\`${name}\``))
    .join(', ');
}

/** What a bulk route takes besides JSON: CSV, XLSX and JSON lines, each with the columns of its rows. */
function fileBodies(route: ApiRoute) {
  const { bulk } = route;
  if (bulk === undefined) return {};
  const columns = columnsOf(bulk.rowSchema);
  return {
    'text/csv': {
      schema: {
        type: 'string',
        description: `A header line of field names, then a row per entry of \`${bulk.rowsField}\`; UTF-8 (with or without BOM) or Windows-1251 (charset=windows-1251, or bytes that are not UTF-8); separated by ; or ,. Columns: ${columns}; an empty cell is a field not given.`,
      },
    },
    [XLSX_MEDIA_TYPE]: {
      schema: {
        type: 'string',
        contentMediaType: XLSX_MEDIA_TYPE,
        description: `The first sheet: its first row the field names, then a row per entry of \`${bulk.rowsField}\`. Columns: ${columns}.`,
      },
    },
    'application/x-ndjson': {
      schema: {
        type: 'string',
        contentMediaType: 'application/x-ndjson',
        description: `One JSON object per line, an entry of \`${bulk.rowsField}\` as in the JSON body. Fields: ${columns}.`,
      },
    },
  };
}

const pathParameterDescriptions: Readonly<Record<string, string>> = {
  electionId: 'The election: its unit’s KATO code and election day, `<kato>-<YYYY-MM-DD>`',
  caseId: 'The nomination case, as fileNomination answered it',
  jobId: 'The bulk job, as the 202 answer named it',
  accountId: 'The account, as listAccounts names it',
};

const errorResponses = {
  '400': 'Bad input: every problem listed; nothing written',
  '401': 'No valid token',
  '403': 'Outside the caller’s role or scope; nothing disclosed',
  '404': 'No such election or case',
  '409': 'A lost race or a passed deadline, with the current status or the deadline',
  '413': 'Body too large',
  '415': 'Body neither JSON nor, where accepted, JSON lines, CSV (UTF-8 or Windows-1251) or XLSX',
  '422': 'A rule of the law, or an Idempotency-Key reused with another body',
  '500':
    'A fault of the engine (`INTERNAL`): nothing about the inside is said, and the request may be retried',
} as const;

/**
 * Whether an operation can answer with this refusal: a read has no body to refuse (only a query parameter, where
 * it takes one) and takes no decision to conflict with or break a rule of.
 */
function answersWith(route: ApiRoute, status: string): boolean {
  if (route.method === 'POST') return true;
  if (status === '400') return route.query !== undefined;
  return !['409', '413', '415', '422'].includes(status);
}

const throttled = {
  description:
    'Throttled (on AWS, API Gateway: 200 requests a second, bursts of 400), before any work: the body is API Gateway’s own `{"message": "Too Many Requests"}`. Retry after the time Retry-After gives, when it gives one, else with backoff.',
  headers: {
    'Retry-After': {
      description: 'Seconds to wait before retrying, where given',
      schema: { type: 'integer', minimum: 0 },
    },
  },
  content: {
    'application/json': {
      schema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
    },
  },
};

const uploadFlow = [
  'Files too large for a request (a voter register, signature sheets) go in four steps:',
  '1. `createUpload` (POST /elections/{electionId}/uploads) with `for`, `caseId` (sheets), `contentType` and `bytes`: a URL, the headers to send, and until when;',
  '2. PUT the file to that URL with those headers (exactly the declared type and size, within 15 minutes);',
  '3. POST `{"upload": "<uploadId>"}` to the route `startJob` names (importVoterRegister or submitSignatures): 202 with the job and its `location`;',
  '4. poll `getJob` at that location until its state is `succeeded` (its `result`), `refused` (its `issues`) or `failed`.',
].join('\n');

/** The OpenAPI 3.1 description of the API, generated from the route table and the handlers' own zod schemas. */
export function openApiDocument() {
  const { components, nameOf } = responseComponents(apiRoutes);
  const jsonOf = (name: string) => ({ 'application/json': { schema: { $ref: schemaRef(name) } } });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({
      name,
      in: 'path',
      required: true,
      description: pathParameterDescriptions[name],
      schema: { type: 'string', pattern: pathParameterPatterns[name]?.source },
    }));
    const query = Object.entries(route.query ?? {}).map(([name, { description, schema }]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: parameterJsonSchema(schema),
    }));
    const headers = [
      {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description: 'The language of messages: kk (the default), ru or en',
        schema: { type: 'string', example: 'kk, ru;q=0.8' },
      },
      ...(route.method === 'POST'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'The same key with the same body within a day gets the first answer again, the work done once',
              schema: { type: 'string', maxLength: 200 },
            },
          ]
        : []),
    ];
    const operation = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      description: [
        route.description ?? route.summary,
        ...(route.bulk === undefined && route.tag !== 'uploads and jobs' ? [] : [uploadFlow]),
      ].join('\n\n'),
      ...(route.public ? { security: [] } : { security: [{ bearer: [] }] }),
      parameters: [...parameters, ...query, ...headers],
      ...(route.requestSchema === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: requestJsonSchema(route.requestSchema) },
                ...fileBodies(route),
              },
            },
          }),
      responses: {
        [String(route.successStatus)]: {
          description: 'Done',
          content: jsonOf(nameOf(route.responseSchema)),
        },
        ...(route.bulk === undefined
          ? {}
          : {
              '202': {
                description:
                  'Accepted as a job (more rows than a request works through, or an upload): `job` as getJob shows it, and `location`, the path to poll.',
                content: jsonOf('JobAccepted'),
              },
            }),
        ...Object.fromEntries(
          Object.entries(errorResponses)
            .filter(([status]) => answersWith(route, status))
            .map(([status, description]) => [status, { description, content: jsonOf('Error') }]),
        ),
        '429': throttled,
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'akim-nominations',
      version: '0.1.0',
      description: `Nomination and registration of candidates in the direct elections of rural akims (Kazakhstan).\n\n${uploadFlow}`,
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [
      { url: 'http://127.0.0.1:3000', description: 'The local engine (npm start; PORT changes the port)' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'The API deployed on AWS: the stack’s output ApiUrl',
        variables: {
          apiId: { default: 'api-id', description: 'The HTTP API’s id' },
          region: { default: 'eu-central-1', description: 'The AWS region deployed to' },
        },
      },
    ],
    tags: Object.entries(apiTags)
      .map(([name, description]) => ({ name, description }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An ID token: on AWS from the Cognito user pool, locally from the engine’s sign-in (or npm run token)',
        },
      },
      schemas: components,
    },
    paths,
  };
}
