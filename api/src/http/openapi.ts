/**
 * The OpenAPI document is generated from the routes themselves (hono-openapi): every route carries
 * `describe(...)` (summary, tags, its response schema) and parses its input with `query`, `pathParams` and `body`
 * below, whose zod schemas become the document's parameters and request bodies. /api/openapi.json is
 * `generateSpecs` over the app; a test checks that every route of the app is in it.
 *
 * The parsers are hono-openapi custom validators (its `uniqueSymbol` marks a middleware as one): they parse with
 * the same `parseWith` as before, so a bad value is still a 400 problem naming the parameter, NUL is refused
 * before the schema sees it, and a body is read whatever its Content-Type says.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { describeRoute, generateSpecs, resolver, uniqueSymbol } from 'hono-openapi';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './env.js';
import { parseBody, parseWith, strictObject } from './params.js';

/** Inputs are described as the client sends them (before transforms: an id is a string of digits in a path). */
const INPUT = { options: { io: 'input', unrepresentable: 'any' } };
/** Outputs as the server sends them. */
const OUTPUT = { options: { io: 'output', unrepresentable: 'any' } };

type Validated<T extends 'query' | 'param' | 'json', S extends z.ZodType> = { in: { [K in T]: z.input<S> }; out: { [K in T]: z.output<S> } };

function validatorOf<T extends 'query' | 'param' | 'json', S extends z.ZodType>(
  target: T,
  schema: S,
  parse: (c: Context) => Promise<z.output<S>> | z.output<S>,
): MiddlewareHandler<AppEnv, string, Validated<T, S>> {
  const mw: MiddlewareHandler<AppEnv, string, Validated<T, S>> = async (c, next) => {
    c.req.addValidatedData(target, (await parse(c)) as object);
    await next();
  };
  return Object.assign(mw, { [uniqueSymbol]: { target, ...resolver(schema, INPUT), options: INPUT } });
}

/** Parse the query string with `schema` (400 naming the parameter, unknown ones too); the handler reads `c.req.valid('query')`. */
export const query = <S extends z.ZodType>(schema: S) => {
  const strict = strictObject(schema);
  return validatorOf('query', schema, (c) => parseWith(strict, c.req.query(), 'query'));
};
/** Parse the path parameters with `schema`; the handler reads `c.req.valid('param')`. */
export const pathParams = <S extends z.ZodType>(schema: S) => validatorOf('param', schema, (c) => parseWith(schema, c.req.param(), 'path'));
/** Parse the JSON body with `schema` (400 for a body that is not JSON, or with a member it does not name); the handler reads `c.req.valid('json')`. */
export const body = <S extends z.ZodType>(schema: S) => {
  const strict = strictObject(schema);
  return validatorOf('json', strict, (c) => parseBody(c, strict));
};

/** What a route answers on success: a JSON schema, or another media type (tiles, CSV, files) with its schema. */
export type Answer =
  | z.ZodType
  | { media: string; schema?: z.ZodType | Record<string, unknown>; description?: string; status?: number };

export interface RouteDoc {
  summary: string;
  tags: string[];
  /** The success answer; `null` for 204 No Content. */
  response: Answer | null;
  /** Success status (default 200; 201 for a creation). */
  status?: number;
  /** Open to everyone (no session or token needed). */
  open?: boolean;
  /**
   * The JSON body of a route that reads it itself (e.g. one of two shapes picked by its keys); routes that parse
   * it with `body(...)` leave this out.
   */
  body?: z.ZodType;
  /** The body may be left out (default: required). */
  bodyOptional?: boolean;
  /** A file upload (multipart `file`, or the file itself as the body). */
  upload?: boolean;
  /** Other documented answers beyond the problems every route may give, e.g. 204 or 304. */
  also?: Record<string, string>;
  description?: string;
}

const problem = { $ref: '#/components/responses/Problem' };
const BINARY = { type: 'string', format: 'binary' };

function successContent(a: Answer) {
  if (a instanceof z.ZodType) return { 'application/json': { schema: resolver(a, OUTPUT) } };
  const schema = a.schema instanceof z.ZodType ? resolver(a.schema, OUTPUT) : (a.schema ?? BINARY);
  return { [a.media]: { schema } };
}

/** The route's description in the document: summary, tags, success answer, and the problems it may answer. */
export function describe(doc: RouteDoc) {
  const mediaStatus = doc.response && !(doc.response instanceof z.ZodType) ? doc.response.status : undefined;
  const status = String(doc.status ?? mediaStatus ?? (doc.response ? 200 : 204));
  const ok = doc.response === null ? { description: 'Done, nothing to return' } : { description: doc.response instanceof z.ZodType ? 'OK' : (doc.response.description ?? 'OK'), content: successContent(doc.response) };
  const spec = {
    summary: doc.summary,
    tags: doc.tags,
    ...(doc.description ? { description: doc.description } : {}),
    ...(doc.open ? { security: [] } : {}),
    ...(doc.body ? { requestBody: { required: !doc.bodyOptional, content: { 'application/json': { schema: resolver(doc.body, INPUT) } } } } : {}),
    ...(doc.upload
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: { type: 'object', properties: { file: BINARY }, required: ['file'] } },
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: BINARY },
            },
          },
        }
      : {}),
    responses: {
      [status]: ok,
      ...Object.fromEntries(Object.entries(doc.also ?? {}).map(([code, description]) => [code, { description }])),
      '400': problem,
      ...(doc.open ? {} : { '401': problem, '403': problem }),
      '404': problem,
      '413': problem,
      '415': problem,
      '429': problem,
      '503': problem,
    },
  };
  return describeRoute(spec as Parameters<typeof describeRoute>[0]);
}

/** The typed JSON answer: `value` must have the shape `schema` describes, so a changed answer breaks the build. */
export const json = <S extends z.ZodType>(c: Context, _schema: S, value: z.input<S>, status: 200 | 201 = 200) => c.json(value as object, status);
/** The same as `json` for JSON under another media type (GeoJSON, JSON Schema). */
export const jsonAs = <S extends z.ZodType>(c: Context, media: string, _schema: S, value: z.input<S>) => c.body(JSON.stringify(value), 200, { 'Content-Type': media });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    param: z.string().optional().describe('The parameter at fault'),
    errors: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .describe('Problem details (RFC 9457)');

function problemJsonSchema() {
  const { $schema: _, ...schema } = z.toJSONSchema(ProblemSchema, { io: 'output' }) as Record<string, unknown>;
  return schema;
}

/** The OpenAPI document of `app` (computed once: routes do not change after start). */
export function openApiDocument(app: Hono<AppEnv>) {
  let cached: Promise<unknown> | undefined;
  return () =>
    (cached ??= generateSpecs(app, {
      excludeStaticFile: false,
      defaultValidationErrorResponse: false,
      exclude: [/^\/api\/\*?$/],
      documentation: {
        info: { title: '禁毒网格化管理地图 API (anti-drug grid management console)', version: '1.0.0' },
        servers: [{ url: '/' }],
        security: [{ bearer: [] }, { session: [] }],
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'gc_session' } },
          schemas: { Problem: problemJsonSchema() },
          responses: {
            Problem: { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
      },
    }));
}
