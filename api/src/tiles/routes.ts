/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt — vector tiles with ETag / If-None-Match, 204 for empty tiles, `as_of`
 * for layers coloured by date, and `filter` (CQL2 text over the layer's fields) as on OGC items.
 * The plain case is usually answered before Hono by tiles/fast-path.ts, with the same headers.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { describe, pathParams, query } from '../http/openapi.js';
import { asOfParam, parseWith, tileParams } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { LAYERS, findLayer } from '../layers/registry.js';
import { filterParams, parseFilter } from '../ogc/filter-param.js';
import type { TileService } from './tile-service.js';

// Tiles depend on who asks (jurisdiction): private caching only, revalidated by ETag.
export const TILE_CACHE_CONTROL = 'private, max-age=60';
export const TILE_VARY = 'Cookie, Authorization';
export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

export const tileQuery = z.object({
  as_of: asOfParam,
  ...filterParams,
  // Tiles are cached for a minute (above): after a write the console asks for the new ones under another URL.
  v: z.string().regex(/^\d{1,16}$/, 'must be digits').optional().describe('Cache-busting token of the client; ignored'),
});

/** The tile's address; `file` is `{y}.mvt` (checked with z and x by tileParams, so a bad one names z, x or y). */
const tilePath = z.object({
  layer: z.string().meta({ example: 'townships' }),
  z: z.string().meta({ example: '8' }),
  x: z.string().meta({ example: '208' }),
  file: z.string().meta({ description: '{y}.mvt', example: '108.mvt' }),
});

const summary = `Mapbox Vector Tile of a layer (${LAYERS.map((l) => l.id).join(', ')}); 204 when empty, 304 on If-None-Match; filter in CQL2 text`;
const doc = describe({
  summary, tags: ['map'], response: { media: TILE_CONTENT_TYPE, description: 'The tile (protobuf)' }, also: { '204': 'Empty tile', '304': 'Not modified (ETag)' },
});

export function tileRoutes(tiles: TileService) {
  const app = new Hono<AppEnv>();
  app.get('/:layer/:z/:x/:file', doc, pathParams(tilePath), query(tileQuery), async (c) => {
    const p = c.req.valid('param');
    const layer = findLayer(p.layer);
    if (!layer) throw notFound(`There is no layer '${p.layer}'. GET /api/layers lists them.`, 'layer');
    const coord = parseWith(tileParams, { z: p.z, x: p.x, y: p.file.replace(/\.mvt$/, '') }, 'path');
    const q = c.req.valid('query');
    const user = c.get('user');
    const tile = await tiles.tile(layer, { ...coord, prefix: user.scopePrefix, asOf: q.as_of ?? chinaToday(), filter: parseFilter(q, layer) });
    c.header('Cache-Control', TILE_CACHE_CONTROL);
    c.header('ETag', tile.etag);
    c.header('Vary', TILE_VARY);
    if (c.req.header('if-none-match') === tile.etag) return c.body(null, 304);
    if (!tile.bytes) return c.body(null, 204);
    c.header('Content-Type', TILE_CONTENT_TYPE);
    return c.body(tile.bytes as Uint8Array<ArrayBuffer>, 200);
  });
  return app;
}
