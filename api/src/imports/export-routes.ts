/**
 * GET /api/exports/{layer}.geojson | .csv | .shp.zip [?as_of=YYYY-MM-DD&datum=wgs84|gcj02|bd09|EPSG:n]
 * Every layer of /api/layers, limited to the user's jurisdiction in SQL; streamed, so a province's grid exports
 * in bounded memory. Boundaries as of a date; coordinates in WGS84 unless another datum is asked for.
 */
import { PassThrough, Readable } from 'node:stream';
import { Hono } from 'hono';
import { z } from 'zod';
import { parseCrsParam } from 'domain/crs';
import type { AppDeps, AppEnv } from '../http/env.js';
import { chinaToday } from 'domain/time';
import { asOfParam, parseQuery, parseWith } from '../http/params.js';
import { ProblemError } from '../http/problem.js';
import { EXPORT_FORMATS, exportQuery, exportRows, writeExport, type ExportFormat } from './export.js';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  'shp.zip': 'application/zip',
};

const fileParam = z.object({
  file: z.string().regex(/^[a-z_]{2,40}\.(geojson|csv|shp\.zip)$/, 'must be {layer}.geojson, {layer}.csv or {layer}.shp.zip'),
});

export function exportRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', async (c) => {
    const { file } = parseWith(fileParam, c.req.param(), 'path');
    const [, layer, format] = /^([a-z_]+)\.(.+)$/.exec(file) as unknown as [string, string, ExportFormat];
    const q = parseQuery(c, z.object({ as_of: asOfParam, datum: z.string().max(40).optional() }));
    const query = exportQuery(layer);
    if (!query || !EXPORT_FORMATS.includes(format)) throw new ProblemError(404, 'Not found', { param: 'layer', detail: `No layer ${layer}; see /api/layers.` });
    const crs = parseCrsParam(q.datum ?? 'wgs84');
    if (!crs) throw new ProblemError(400, 'Invalid parameter', { param: 'datum', detail: `Unknown datum ${q.datum}: use wgs84, cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone.` });
    const asOf = q.as_of ?? chinaToday();
    const out = new PassThrough();
    const rows = exportRows(db, query, c.get('user').scopePrefix, asOf, crs);
    writeExport(rows, query, format, crs, out, layer).catch((err) => {
      console.error('[exports] failed while streaming', layer, err);
      out.destroy(err as Error);
    });
    c.header('Content-Type', CONTENT_TYPE[format]);
    c.header('Content-Disposition', `attachment; filename="${layer}-${asOf}${crs.id === 'wgs84' ? '' : '-' + crs.id.replace(':', '')}.${format}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(out) as unknown as ReadableStream);
  });
  return app;
}
