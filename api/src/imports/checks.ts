/**
 * Checks in SQL over the staging table, where PostGIS does the spatial work: geometry validity (repaired with
 * ST_MakeValid, the repair reported), duplicate codes, the user's jurisdiction, nesting under the parent code and
 * geometry, the area of points taken from their location, overlaps with neighbouring areas and gaps inside a
 * parent (returned as geometries for the map), and a suspected GCJ-02/BD-09 offset.
 * Every check adds to the ProblemLog with the feature number and code.
 */
import type { Geometry } from 'geojson';
import type { Queryable } from 'db';
import { quoteIdent } from 'db';
import type { ProblemLog } from './problems.js';
import type { ImportSpec } from './specs.js';
import { inScopeSql } from '../users/scope.js';

/**
 * Tolerances: 1 % of an area outside its parent or jurisdiction; 50 m for a point; overlaps and gaps of more than
 * 200 m² that are also more than 1 m thick (mean width 2·area/perimeter), so that the hair-thin slivers left by
 * rounding and reprojection along kilometres of shared edge are not reported.
 */
export const TOLERANCE = { outsideShare: 1, areaM2: 200, widthM: 1, pointMetres: 50 };
const SUBSTANTIAL = (g: string, minArea: string) => `ST_Area(${g}::geography) > ${minArea} AND 2 * ST_Area(${g}::geography) / nullif(ST_Perimeter(${g}::geography), 0) > ${TOLERANCE.widthM}`;
/** How many overlaps/gaps a report lists with geometry (the rest are counted). */
const GEOMETRY_ROWS = 500;

export interface CheckContext {
  spec: ImportSpec;
  scopePrefix: string;
  jurisdictionCode: string;
  /** The datum the user chose or the file declared (for the offset check's message). */
  datum: string;
}

const geo = (t: string | null): Geometry | undefined => (t ? (JSON.parse(t) as Geometry) : undefined);

/** ST_MakeValid on invalid shapes; repairs that leave nothing are problems. */
export async function repairGeometry(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const dim = ctx.spec.geometry === 'Polygon' ? 3 : 1;
  const rows = await tx.query<{ n: number; code: string; reason: string; before: number; after: number; empty: boolean }>(
    `WITH bad AS (SELECT n, ST_IsValidReason(geom) AS reason, ST_Area(geom) AS before FROM import_staging WHERE NOT ST_IsValid(geom))
     UPDATE import_staging s SET repaired = b.reason, geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(s.geom), ${dim}))
     FROM bad b WHERE s.n = b.n
     RETURNING s.n, s.code, b.reason, b.before, ST_Area(s.geom) AS after, ST_IsEmpty(s.geom) AS empty`,
  );
  for (const r of rows) {
    if (r.empty) {
      log.add({ feature: r.n, code: r.code, field: 'geometry', rule: 'invalid_geometry', params: { reason: r.reason } });
      await tx.query('UPDATE import_staging SET bad = true WHERE n = $1', [r.n]);
    } else {
      const percent = r.before > 0 ? Math.round((1000 * (r.after - r.before)) / r.before) / 10 : 0;
      log.repair({ feature: r.n, code: r.code, field: 'geometry', rule: 'geometry_repaired', params: { reason: r.reason, percent } });
    }
  }
}

export async function duplicateCodes(tx: Queryable, log: ProblemLog): Promise<void> {
  const rows = await tx.query<{ n: number; code: string; first: number }>(
    `SELECT n, code, first FROM (SELECT n, code, min(n) OVER (PARTITION BY code) AS first FROM import_staging) d WHERE n <> first ORDER BY n`,
  );
  for (const r of rows) log.add({ feature: r.n, code: r.code, field: 'code', rule: 'duplicate_code', params: { code: r.code, other: r.first } });
  if (rows.length) await tx.query('UPDATE import_staging SET bad = true WHERE n = ANY($1::int[])', [rows.map((r) => r.n)]);
}

/**
 * Parts outside an enclosing shape, for the rows a `candidates` query returns (n, code, parent, found, geom, outer):
 * the difference is computed once per row that is not covered (MATERIALIZED), and its geometry is sent only when it
 * is above the tolerance, so a file of thousands of well-nested shapes costs one ST_CoveredBy each.
 */
