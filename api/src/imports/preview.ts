/**
 * What the page draws over the existing data before anything is written: the converted features (simplified to
 * about a metre, at most MAX_FEATURES, each with its status and whether it has a problem) and the places of
 * problems that have one (overlaps, gaps, parts outside a parent). A wrong datum is visibly off on this map.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Queryable } from 'db';
import type { ProblemLog } from './problems.js';

export const MAX_FEATURES = 5000;

export async function previewGeometries(tx: Queryable, log: ProblemLog): Promise<FeatureCollection> {
  const rows = await tx.query<{ n: number; code: string; status: string | null; bad: boolean; g: string }>(
    `SELECT n, code, status, bad, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.00001), 6) AS g
     FROM import_staging ORDER BY n LIMIT $1`,
    [MAX_FEATURES],
  );
  // A problem of the whole file (a suspected wrong datum) puts every feature in doubt.
  const wholeFile = (log.counts.get('datum_offset_suspected') ?? 0) > 0 && !log.isAccepted('datum_offset_suspected');
  const features: Feature[] = rows.map((r) => ({
    type: 'Feature',
    properties: { kind: 'feature', feature: r.n, code: r.code, status: r.status, problem: wholeFile || r.bad || log.isBad(r.n) },
    geometry: JSON.parse(r.g) as Geometry,
  }));
  for (const p of log.problems) {
    if (p.geometry) features.push({ type: 'Feature', properties: { kind: 'problem', feature: p.feature, code: p.code, rule: p.rule }, geometry: p.geometry });
  }
  return { type: 'FeatureCollection', features };
}
