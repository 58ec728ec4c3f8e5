/**
 * Response compression for the API (tiles, JSON, GeoJSON, CSV): brotli or gzip, whichever the client accepts
 * (brotli first). node:zlib compresses off the event loop. Brotli runs at quality 5: close to its best ratio on
 * tiles and JSON at a fraction of quality 11's time. Responses with an ETag (tiles) keep their compressed bodies in
 * a small cache, so a tile served to many clients is compressed once per encoding.
 * Never compressed twice, never compressed when it gains nothing:
 * - a response that already has a Content-Encoding is left alone;
 * - MVT tiles ARE compressed, here and on the tiles' fast path (same compressor): ST_AsMVT writes plain protobuf,
 *   which brotli shrinks to about a third, and tiles are most of what a phone on a weak network downloads;
 * - PMTiles archives (application/vnd.pmtiles), .xlsx and .shp.zip are not: they are compressed inside already
 *   (a PMTiles archive's tiles are gzipped, xlsx/zip are deflate), and a PMTiles reader addresses byte ranges of
 *   the raw file, which a Content-Encoding would break; images likewise.
 * The console's static files are not compressed here: the build writes .br/.gz beside them (see static.ts).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import type { AppEnv } from './env.js';

export type Encoding = 'br' | 'gzip';
const compressors: Record<Encoding, (b: Uint8Array) => Promise<Buffer>> = {
  br: (b) => promisify(brotliCompress)(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: b.byteLength } }),
  gzip: (b) => promisify(gzip)(b, { level: 6 }),
};

/** Smaller bodies gain nothing worth the header and the CPU. */
const MIN_BYTES = 1024;

/** The encoding to use for an Accept-Encoding header: the highest q of br and gzip, brotli on a tie; q=0 refuses. */
export function negotiateEncoding(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  const q: Record<string, number> = {};
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q[name] = Number.isFinite(value) ? value : 0;
  }
  const score = (e: Encoding) => q[e] ?? (q['*'] !== undefined ? q['*'] : 0);
  const br = score('br');
  const gz = score('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

/** Compressed bodies of ETag'd responses, least recently used evicted first. */
class CompressedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: string): Buffer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: Buffer): void {
    if (value.byteLength > this.maxBytes / 8) return;
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }
}

/**
 * Compresses bodies, keeping those of ETag'd responses (tiles) so that each is compressed once per encoding. One
 * instance serves the middleware below and the tiles' fast path (tiles/fast-path.ts), so a tile compressed for one
 * is not compressed again for the other.
 */
export class BodyCompressor {
  private readonly cache: CompressedCache;
  constructor(cacheBytes = 32 * 1024 * 1024) {
    this.cache = new CompressedCache(cacheBytes);
  }

  /** The body to send: compressed, or as it is when too small to gain anything. */
  async compress(encoding: Encoding, body: Uint8Array, cacheKey?: { path: string; etag: string }): Promise<{ body: Uint8Array; encoded: boolean }> {
    if (body.byteLength < MIN_BYTES) return { body, encoded: false };
    const key = cacheKey && `${encoding}|${cacheKey.path}|${cacheKey.etag}`;
    const cached = key ? this.cache.get(key) : undefined;
    if (cached) return { body: cached, encoded: true };
    const out = await compressors[encoding](body);
    if (key) this.cache.set(key, out);
    return { body: out, encoded: true };
  }
}

/** Whether a response of this type is compressed at all (then its Vary names Accept-Encoding). */
export const isCompressible = (type: string) => COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /^application\/vnd\.mapbox-vector-tile\b/i.test(type);

export function compression(compressor = new BodyCompressor()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (!res.body || res.status === 204 || res.status === 304 || c.req.method === 'HEAD' || res.headers.has('content-encoding') || !isCompressible(type)) return;
    // Caches must keep one copy per encoding, whether or not this client got a compressed one.
    c.header('Vary', appendVary(res.headers.get('vary'), 'Accept-Encoding'));
    const encoding = negotiateEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const etag = res.headers.get('etag');
    const out = await compressor.compress(encoding, new Uint8Array(await res.arrayBuffer()), etag ? { path: c.req.path, etag } : undefined);
    const headers = new Headers(c.res.headers);
    if (out.encoded) {
      headers.set('Content-Encoding', encoding);
      headers.delete('Content-Length');
    }
    // Replace rather than assign through c.res's setter, which would merge the old headers back in.
    c.res = undefined;
    c.res = new Response(out.body as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers });
  };
}

export function appendVary(current: string | null, value: string): string {
  if (!current) return value;
  const parts = current.split(',').map((s) => s.trim().toLowerCase());
  return parts.includes(value.toLowerCase()) || parts.includes('*') ? current : `${current}, ${value}`;
}