const outsideParts = (candidates: string) => `
  WITH c AS MATERIALIZED (${candidates}),
  d AS MATERIALIZED (SELECT c.*, CASE WHEN c.outer_geom IS NOT NULL AND GeometryType(c.geom) LIKE '%POLYGON' THEN ST_Difference(c.geom, c.outer_geom) END AS x FROM c),
  p AS MATERIALIZED (SELECT d.*, round((100 * ST_Area(x) / nullif(ST_Area(geom), 0))::numeric, 1) AS pct FROM d)
  SELECT n, code, parent, found, pct,
         CASE WHEN GeometryType(geom) = 'POINT' AND outer_geom IS NOT NULL THEN round(ST_Distance(geom::geography, outer_geom::geography)::numeric) END AS metres,
         CASE WHEN pct > ${TOLERANCE.outsideShare} THEN ST_AsGeoJSON(x, 6) END AS outside
  FROM p ORDER BY n`;

/** Shapes reaching out of the user's jurisdiction (when its boundary is loaded; codes are checked before staging). */
export async function jurisdiction(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const rows = await tx.query<{ n: number; code: string; pct: number | null; metres: number | null; outside: string | null }>(
    outsideParts(`SELECT s.n, s.code, NULL::text AS parent, true AS found, s.geom, j.geom AS outer_geom
                  FROM import_staging s JOIN admin_area j ON j.code = $1 AND j.valid_to IS NULL
                  WHERE NOT ST_CoveredBy(s.geom, j.geom)`),
    [ctx.jurisdictionCode],
  );
  for (const r of rows) {
    if (r.pct !== null && r.pct > TOLERANCE.outsideShare) log.add({ feature: r.n, code: r.code, field: 'geometry', rule: 'outside_jurisdiction_area', params: { percent: r.pct }, geometry: geo(r.outside) });
    if (r.metres !== null && r.metres > TOLERANCE.pointMetres) log.add({ feature: r.n, code: r.code, field: 'geometry', rule: 'outside_jurisdiction', params: {} });
  }
}

/** Areas and grids: the parent must exist (except a county's city, which no layer imports) and hold the shape. */
export async function parentNesting(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const rows = await tx.query<{ n: number; code: string; parent: string; found: boolean; pct: number | null; outside: string | null }>(
    outsideParts(`SELECT s.n, s.code, s.parent, p.code IS NOT NULL AS found, s.geom, p.geom AS outer_geom
                  FROM import_staging s LEFT JOIN admin_area p ON p.code = s.parent AND p.valid_to IS NULL
                  WHERE s.parent IS NOT NULL AND (p.code IS NULL OR NOT ST_CoveredBy(s.geom, p.geom))`),
  );
  for (const r of rows) {
    if (!r.found) {
      if (ctx.spec.level !== 'county') log.add({ feature: r.n, code: r.code, field: 'parent_code', rule: 'parent_not_found', params: { parent: r.parent } });
    } else if (r.pct !== null && r.pct > TOLERANCE.outsideShare) {
      log.add({ feature: r.n, code: r.code, field: 'geometry', rule: 'outside_parent', params: { percent: r.pct, parent: r.parent }, geometry: geo(r.outside) });
    }
  }
}

/** Points: the area code from the location where the file has none; a given code must hold the point. */
export async function pointAreas(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const area = ctx.spec.areaColumn!;
  const derived = await tx.query<{ n: number; code: string; area: string | null }>(
    `WITH d AS (
       SELECT s.n, (SELECT a.code FROM admin_area a WHERE a.level = $1 AND a.valid_to IS NULL AND ST_Intersects(a.geom, s.geom) ORDER BY a.code LIMIT 1) AS area
       FROM import_staging s WHERE s.attrs->>${lit(area.name)} IS NULL)
     UPDATE import_staging s SET attrs = s.attrs || jsonb_build_object(${lit(area.name)}, d.area), parent = d.area
     FROM d WHERE s.n = d.n RETURNING s.n, s.code, d.area`,
    [area.level],
  );
  for (const r of derived) {
    if (!r.area) log.add({ feature: r.n, code: r.code, field: area.name, rule: 'no_area_found', params: { level: area.level } });
  }
  const given = await tx.query<{ n: number; code: string; area: string; metres: number | null }>(
    `SELECT s.n, s.code, s.attrs->>${lit(area.name)} AS area,
            round(ST_Distance(s.geom::geography, a.geom::geography)::numeric) AS metres
     FROM import_staging s LEFT JOIN admin_area a ON a.code = s.attrs->>${lit(area.name)} AND a.valid_to IS NULL
     WHERE s.attrs->>${lit(area.name)} IS NOT NULL AND (a.code IS NULL OR NOT ST_Intersects(a.geom, s.geom))`,
  );
  for (const r of given) {
    if (r.metres === null) log.add({ feature: r.n, code: r.code, field: area.name, rule: 'parent_not_found', params: { parent: r.area } });
    else if (r.metres > TOLERANCE.pointMetres) log.add({ feature: r.n, code: r.code, field: area.name, rule: 'point_outside_parent', params: { parent: r.area, metres: r.metres } });
  }
  const outOfScope = await tx.query<{ n: number; code: string }>(
    `SELECT n, code FROM import_staging WHERE NOT ${inScopeSql(`coalesce(attrs->>${lit(area.name)}, '')`, '$1')} AND attrs->>${lit(area.name)} IS NOT NULL`,
    [ctx.scopePrefix],
  );
  for (const r of outOfScope) log.add({ feature: r.n, code: r.code, field: area.name, rule: 'outside_jurisdiction', params: {} });
}

