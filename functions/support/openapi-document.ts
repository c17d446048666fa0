import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from '../../shared/http/request-body.ts';
import { apiRoutes } from '../api-routes.ts';

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('In the language of Accept-Language: kk, ru or en'),
    details: z.record(z.string(), z.unknown()).optional(),
    issues: z
      .array(
        z.object({
          field: z.string(),
          code: z.string(),
          message: z.string(),
          line: z
            .int()
            .optional()
            .describe('Of an uploaded file: the line (XLSX: the sheet row) of the row at fault'),
        }),
      )
      .optional(),
  }),
});

const errorResponses = {
  '400': 'Bad input: every problem listed; nothing written',
  '401': 'No valid token',
  '403': 'Outside the caller’s role or scope; nothing disclosed',
  '404': 'No such election or case',
  '409': 'A lost race or a passed deadline, with the current status or the deadline',
  '413': 'Body too large',
  '415': 'Body neither JSON nor, where accepted, JSON lines, CSV (UTF-8 or Windows-1251) or XLSX',
  '422': 'A rule of the law, or an Idempotency-Key reused with another body',
} as const;

/** The JSON Schema of what a client sends: zod's input side, as OpenAPI 3.1 (JSON Schema 2020-12) takes it. */
export function requestJsonSchema(schema: z.ZodType) {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return jsonSchema;
}

/** The OpenAPI 3.1 description of the API, generated from the route table and the handlers' own zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = Object.entries(route.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    }));
    const headers = [
      {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        schema: { type: 'string', example: 'kk, ru;q=0.8' },
      },
      ...(route.method === 'POST'
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 200 },
            },
          ]
        : []),
    ];
    const bulk =
      route.bulk === undefined
        ? {}
        : {
            'text/csv': {
              schema: {
                type: 'string',
                description: `A header line of field names, then a row per entry of \`${route.bulk.rowsField}\`; UTF-8 (with or without BOM) or Windows-1251 (charset=windows-1251, or bytes that are not UTF-8); separated by ; or ,.`,
              },
            },
            [XLSX_MEDIA_TYPE]: {
              schema: {
                type: 'string',
                format: 'binary',
                description: `The first sheet: its first row the field names, then a row per entry of \`${route.bulk.rowsField}\`.`,
              },
            },
            'application/x-ndjson': {
              schema: {
                type: 'string',
                description: `One JSON object per line, an entry of \`${route.bulk.rowsField}\`.`,
              },
            },
          };
    const operation = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.public ? { security: [] } : { security: [{ bearer: [] }] }),
      parameters: [...parameters, ...query, ...headers],
      ...(route.requestSchema === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: requestJsonSchema(route.requestSchema) }, ...bulk },
            },
          }),
      responses: {
        [String(route.successStatus)]: {
          description: 'Done',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...(route.bulk === undefined
          ? {}
          : {
              '202': {
                description:
                  'Accepted as a job (more rows than a request works through, or an upload): `job` as getJob shows it, and `location`, the path to poll.',
                content: {
                  'application/json': { schema: { type: 'object', required: ['job', 'location'] } },
                },
              },
            }),
        ...Object.fromEntries(
          Object.entries(errorResponses).map(([status, description]) => [
            status,
            {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
      },
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'akim-nominations',
      version: '0.1.0',
      description:
        'Nomination and registration of candidates in the direct elections of rural akims (Kazakhstan).',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: requestJsonSchema(ErrorBodySchema) },
    },
    paths,
  };
}
