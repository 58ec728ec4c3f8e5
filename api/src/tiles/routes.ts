/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt — vector tiles with ETag / If-None-Match, 204 for empty tiles, `as_of`
 * for layers coloured by date, and `filter` (CQL2 text over the layer's fields) as on OGC items.
 * The plain case is usually answered before Hono by tiles/fast-path.ts, with the same headers.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { asOfParam, parseQuery, parseWith, tileParams } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { findLayer } from '../layers/registry.js';
import { filterParams, parseFilter } from '../ogc/filter-param.js';
import type { TileService } from './tile-service.js';

// Tiles depend on who asks (jurisdiction): private caching only, revalidated by ETag.
export const TILE_CACHE_CONTROL = 'private, max-age=60';
export const TILE_VARY = 'Cookie, Authorization';
export const TILE_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

export const tileQuery = z.object({ as_of: asOfParam, ...filterParams });

export function tileRoutes(tiles: TileService) {
  const app = new Hono<AppEnv>();
  app.get('/:layer/:z/:x/:file', async (c) => {
    const layer = findLayer(c.req.param('layer'));
    if (!layer) throw notFound(`There is no layer '${c.req.param('layer')}'. GET /api/layers lists them.`, 'layer');
    const file = c.req.param('file');
    const coord = parseWith(tileParams, { z: c.req.param('z'), x: c.req.param('x'), y: file.replace(/\.mvt$/, '') }, 'path');
    const q = parseQuery(c, tileQuery);
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