/** Sampling sites: a tracing point's plant must exist (in the database or the file); catchments need their site. */
export async function siteReferences(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  if (ctx.spec.layer === 'catchments') {
    const rows = await tx.query<{ n: number; code: string }>(
      `SELECT s.n, s.code FROM import_staging s LEFT JOIN wastewater_site w ON w.code = s.code AND ${inScopeSql('w.township_code', '$1')}
       WHERE w.id IS NULL ORDER BY s.n`,
      [ctx.scopePrefix],
    );
    for (const r of rows) log.add({ feature: r.n, code: r.code, field: 'code', rule: 'unknown_site', params: { code: r.code } });
    return;
  }
  const rows = await tx.query<{ n: number; code: string; parent: string | null; kind: string | null }>(
    `SELECT s.n, s.code, s.attrs->>'parent_site_code' AS parent, s.attrs->>'kind' AS kind FROM import_staging s
     WHERE (s.attrs->>'kind' = 'tracing' AND s.attrs->>'parent_site_code' IS NULL)
        OR (s.attrs->>'parent_site_code' IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM wastewater_site w WHERE w.code = s.attrs->>'parent_site_code')
            AND NOT EXISTS (SELECT 1 FROM import_staging p WHERE p.code = s.attrs->>'parent_site_code'))`,
  );
  for (const r of rows) {
    if (!r.parent) log.add({ feature: r.n, code: r.code, field: 'parent_site_code', rule: 'missing_value', params: { field: 'parent_site_code' } });
    else log.add({ feature: r.n, code: r.code, field: 'parent_site_code', rule: 'unknown_parent_site', params: { parent: r.parent } });
  }
}

/** Vertices per piece when shapes are cut up for the pairwise checks (ST_Subdivide). */
const PIECE_VERTICES = 64;
/** Planar area (square degrees) below which an overlap or gap cannot reach TOLERANCE.areaM2 anywhere on Earth. */
const MIN_PLANAR = `(${TOLERANCE.areaM2} / (111320.0 * 111320.0))`;

/**
 * The file's shapes and their current neighbours (same kind, not replaced by the file), cut into pieces of at most
 * PIECE_VERTICES vertices, indexed and analysed: two neighbours with long shared boundaries then meet only in the
 * few pieces along that boundary, and each intersection is between small pieces rather than whole polygons.
 */
async function stagePieces(tx: Queryable, ctx: CheckContext): Promise<void> {
  const current = ctx.spec.store === 'admin_area'
    ? `admin_area e ON e.level = ${lit(ctx.spec.level!)} AND e.valid_to IS NULL AND`
    : 'grid_cell e ON';
  await tx.exec(`
    CREATE TEMP TABLE import_piece ON COMMIT DROP AS
      SELECT n, code, ST_Subdivide(geom, ${PIECE_VERTICES}) AS geom FROM import_staging;
    CREATE TEMP TABLE import_neighbour_piece ON COMMIT DROP AS
      SELECT code, ST_Subdivide(geom, ${PIECE_VERTICES}) AS geom FROM (
        SELECT DISTINCT ON (e.code) e.code, e.geom FROM import_staging s JOIN ${current} e.geom && s.geom
        WHERE NOT EXISTS (SELECT 1 FROM import_staging k WHERE k.code = e.code)) e;
    CREATE INDEX ON import_piece USING gist (geom);
    CREATE INDEX ON import_neighbour_piece USING gist (geom);
    ANALYZE import_piece;
    ANALYZE import_neighbour_piece`);
}

