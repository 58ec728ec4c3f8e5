/**
 * GET /api/basemap/{z}/{x}/{y}.png — the configured basemap (BASEMAP), always aligned to WGS84 like our data:
 * passed through when the basemap is WGS84, re-aligned tile by tile when it is GCJ-02 (see realign.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { z } from 'zod';
import { describe, pathParams } from '../http/openapi.js';
import { parseWith, tileParams } from '../http/params.js';
import { realignedTile } from './realign.js';
import type { BasemapSource } from './sources.js';

const tilePath = z.object({
  z: z.string().meta({ example: '8' }),
  x: z.string().meta({ example: '208' }),
  file: z.string().meta({ description: '{y}.png', example: '108.png' }),
});
const doc = describe({
  summary: 'The configured raster basemap, re-aligned to WGS84 (only with BASEMAP set)', tags: ['map'],
  response: { media: 'image/png', description: 'PNG (or the source’s JPEG/WebP when passed through)' }, also: { '204': 'No tile there' },
});

export function basemapRoutes(source: BasemapSource, datum: 'wgs84' | 'gcj02') {
  const app = new Hono<AppEnv>();
  app.get('/:z/:x/:file', doc, pathParams(tilePath), async (c) => {
    const p = c.req.valid('param');
    const t = parseWith(tileParams, { z: p.z, x: p.x, y: p.file.replace(/\.(png|jpg|jpeg|webp)$/, '') }, 'path');
    const bytes = datum === 'gcj02' ? await realignedTile(t.z, t.x, t.y, (z, x, y) => source.getTile(z, x, y)) : await source.getTile(t.z, t.x, t.y);
    if (!bytes) return c.body(null, 204);
    c.header('Cache-Control', 'private, max-age=86400');
    c.header('Content-Type', datum === 'gcj02' ? 'image/png' : sniffImageType(bytes));
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
