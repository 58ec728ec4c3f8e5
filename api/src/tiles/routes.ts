/** GET /api/tiles/{layer}/{z}/{x}/{y}.mvt — vector tiles with ETag / If-None-Match, 204 for empty tiles. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { asOfParam, parseQuery, parseWith, tileParams } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { notFound } from '../http/problem.js';
import { findLayer } from '../layers/registry.js';
import type { TileService } from './tile-service.js';

export const tileQuery = z.object({ as_of: asOfParam });

export function tileRoutes(tiles: TileService) {
  const app = new Hono<AppEnv>();
  app.get('/:layer/:z/:x/:file', async (c) => {
    const layer = findLayer(c.req.param('layer'));
    if (!layer) throw notFound(`There is no layer '${c.req.param('layer')}'. GET /api/layers lists them.`, 'layer');
    const file = c.req.param('file');
    const coord = parseWith(tileParams, { z: c.req.param('z'), x: c.req.param('x'), y: file.replace(/\.mvt$/, '') }, 'path');
    const { as_of } = parseQuery(c, tileQuery);
    const user = c.get('user');
    const tile = await tiles.tile(layer, { ...coord, prefix: user.scopePrefix, asOf: as_of ?? chinaToday() });
    // Tiles depend on who asks (jurisdiction): private caching only, revalidated by ETag.
    c.header('Cache-Control', 'private, max-age=60');
    c.header('ETag', tile.etag);
    c.header('Vary', 'Cookie, Authorization');
    if (c.req.header('if-none-match') === tile.etag) return c.body(null, 304);
    if (!tile.bytes) return c.body(null, 204);
    c.header('Content-Type', 'application/vnd.mapbox-vector-tile');
    return c.body(tile.bytes as Uint8Array<ArrayBuffer>, 200);
  });
  return app;
}
