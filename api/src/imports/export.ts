/**
 * Export of a layer, scoped to the user's jurisdiction in SQL, as GeoJSON, CSV or a zipped Shapefile (.prj and
 * .cpg included). Columns are the import's field names, so an export imports back unchanged; boundaries can be
 * exported as of a date, and coordinates converted to GCJ-02, BD-09 or a CGCS2000 Gauss–Krüger zone on the way
 * out. Rows are read in pages of PAGE by id, so memory stays bounded for any layer size.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Geometry } from 'geojson';
import { fromWgs84, prjText, type SourceCrs } from 'domain/crs';
import { csvWriter, geoJsonWriter, openShapefileWriter, toWkt, zipFiles, type DbfField } from 'geodata/formats';
import type { Queryable } from 'db';
import { quoteIdent } from 'db';
import { findLayer } from '../layers/registry.js';
import { columnFields, columnOf } from './columns.js';
import { mapPositions } from './convert.js';
import { importSpec, type ImportSpec } from './specs.js';
import { inScopeSql } from '../users/scope.js';

export const EXPORT_FORMATS = ['geojson', 'csv', 'shp.zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const PAGE = 2000;

interface ExportQuery {
  fields: DbfField[];
  /** SQL over alias t: from, where (with $1 scope prefix, $2 as-of date), the select list. */
  from: string;
  where: string;
  select: string[];
  geometry: string;
  shapeKind: 'Point' | 'LineString' | 'Polygon';
}

const dbfType = (sql: string): DbfField['type'] => (sql === 'integer' || sql === 'smallint' ? 'number' : sql === 'date' ? 'date' : sql === 'boolean' ? 'boolean' : 'string');
const DATED = `t.valid_from <= $2::date AND (t.valid_to IS NULL OR t.valid_to > $2::date)`;
const scoped = (col: string) => inScopeSql(col, '$1');

function specQuery(spec: ImportSpec): ExportQuery {
  const key = { name: spec.key, select: `t.${quoteIdent(spec.key)}`, type: 'string' as const };
  const cols = columnFields(spec).map((f) => ({
    name: f.name,
    // Lists (a firm's chemicals) travel as one text cell, joined the way the importer splits them.
    select: f.sql === 'text[]' ? `array_to_string(t.${columnOf(f)}, ';')` : `t.${columnOf(f)}`,
    type: dbfType(f.sql),
  }));
  const extra: { name: string; select: string; type: DbfField['type'] }[] = [];
  let from = `${quoteIdent(spec.table)} t`;
  let where = 'true';
  let geometry = 't.geom';
  switch (spec.store) {
    case 'admin_area':
      where = `t.level = '${spec.level}' AND ${DATED} AND ${scoped('t.code')}`;
      extra.push({ name: 'valid_from', select: 't.valid_from', type: 'date' }, { name: 'valid_to', select: 't.valid_to', type: 'date' });
      break;
    case 'grid_cell':
      from = 'grid_cell_dated t';
      where = `${DATED} AND ${scoped('t.code')}`;
      extra.push({ name: 'valid_from', select: 't.valid_from', type: 'date' }, { name: 'valid_to', select: 't.valid_to', type: 'date' });
      break;
    case 'catchment':
      where = `t.catchment IS NOT NULL AND ${scoped('t.township_code')} AND $2::date IS NOT NULL`;
      geometry = 't.catchment';
      extra.push({ name: 'name', select: 't.name', type: 'string' });
      break;
    case 'point': {
      const area = spec.areaColumn!.name;
      where = `${scoped(`t.${quoteIdent(area)}`)} AND $2::date IS NOT NULL`;
      if (spec.table === 'wastewater_site') {
        extra.push({ name: 'parent_site_code', select: '(SELECT p.code FROM wastewater_site p WHERE p.id = t.parent_site_id)', type: 'string' });
      }
    }
  }
  const all = [key, ...cols, ...extra];
  return {
    fields: all.map((f) => ({ name: f.name, type: f.type })),
    from, where, geometry,
    select: all.map((f) => `${f.select}${f.type === 'date' ? '::text' : ''} AS ${quoteIdent(f.name)}`),
    shapeKind: spec.geometry,
  };
}

/** Roads are drawn from the layer definition (they have no import). */
function roadQuery(): ExportQuery {
  const def = findLayer('roads')!;
  return {
    fields: def.fields.map((f) => ({ name: f.name, type: 'string' })),
    from: 'road t', where: '$1::text IS NOT NULL AND $2::date IS NOT NULL', geometry: 't.geom', shapeKind: 'LineString',
    select: def.fields.map((f) => `${f.sql} AS ${quoteIdent(f.name)}`),
  };
}

export function exportQuery(layer: string): ExportQuery | null {
  if (layer === 'roads') return roadQuery();
  const spec = importSpec(layer);
  return spec ? specQuery(spec) : null;
}

export interface ExportRow {
  properties: Record<string, unknown>;
  geometry: Geometry;
}

/** Every row, a page at a time, geometry converted to `crs`. */
export async function* exportRows(db: Queryable, q: ExportQuery, prefix: string, asOf: string, crs: SourceCrs): AsyncGenerator<ExportRow> {
  const to = fromWgs84(crs);
  const convert = crs.id === 'wgs84' || crs.id === 'cgcs2000' ? null : (g: Geometry) => mapPositions(g, (p) => to([p[0]!, p[1]!]));
  let last = -1;
  for (;;) {
    const rows = await db.query<Record<string, unknown> & { __id: number; __g: string }>(
      `SELECT t.id AS __id, ST_AsGeoJSON(${q.geometry}, 9) AS __g, ${q.select.join(', ')}
       FROM ${q.from} WHERE ${q.where} AND t.id > $3 ORDER BY t.id LIMIT ${PAGE}`,
      [prefix, asOf, last],
    );
    for (const { __id, __g, ...properties } of rows) {
      const g = JSON.parse(__g) as Geometry;
      yield { properties, geometry: convert ? convert(g) : g };
    }
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!.__id;
  }
}

async function drain(out: Writable, ok: boolean) {
  if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
}

export async function writeExport(rows: AsyncIterable<ExportRow>, q: ExportQuery, format: ExportFormat, crs: SourceCrs, out: Writable, baseName: string): Promise<void> {
  if (format === 'geojson') {
    const crsMember = crs.id.startsWith('EPSG:') ? { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crs.id.slice(5)}` } } } : {};
    const w = geoJsonWriter(out, { name: baseName, ...crsMember });
    for await (const r of rows) await drain(out, w.write({ type: 'Feature', properties: r.properties, geometry: r.geometry }));
    w.end();
  } else if (format === 'csv') {
    const point = q.shapeKind === 'Point';
    const w = csvWriter(out, [...q.fields.map((f) => f.name), ...(point ? ['lon', 'lat'] : ['wkt'])]);
    for await (const r of rows) {
      const values = q.fields.map((f) => r.properties[f.name]);
      const g = r.geometry;
      await drain(out, w.row(point && g.type === 'Point' ? [...values, g.coordinates[0], g.coordinates[1]] : [...values, toWkt(g)]));
    }
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'gc-export-'));
    try {
      const w = await openShapefileWriter(dir, 'layer', { shapeKind: q.shapeKind, fields: q.fields, encoding: 'utf-8', prj: prjText(crs) });
      for await (const r of rows) await w.write(r.geometry, r.properties);
      const files = await w.close();
      await zipFiles(Object.entries(files).map(([ext, path]) => ({ path, name: `${baseName}.${ext}` })), out);
      return;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await new Promise<void>((r) => out.end(() => r()));
}