/** Overlaps with current neighbours of the same kind (not replaced by this file) and between features of the file. */
export async function overlaps(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  await stagePieces(tx, ctx);
  const rows = await tx.query<{ n: number; code: string; other: string; m2: number; g: string }>(
    // Pieces whose boxes meet (GiST), their polygonal intersection; a pair's planar area summed over its pieces
    // (pieces of one shape do not overlap) decides cheaply which pairs may be large enough; only those are joined
    // back into one shape and measured on the spheroid.
    `WITH x AS (
       SELECT a.n, a.code, b.code AS other, ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) AS g
       FROM import_piece a JOIN import_neighbour_piece b ON a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
       UNION ALL
       SELECT b.n, b.code, a.code, ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3)
       FROM import_piece a JOIN import_piece b ON a.geom && b.geom AND a.n < b.n AND a.code <> b.code AND ST_Intersects(a.geom, b.geom)),
     pairs AS MATERIALIZED (
       SELECT n, code, other, ST_UnaryUnion(ST_Collect(g)) AS g FROM x WHERE NOT ST_IsEmpty(g)
       GROUP BY n, code, other HAVING sum(ST_Area(g)) > ${MIN_PLANAR})
     SELECT n, code, other, round(ST_Area(g::geography)::numeric) AS m2, ST_AsGeoJSON(g, 6) AS g
     FROM pairs WHERE ${SUBSTANTIAL('g', '$1')} ORDER BY n LIMIT ${GEOMETRY_ROWS}`,
    [TOLERANCE.areaM2],
  );
  for (const r of rows) log.add({ feature: r.n, code: r.code, field: 'geometry', rule: 'overlap', params: { other: r.other, area: r.m2 }, geometry: geo(r.g) });
}

/**
 * Gaps: parts of a parent touched by the file that no child covers after the import and that were covered before
 * (gaps the stored data already had are not the file's doing); for a parent without children yet, every gap.
 * For a parent with children, the new gaps lie in the old shapes of the children the file redraws: each such old
 * shape minus the children after the import that reach into its box. Children kept, or replaced by the same shape,
 * open nothing, so a re-import of unchanged boundaries costs no geometry work at all.
 */
