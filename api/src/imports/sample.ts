/**
 * The first look at an uploaded file, before any mapping: its format, encoding, columns, first rows, what its
 * coordinate system is (declared, or guessed from the numbers), and the mapping proposed for a layer (the office's
 * saved one when it has one). Reads only the first SAMPLE_ROWS records.
 */
import { guessCrs } from 'domain/crs';
import { FormatError, openSource, type TextEncoding } from 'geodata/formats';
import type { Queryable } from 'db';
import type { SessionUser } from '../http/env.js';
import { declaredCrs } from './datum-choice.js';
import { suggestMapping, type Mapping } from './mapping.js';
import { savedMappings } from './saved-mappings.js';
import { importSpec } from './specs.js';

export const SAMPLE_ROWS = 20;

const firstPosition = (g: { type: string; coordinates?: unknown }): [number, number] | null => {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
};

export async function sampleFile(db: Queryable, user: SessionUser, path: string, opts: { filename: string; layer?: string; encoding?: TextEncoding }) {
  const source = await openSource(path, { filename: opts.filename, encoding: opts.encoding });
  try {
    const rows: { index: number; properties: Record<string, unknown>; geometryType: string | null }[] = [];
    const positions: [number, number][] = [];
    const spec = opts.layer ? importSpec(opts.layer) : undefined;
    const hasGeometry = source.info.format === 'geojson' || source.info.format === 'shapefile';
    const suggested: Mapping | null = spec ? suggestMapping(spec, source.info.columns, hasGeometry) : null;
    for await (const r of source.records()) {
      rows.push({ index: r.index, properties: r.properties, geometryType: r.geometry?.type ?? null });
      const p = r.geometry ? firstPosition(r.geometry) : suggested?.lon && suggested.lat ? [Number(r.properties[suggested.lon]), Number(r.properties[suggested.lat])] as [number, number] : null;
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) positions.push(p);
      if (rows.length >= SAMPLE_ROWS) break;
    }
    let declared: string | null = null;
    let datumError: { rule: string; params: Record<string, string | number> } | null = null;
    try {
      declared = declaredCrs(source.info)?.id ?? null;
    } catch (err) {
      if (!(err instanceof FormatError)) throw err;
      datumError = { rule: err.rule, params: err.params };
    }
    const [hint] = await db.query<{ lon: number | null }>(`SELECT ST_X(label_point) AS lon FROM admin_area WHERE code = $1 AND valid_to IS NULL`, [user.jurisdictionCode]);
    const guess = declared ? null : guessCrs(positions, hint?.lon ?? null);
    return {
      format: source.info.format,
      encoding: source.info.encoding,
      encodingSource: source.info.encodingSource,
      columns: source.info.columns,
      geometryType: source.info.declaredGeometryType ?? rows.find((r) => r.geometryType)?.geometryType ?? null,
      hasGeometry,
      estimatedRecords: source.info.estimatedRecords,
      rows,
      datum: { declared, error: datumError, guess: guess ? { id: guess.crs.id, certain: guess.certain } : null },
      mapping: spec ? { suggested, saved: await savedMappings(db, user, spec.layer) } : null,
    };
  } finally {
    await source.close();
  }
}
