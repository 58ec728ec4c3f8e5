/**
 * RFC 9457 problem details. Throw ProblemError anywhere in a handler; the app's error handler renders it as
 * application/problem+json. Errors the client caused name the offending parameter in `param`.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { unavailableReason } from 'db';

export interface ProblemExtra {
  detail?: string;
  /** The query/path/body parameter at fault. */
  param?: string;
  [key: string]: unknown;
}

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(extra.detail ? `${title}: ${extra.detail}` : title);
  }
}

export const badRequest = (param: string, detail: string) => new ProblemError(400, 'Invalid parameter', { param, detail });
export const notFound = (detail: string, param?: string) => new ProblemError(404, 'Not found', { detail, param });

const TYPE_BASE = 'https://grid-console.invalid/problems/';

export function problemResponse(c: Context, p: ProblemError): Response {
  const body = {
    type: TYPE_BASE + p.status,
    title: p.title,
    status: p.status,
    instance: c.req.path,
    ...p.extra,
  };
  return c.body(JSON.stringify(body), p.status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/**
 * PostgreSQL data exceptions caused by a value sent in (class 22): text with NUL or bad encoding, dates or numbers
 * out of range, strings too long. A safety net behind the request parsers.
 */
const DATA_ERRORS = new Set(['22001', '22003', '22007', '22008', '22021', '22P05']);

/** app.onError: known problems as they are; database constraint errors as 409/400; anything else a logged 500. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ProblemError) return problemResponse(c, err);
  if (err instanceof HTTPException) return problemResponse(c, new ProblemError(err.status as ContentfulStatusCode, err.message || 'Error'));
  // The database restarting, every connection busy, or a statement cut off by statement_timeout: try again soon.
  const unavailable = unavailableReason(err);
  if (unavailable) {
    c.header('Retry-After', '2');
    return problemResponse(c, new ProblemError(503, 'Database unavailable', { detail: `The database cannot answer now (${unavailable}); try again shortly.`, reason: unavailable }));
  }
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '23505') return problemResponse(c, new ProblemError(409, 'Conflict', { detail: (err as { detail?: string }).detail ?? err.message }));
  if (pgCode && DATA_ERRORS.has(pgCode)) {
    // The parsers should have refused this value already; say which value the database refused, not "500".
    console.warn('[api] database refused a value on', c.req.method, c.req.path, pgCode, err.message);
    return problemResponse(c, new ProblemError(400, 'Value refused by the database', { detail: err.message }));
  }
  if (pgCode === '23514' || pgCode === '23502' || pgCode === '22P02' || pgCode === '23503') {
    return problemResponse(c, new ProblemError(400, 'Rejected by a database constraint', {
      detail: err.message,
      constraint: (err as { constraint?: string }).constraint,
    }));
  }
  console.error('[api] unhandled error on', c.req.method, c.req.path, err);
  return problemResponse(c, new ProblemError(500, 'Internal error', { detail: 'The error was logged on the server.' }));
}