export async function gaps(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const rows = await tx.query<{ parent: string; m2: number; g: string }>(
    `WITH parents AS MATERIALIZED (SELECT DISTINCT parent FROM import_staging WHERE parent IS NOT NULL AND NOT bad),
     before AS MATERIALIZED (
       SELECT e.parent_code AS parent, e.code, e.geom FROM admin_area e JOIN parents p ON p.parent = e.parent_code
       WHERE e.level = $1 AND e.valid_to IS NULL),
     after AS MATERIALIZED (
       SELECT s.parent, s.geom FROM import_staging s WHERE s.parent IS NOT NULL AND NOT s.bad
       UNION ALL
       SELECT b.parent, b.geom FROM before b WHERE NOT EXISTS (SELECT 1 FROM import_staging k WHERE k.code = b.code AND NOT k.bad)),
     fresh AS (
       SELECT p.code AS parent, ST_Difference(p.geom, (SELECT ST_Union(a.geom) FROM after a WHERE a.parent = p.code)) AS g
       FROM parents x JOIN admin_area p ON p.code = x.parent AND p.valid_to IS NULL
       WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.parent = x.parent)),
     opened AS (
       SELECT b.parent,
              ST_Difference(ST_Intersection(b.geom, p.geom),
                            coalesce((SELECT ST_Union(a.geom) FROM after a WHERE a.parent = b.parent AND a.geom && b.geom), 'GEOMETRYCOLLECTION EMPTY'::geometry)) AS g
       FROM before b JOIN import_staging s ON s.code = b.code AND NOT s.bad
            JOIN admin_area p ON p.code = b.parent AND p.valid_to IS NULL
       WHERE NOT ST_OrderingEquals(s.geom, b.geom)),
     holes AS (
       SELECT parent, g FROM fresh
       UNION ALL
       -- Neighbouring redrawn children may each hold part of one gap: joined per parent before it is measured.
       SELECT parent, ST_UnaryUnion(ST_Collect(g)) FROM opened WHERE NOT ST_IsEmpty(g) GROUP BY parent),
     pieces AS (SELECT parent, (ST_Dump(g)).geom AS g FROM holes WHERE g IS NOT NULL)
     SELECT parent, round(ST_Area(g::geography)::numeric) AS m2, ST_AsGeoJSON(g, 6) AS g
     FROM pieces WHERE GeometryType(g) = 'POLYGON' AND ST_Area(g) > ${MIN_PLANAR} AND ${SUBSTANTIAL('g', '$2')}
     ORDER BY parent LIMIT ${GEOMETRY_ROWS}`,
    [ctx.spec.level, TOLERANCE.areaM2],
  );
  for (const r of rows) log.add({ feature: 0, code: r.parent, field: 'geometry', rule: 'gap', params: { parent: r.parent, area: r.m2 }, geometry: geo(r.g) });
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Existing rows of the same key: their representative point (bbox centre for areas, the point for sites). */
function existingPoints(spec: ImportSpec): string {
  const key = quoteIdent(spec.key === 'credit_code' ? 'credit_code' : 'code');
  const geom = spec.store === 'catchment' ? 'catchment' : 'geom';
  const current = spec.store === 'admin_area' ? ` AND e.valid_to IS NULL AND e.level = ${lit(spec.level!)}` : '';
  const rep = spec.geometry === 'Polygon' ? `ST_Centroid(ST_Envelope(e.${geom}))` : `e.${geom}`;
  return `SELECT s.n, ${rep} AS e, s.cand_wgs84, s.cand_gcj02, s.cand_bd09
          FROM import_staging s JOIN ${quoteIdent(spec.table)} e ON e.${key} = s.code${current} AND e.${geom} IS NOT NULL
          WHERE s.cand_wgs84 IS NOT NULL`;
}

/**
 * A wrong datum shows as a consistent shift: compared with the stored features of the same codes, the file's
 * points read in the chosen datum sit a few hundred metres off, while read in another web-map datum they land
 * within metres. Without matching codes, the share of points inside their parent area decides the same question.
 */
export async function datumOffset(tx: Queryable, ctx: CheckContext, log: ProblemLog): Promise<void> {
  const chosen = ctx.datum === 'cgcs2000' ? 'wgs84' : ctx.datum;
  if (!['wgs84', 'gcj02', 'bd09'].includes(chosen)) return;
  const [m] = await tx.query<{ n: number; wgs84: number; gcj02: number; bd09: number }>(
    `WITH p AS (${existingPoints(ctx.spec)})
     SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(cand_wgs84::geography, e::geography)) AS wgs84,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(cand_gcj02::geography, e::geography)) AS gcj02,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(cand_bd09::geography, e::geography)) AS bd09
     FROM p`,
  );
  let evidence: { suggested: string; metres: number } | null = null;
  if (m && m.n > 0) {
    const med = { wgs84: m.wgs84, gcj02: m.gcj02, bd09: m.bd09 } as Record<string, number>;
    const best = Object.entries(med).sort((a, b) => a[1] - b[1])[0]!;
    if (best[0] !== chosen && med[chosen]! > 100 && best[1] < 10) evidence = { suggested: best[0], metres: Math.round(med[chosen]!) };
  } else {
    const [c] = await tx.query<{ n: number; wgs84: number; gcj02: number; bd09: number }>(
      `SELECT count(*)::int AS n,
              avg((ST_Intersects(a.geom, s.cand_wgs84))::int) AS wgs84, avg((ST_Intersects(a.geom, s.cand_gcj02))::int) AS gcj02,
              avg((ST_Intersects(a.geom, s.cand_bd09))::int) AS bd09
       FROM import_staging s JOIN admin_area a ON a.code = s.parent AND a.valid_to IS NULL
       WHERE s.cand_wgs84 IS NOT NULL`,
    );
    if (c && c.n >= 10) {
      const share = { wgs84: c.wgs84, gcj02: c.gcj02, bd09: c.bd09 } as Record<string, number>;
      const best = Object.entries(share).sort((a, b) => b[1] - a[1])[0]!;
      if (best[0] !== chosen && best[1] >= 0.9 && best[1] - share[chosen]! >= 0.15) {
        const [d] = await tx.query<{ metres: number }>(
          `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(${quoteIdent('cand_' + chosen)}::geography, ${quoteIdent('cand_' + best[0])}::geography)) AS metres
           FROM import_staging WHERE cand_wgs84 IS NOT NULL`,
        );
        evidence = { suggested: best[0], metres: Math.round(d?.metres ?? 0) };
      }
    }
  }
  if (evidence) {
    log.add({ feature: 0, code: null, field: 'datum', rule: 'datum_offset_suspected', params: { metres: evidence.metres, suggested: evidence.suggested, chosen: ctx.datum } });
  }
}
