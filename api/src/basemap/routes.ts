/**
 * GET /api/basemap/{z}/{x}/{y}.{png|jpg|webp} — the configured raster basemap (BASEMAP), always aligned to WGS84
 * like our data: passed through when the basemap is WGS84, re-aligned tile by tile when it is GCJ-02 (realign.ts).
 * GET /api/basemap/{z}/{x}/{y}.pbf — a vector basemap's tiles (Mapbox Vector Tiles, WGS84 only; see plan.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { z } from 'zod';
import { describe, pathParams } from '../http/openapi.js';
import { parseWith, tileParams } from '../http/params.js';
import { TILE_CONTENT_TYPE } from '../tiles/routes.js';
import type { BasemapPlan } from './plan.js';
import { realignedTile } from './realign.js';
import type { BasemapSource } from './sources.js';

const EXTENSIONS = { raster: /\.(png|jpg|jpeg|webp)$/, vector: /\.(pbf|mvt)$/ };
const tilePath = z.object({
  z: z.string().meta({ example: '8' }),
  x: z.string().meta({ example: '208' }),
  file: z.string().meta({ description: '{y}.png (raster) or {y}.pbf (vector)', example: '108.png' }),
});
const doc = describe({
  summary: 'The configured basemap (only with BASEMAP set): raster re-aligned to WGS84, or a vector archive\'s tiles', tags: ['map'],
  response: { media: 'image/png', description: 'PNG (or the source’s JPEG/WebP when passed through), or Mapbox Vector Tile for a vector archive' }, also: { '204': 'No tile there' },
});

export function basemapRoutes(source: BasemapSource, plan: Pick<BasemapPlan, 'kind' | 'datum'>) {
  const app = new Hono<AppEnv>();
  const realign = plan.kind === 'raster' && plan.datum === 'gcj02';
  app.get('/:z/:x/:file', doc, pathParams(tilePath), async (c) => {
    const p = c.req.valid('param');
    // A tile asked with the other kind's extension is malformed like a bad y: a 400 naming `y`.
    const y = EXTENSIONS[plan.kind].test(p.file) ? p.file.replace(EXTENSIONS[plan.kind], '') : p.file;
    const t = parseWith(tileParams, { z: p.z, x: p.x, y }, 'path');
    const bytes = realign ? await realignedTile(t.z, t.x, t.y, (z, x, y) => source.getTile(z, x, y)) : await source.getTile(t.z, t.x, t.y);
    if (!bytes) return c.body(null, 204);
    c.header('Cache-Control', 'private, max-age=86400');
    c.header('Content-Type', plan.kind === 'vector' ? TILE_CONTENT_TYPE : realign ? 'image/png' : sniffImageType(bytes));
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
  return app;
}

function sniffImageType(b: Uint8Array): string {
  if (b[0] === 0x89 && b[1] === 0x50) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'image/jpeg';
  if (b[8] === 0x57 && b[9] === 0x45) return 'image/webp';
  return 'application/octet-stream';
}
