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
import { describe, pathParams, query } from '../http/openapi.js';
import { asOfParam } from '../http/params.js';
import { ProblemError } from '../http/problem.js';
import { EXPORT_FORMATS, exportQuery, exportRows, writeExport, type ExportFormat } from './export.js';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  'shp.zip': 'application/zip',
};

const fileParam = z.object({
  file: z
    .string()
    .regex(/^[a-z_]{2,40}\.(geojson|csv|shp\.zip)$/, 'must be {layer}.geojson, {layer}.csv or {layer}.shp.zip')
    .meta({ description: '{layer}.geojson, {layer}.csv or {layer}.shp.zip (a zipped Shapefile with .prj and .cpg)', example: 'townships.geojson' }),
});

const exportQueryParams = z.object({
  as_of: asOfParam,
  datum: z.string().max(40).optional().describe('wgs84 (default), cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone'),
});

const doc = describe({
  summary: 'A layer as GeoJSON, CSV or a zipped Shapefile (.prj, .cpg), within your jurisdiction, boundaries as of a date',
  tags: ['imports'],
  response: { media: 'application/geo+json', description: 'GeoJSON, text/csv or application/zip by the file name' },
});

export function exportRoutes(_deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', doc, pathParams(fileParam), query(exportQueryParams), async (c) => {
    const { file } = c.req.valid('param');
    const [, layer, format] = /^([a-z_]+)\.(.+)$/.exec(file) as unknown as [string, string, ExportFormat];
    const q = c.req.valid('query');
    const query = exportQuery(layer);
    if (!query || !EXPORT_FORMATS.includes(format)) throw new ProblemError(404, 'Not found', { param: 'layer', detail: `No layer ${layer}; see /api/layers.` });
    const crs = parseCrsParam(q.datum ?? 'wgs84');
    if (!crs) throw new ProblemError(400, 'Invalid parameter', { param: 'datum', detail: `Unknown datum ${q.datum}: use wgs84, cgcs2000, gcj02, bd09 or EPSG:n of a CGCS2000 Gauss–Krüger zone.` });
    const asOf = q.as_of ?? chinaToday();
    const out = new PassThrough();
    const rows = exportRows(c.var.reads, query, c.get('user').scopePrefix, asOf, crs);
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
