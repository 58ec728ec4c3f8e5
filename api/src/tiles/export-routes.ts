/**
 * GET /api/exports/tiles.pmtiles?layers=counties,townships[&minzoom=][&maxzoom=][&as_of=] — the chosen layers of
 * the user's jurisdiction as one PMTiles archive (tiles/export.ts), for devices with no server. Bounded: an
 * export of more than MAX_EXPORT_TILES tiles is refused with the count, naming maxzoom.
 */
import { chinaToday } from 'domain/time';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, query } from '../http/openapi.js';
import { asOfParam, intString } from '../http/params.js';
import { badRequest } from '../http/problem.js';
import { LAYERS, findLayer } from '../layers/registry.js';
import { exportPmtiles, MAX_EXPORT_TILES, planExport } from './export.js';
import type { TileService } from './tile-service.js';

export const exportQuery = z.object({
  layers: z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const ids = [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))];
      const unknown = ids.filter((id) => !findLayer(id));
      if (!ids.length || unknown.length) {
        ctx.addIssue({ code: 'custom', message: `must be layer ids separated by commas (${LAYERS.map((l) => l.id).join(', ')})${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}` });
        return z.NEVER;
      }
      // In drawing order, whatever the order asked.
      return LAYERS.filter((l) => ids.includes(l.id));
    }),
  minzoom: intString(0, 16).optional(),
  maxzoom: intString(0, 16).optional(),
  as_of: asOfParam,
});

export function exportRoutes(_deps: AppDeps, tiles: TileService) {
  const app = new Hono<AppEnv>();
  const doc = describe({
    summary: 'Chosen layers of your jurisdiction as one PMTiles archive, for devices with no server', tags: ['map'],
    response: { media: 'application/vnd.pmtiles', description: 'The archive' }, also: { '204': 'Nothing to export' },
  });
  app.get('/tiles.pmtiles', doc, query(exportQuery), async (c) => {
    const q = c.req.valid('query');
    const minzoom = q.minzoom ?? Math.min(...q.layers.map((l) => l.minzoom));
    const maxzoom = q.maxzoom ?? 14;
    if (minzoom > maxzoom) throw badRequest('minzoom', `minzoom ${minzoom} is above maxzoom ${maxzoom}.`);
    const req = { layers: q.layers, prefix: c.get('user').scopePrefix, asOf: q.as_of ?? chinaToday(), minzoom, maxzoom };
    const plan = await planExport(c.var.reads, req);
    if (plan.tiles > MAX_EXPORT_TILES) {
      throw badRequest('maxzoom', `That is ${plan.tiles} tiles, more than ${MAX_EXPORT_TILES}: lower maxzoom, or use the command line (pnpm export:pmtiles).`);
    }
    const started = Date.now();
    const archive = await exportPmtiles(c.var.reads, tiles, req);
    console.log(`[export] ${c.get('user').username}: ${req.layers.map((l) => l.id).join(',')} z${minzoom}–${maxzoom}, ${plan.tiles} tiles in ${Date.now() - started} ms`);
    if (!archive) return c.body(null, 204);
    const name = `grid-console-${req.layers.map((l) => l.id).join('-')}-${req.asOf}.pmtiles`;
    c.header('Content-Type', 'application/vnd.pmtiles');
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(archive), 200);
  });
  return app;
}
