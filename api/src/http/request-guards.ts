/**
 * Checks every API request passes before any route sees it, so that no route has to remember them:
 *  - the URL: malformed percent-encoding and NUL characters in the path or the query → 400 naming the parameter;
 *  - the body size, enforced before the body is read (Content-Length, or counted while streaming) → 413;
 *  - writes carry JSON (415 otherwise), except the upload routes, which take files;
 *  - writes from a browser come from our own origin (Origin / Sec-Fetch-Site) → 403 otherwise.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../config.js';
import { requestOrigin } from './client-address.js';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/**
 * Routes that take a file instead of JSON. A lab file is read into memory, so its body is limited here
 * (IMPORT_MAX_BYTES); the data imports stream to disk and enforce their own limit while streaming (IMPORT_MAX_MB,
 * api/src/imports/upload.ts), so buffering them here would defeat that.
 */
export const UPLOAD_ROUTES: { method: string; path: string; types: RegExp; streamsItself?: boolean }[] = [
  {
    method: 'POST',
    path: '/api/wastewater/imports',
    types: /^(multipart\/form-data|text\/csv|text\/plain|application\/octet-stream|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/vnd\.ms-excel)\b/i,
  },
  { method: 'POST', path: '/api/imports/uploads', types: /^multipart\/form-data\b/i, streamsItself: true },
  { method: 'POST', path: '/api/imports', types: /^multipart\/form-data\b/i, streamsItself: true },
];
/** Room for the multipart framing around an uploaded file. */
const MULTIPART_SLACK = 64 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const uploadRoute = (c: Context) => UPLOAD_ROUTES.find((r) => r.method === c.req.method && r.path === c.req.path.replace(/\/+$/, ''));

const invalid = (param: string, detail: string) => new ProblemError(400, 'Invalid parameter', { param, detail });

/** NUL never belongs in text we keep (PostgreSQL refuses it in text columns); refuse it where it enters. */
export const NUL = '\u0000';

function decodeStrict(s: string, param: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw invalid(param, `${param}: malformed percent-encoding`);
  }
}

/** 400 for a URL whose path or query holds malformed percent-encoding or a NUL character. */
export function checkUrl(c: Context): void {
  const url = new URL(c.req.url);
  for (const segment of url.pathname.split('/')) {
    if (decodeStrict(segment, 'path').includes(NUL)) throw invalid('path', 'path: must not contain the NUL character');
  }
  for (const pair of url.search.slice(1).split('&')) {
    if (!pair) continue;
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const key = decodeStrict(rawKey, 'query');
    const value = decodeStrict(rawValue, key || 'query');
    if (key.includes(NUL)) throw invalid('query', 'query: a parameter name must not contain the NUL character');
    if (value.includes(NUL)) throw invalid(key, `${key}: must not contain the NUL character`);
  }
}

/**
 * Over HTTP/1.1 a request has a body exactly when it has Content-Length > 0 or Transfer-Encoding. A request made
 * in-process (tests: app.request) has no socket and no such headers; there the Request itself knows.
 */
function hasBody(c: Context): boolean {
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return c.req.raw.body !== null;
  const length = c.req.header('content-length');
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

export function requestGuards(config: Config): MiddlewareHandler<AppEnv> {
  const tooLarge = (limit: number, what: string) => () => {
    throw new ProblemError(413, 'Request body too large', { param: 'body', detail: `${what} are limited to ${limit} bytes.`, limit });
  };
  const jsonLimit = bodyLimit({ maxSize: config.jsonBodyLimit, onError: tooLarge(config.jsonBodyLimit, 'Request bodies') });
  const uploadLimit = bodyLimit({ maxSize: config.importMaxBytes + MULTIPART_SLACK, onError: tooLarge(config.importMaxBytes, 'Uploaded files') });

  return async (c, next) => {
    checkUrl(c);
    if (SAFE_METHODS.has(c.req.method)) return next();

    checkOrigin(c, config);
    const upload = uploadRoute(c);
    if (hasBody(c)) {
      const type = c.req.header('content-type') ?? '';
      const accepted = upload ? upload.types.test(type) || /^application\/json\b/i.test(type) : /^application\/json\b/i.test(type);
      if (!accepted) {
        throw new ProblemError(415, 'Unsupported media type', {
          param: 'content-type',
          detail: upload ? 'Send the file as multipart/form-data (field "file"), text/csv or an Excel file.' : 'Send the body as application/json.',
        });
      }
    }
    if (upload?.streamsItself) return next();
    return (upload ? uploadLimit : jsonLimit)(c, next);
  };
}

/**
 * Cross-site request forgery: a browser always says where a write comes from (Origin, and Sec-Fetch-Site in
 * current browsers). Refuse any other site; clients that are not browsers (scripts, QGIS) send neither.
 * With PUBLIC_ORIGIN the Origin must be exactly that; without it, its host must be the host the request was sent
 * to (the scheme is left out so that a proxy terminating HTTPS without TRUST_PROXY does not lock everyone out).
 */
function checkOrigin(c: Context, config: Config): void {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const ours = config.publicOrigin ?? requestOrigin(c, config.trustedProxies);
  const ok = origin === undefined ? site !== 'cross-site' && site !== 'same-site' : config.publicOrigin ? origin === ours : hostOf(origin) === hostOf(ours);
  if (!ok) throw new ProblemError(403, 'Cross-origin request refused', { param: 'origin', detail: `Writes are accepted only from ${ours}.` });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // 'null' (sandboxed frames, file:) and garbage never match
  }
}
