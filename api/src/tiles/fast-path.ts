/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt[?as_of=YYYY-MM-DD] answered straight on Node's request and response,
 * before Hono turns them into Fetch objects: a tile is most of the API's traffic, and the conversion, routing and
 * middleware chain cost more than a cached tile itself. It answers only the plain case — a known layer, a valid
 * address, at most `as_of`, a user whose token was resolved within the last 30 s — exactly as tiles/routes.ts
 * would (same headers, 304, 204); anything else (a filter, an unknown token, a bad parameter, an error) it
 * passes to the Hono app, which handles it as usual, with its problem+json answers.
 *
 * It is no way around what the app enforces: the user comes from the same token cache the app's authentication
 * fills (auth/sessions.ts: sign-out, revocation and user changes evict it in every process), the tile is scoped by
 * the same jurisdiction prefix, and only a GET of a strict address pattern is answered (no body, no NUL, no
 * percent-encoding can get through the pattern, so the request guards have nothing to refuse). Its answers carry
 * the API's security headers (HSTS over HTTPS) and are compressed as the app would compress them, with the same
 * compressor (http/compression.ts), so a tests compares the two paths header by header.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { chinaToday } from 'domain/time';
import { requestToken, SESSION_COOKIE } from '../auth/middleware.js';
import { sha256Hex } from '../auth/password.js';
import { cachedUserByDigest } from '../auth/sessions.js';
import { incomingIsHttps, type TrustedProxies } from '../http/client-address.js';
import { appendVary, BodyCompressor, negotiateEncoding } from '../http/compression.js';
import { isoDate } from '../http/params.js';
import { API_SECURITY_HEADERS, HSTS } from '../http/security-headers.js';
import { findLayer } from '../layers/registry.js';
import type { TileResult, TileService } from './tile-service.js';
import { TILE_CACHE_CONTROL, TILE_CONTENT_TYPE, TILE_VARY } from './routes.js';

/** Answers the request, or hands it to `app` (the Hono app's Node listener) unchanged. */
export type NodeFastPath = (req: IncomingMessage, res: ServerResponse, app: () => void) => void;

/** as_of values already checked (a handful of dates in practice): no parser per request. */
const validDates = new Set<string>();
function isDate(s: string): boolean {
  if (validDates.has(s)) return true;
  if (!isoDate.safeParse(s).success) return false;
  if (validDates.size > 1000) validDates.clear();
  validDates.add(s);
  return true;
}

const TILE_URL = /^\/api\/tiles\/([a-z_]{1,40})\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt(?:\?as_of=(\d{4}-\d{2}-\d{2}))?$/;
const COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`);

/** The session cookie as Hono's getCookie reads it; undefined when absent or malformed (the app then decides). */
function sessionCookie(header: string | undefined): string | undefined {
  const raw = header ? COOKIE.exec(header)?.[1] : undefined;
  if (!raw || !raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** What the fast path needs besides the tiles: the app's trusted proxies (HSTS) and its compressor. */
export interface FastPathOptions {
  trustedProxies: TrustedProxies;
  compressor: BodyCompressor;
}

const TILE_VARY_ENCODED = appendVary(TILE_VARY, 'Accept-Encoding');

/**
 * The headers the app sends with a tile (tiles/routes.ts, then compression and security headers), as Node's flat
 * [name, value, …] list: the constant part is built once, not copied into a new object per tile.
 */
const CONSTANT = [...Object.entries(API_SECURITY_HEADERS).flat(), 'Cache-Control', TILE_CACHE_CONTROL];
const CONSTANT_HTTPS = [...CONSTANT, 'Strict-Transport-Security', HSTS];

function headers(req: IncomingMessage, opts: FastPathOptions, etag: string, body?: { length: number; encoding?: string }): string[] {
  const out = (incomingIsHttps(req, opts.trustedProxies) ? CONSTANT_HTTPS : CONSTANT).concat('ETag', etag, 'Vary', body ? TILE_VARY_ENCODED : TILE_VARY);
  if (body) {
    out.push('Content-Type', TILE_CONTENT_TYPE, 'Content-Length', String(body.length));
    if (body.encoding) out.push('Content-Encoding', body.encoding);
  }
  return out;
}

function write(req: IncomingMessage, res: ServerResponse, opts: FastPathOptions, tile: TileResult, app: () => void) {
  if (req.headers['if-none-match'] === tile.etag) return void res.writeHead(304, headers(req, opts, tile.etag)).end();
  if (!tile.bytes) return void res.writeHead(204, headers(req, opts, tile.etag)).end();
  const bytes = tile.bytes;
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  if (!encoding) return void res.writeHead(200, headers(req, opts, tile.etag, { length: bytes.byteLength })).end(bytes);
  opts.compressor.compress(encoding, bytes, { path: req.url!.split('?')[0]!, etag: tile.etag }).then((out) => {
    res.writeHead(200, headers(req, opts, tile.etag, { length: out.body.byteLength, encoding: out.encoded ? encoding : undefined })).end(out.body);
  }, app);
}

/**
 * The token's digest, kept per connection: a map's tiles come over a few keep-alive connections with the same
 * token, which then is hashed once per connection rather than once per tile. Kept with the socket (a WeakMap), so
 * it goes when the connection does; a different token on the same connection is hashed anew.
 */
const digestBySocket = new WeakMap<Socket, { token: string; digest: string }>();
function tokenDigest(socket: Socket, token: string): string {
  const known = digestBySocket.get(socket);
  if (known?.token === token) return known.digest;
  const digest = sha256Hex(token);
  digestBySocket.set(socket, { token, digest });
  return digest;
}

export function tileFastPath(tiles: TileService, isReady: () => boolean, opts: FastPathOptions): NodeFastPath {
  return (req, res, app) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/tiles/') || !isReady()) return app();
    const m = TILE_URL.exec(req.url);
    if (!m) return app();
    const def = findLayer(m[1]!);
    const z = Number(m[2]);
    const x = Number(m[3]);
    const y = Number(m[4]);
    const n = 2 ** z;
    if (!def || z > 22 || x >= n || y >= n || (m[5] && !isDate(m[5]))) return app();
    const token = requestToken(req.headers.authorization, sessionCookie(req.headers.cookie));
    const user = token ? cachedUserByDigest(tokenDigest(req.socket, token)) : null;
    if (!user) return app();
    const tileReq = { z, x, y, prefix: user.scopePrefix, asOf: m[5] ?? chinaToday() };
    const hit = tiles.cached(def, tileReq);
    if (hit) return write(req, res, opts, hit, app);
    // A failure (the database down, a timeout) goes to the app, which tries once more and answers with its
    // problem+json (503 and Retry-After when the database is unavailable).
    tiles.tile(def, tileReq).then((tile) => write(req, res, opts, tile, app), app);
  };
}
