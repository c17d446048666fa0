import type * as z from 'zod';
import type { SpreadsheetReader } from '../../shared/http/request-body.ts';
import type { JobAnswerSchema } from '../../shared/http/responses/job.ts';
import type { Dependencies } from './dependencies.ts';
import type { OperationRequest } from './operation.ts';

/** The groups operations are listed under in the OpenAPI document (and the generated client). */
export const apiTags = {
  elections: 'Calling an election and reading it: calendar, phase, notices, rules, calling checks.',
  cases: 'Nomination cases: filing, the decisions of each step, the case, its timeline and evidence.',
  signatures: 'A self-nominee’s signature sheets and their verdict.',
  registers: 'The district’s voter register, the base of the 1% threshold.',
  'uploads and jobs':
    'Files too large for a request: createUpload gives a URL, the file is PUT there, the bulk route is sent `{"upload": …}` and answers 202 with a job, polled with getJob.',
  public: 'Read by anyone without a token: the election and its published list of candidates.',
  time: 'The engine’s clock, which deadlines are judged by.',
  notices: 'Each account’s inbox: what the engine tells it, with what it has not read.',
  accounts: 'The accounts of commissions, akimats, parties and candidates.',
} as const;
export type ApiTag = keyof typeof apiTags;

export interface ApiRoute {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI-style path, `{name}` for a parameter. */
  readonly path: string;
  /** Anonymous callers allowed (public reads); every other route needs a token. */
  readonly public: boolean;
  readonly successStatus: 200 | 201;
  readonly createHandler: (deps: Dependencies) => (request: OperationRequest) => Promise<unknown>;
  /** What a POST's JSON body must be: the schema its handler parses with, described in the OpenAPI document. */
  readonly requestSchema?: z.ZodType;
  /**
   * What the handler answers with on success: `defineRoute` holds the handler's return type to it, and the
   * OpenAPI document describes it (a bulk route's 202 is `JobAnswerSchema`).
   */
  readonly responseSchema: z.ZodType;
  /** A sentence for the OpenAPI document. */
  readonly summary: string;
  /** More for the OpenAPI document, where a sentence is not enough (markdown). */
  readonly description?: string;
  /** The group the operation is listed under. */
  readonly tag: ApiTag;
  /**
   * The query parameters the handler reads, each with a sentence and its schema for the OpenAPI document; no
   * other reaches it.
   */
  readonly query?: Readonly<Record<string, QueryParameter>>;
  /**
   * For bulk operations, what an uploaded file (CSV, XLSX or JSON lines) makes of the JSON body: its rows go to
   * `rowsField`, each as `row` makes it, beside what `fromQuery` takes from the query string; an issue with a
   * row names the row's line in the file. `rowSchema` is one row, described as the files' columns.
   */
  readonly bulk?: BulkFiles;
}

export interface QueryParameter {
  readonly description: string;
  readonly schema: z.ZodType;
}

export interface BulkFiles {
  /** Reads the spreadsheets (CSV, XLSX) the route takes: handed in by the route, so only bulk routes bundle it. */
  readonly read: SpreadsheetReader;
  readonly rowsField: string;
  readonly rowSchema: z.ZodType;
  readonly row?: (row: unknown) => unknown;
  readonly fromQuery?: (query: URLSearchParams) => Readonly<Record<string, unknown>>;
}

/**
 * What a handler may hand back for a response of type T: T itself, or the same read-only (the views build their
 * answers from read-only records).
 */
type Answering<T> = T extends readonly (infer U)[]
  ? readonly Answering<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Answering<T[K]> }
    : T;

type RouteOf<S extends z.ZodType, A> = Omit<ApiRoute, 'createHandler' | 'responseSchema'> & {
  readonly responseSchema: S;
  readonly createHandler: (deps: Dependencies) => (request: OperationRequest) => Promise<A>;
};

/**
 * A route whose handler's return type is its response schema's: a handler that drifts from what the OpenAPI
 * document says it answers fails the type check.
 */
export function defineRoute<S extends z.ZodType>(
  route: RouteOf<S, Answering<z.output<S>>> & { readonly bulk?: undefined },
): ApiRoute {
  return route;
}

/** A bulk route: its handler answers with its response, or (202) with the job that does the work. */
export function defineBulkRoute<S extends z.ZodType>(
  route: RouteOf<S, Answering<z.output<S>> | Answering<z.output<typeof JobAnswerSchema>>> & {
    readonly bulk: BulkFiles;
  },
): ApiRoute {
  return route;
}
