/**
 * The diff of an import against the current rows: every staged feature is new, changed (with the fields that
 * differ) or unchanged. Geometry counts as unchanged within GEOMETRY_TOLERANCE_DEG (about 3 m): a boundary
 * exported, converted to GCJ-02 and imported back with datum=gcj02 moves by well under a metre and reads as
 * unchanged, while a real redraw of a boundary moves by more.
 */
import type { Queryable } from 'db';
import { columnFields, columnOf, currentRows, geomColumn, keyColumn, mapped, valueOf } from './columns.js';
import type { ImportSpec } from './specs.js';

/** 3e-5° is 3.3 m of latitude and less of longitude: the largest displacement still called "the same". */
export const GEOMETRY_TOLERANCE_DEG = 3e-5;

export interface DiffCounts {
  new: number;
  changed: number;
  unchanged: number;
}

export interface Change {
  feature: number;
  code: string;
  fields: string[];
  /** Largest displacement of the geometry, metres (approximate), when it changed. */
  shiftMetres: number | null;
}

function diffSql(spec: ImportSpec): string {
  const g = geomColumn(spec);
  const fieldChecks = columnFields(spec).map(
    (f) => `CASE WHEN ${mapped(f)} AND ${valueOf(f)} IS DISTINCT FROM c.${columnOf(f)} THEN '${f.name}' END`,
  );
  const geomDiffers = spec.geometry === 'Point'
    ? `ST_Distance(s.geom, c.${g}) > ${GEOMETRY_TOLERANCE_DEG}`
    : `NOT ST_OrderingEquals(s.geom, c.${g}) AND ST_HausdorffDistance(s.geom, c.${g}) > ${GEOMETRY_TOLERANCE_DEG}`;
  return `
    WITH d AS (
      SELECT s.n, c.${keyColumn(spec)} IS NOT NULL AS found,
             array_remove(ARRAY[${[...fieldChecks, `CASE WHEN ${geomDiffers} THEN 'geometry' END`].join(', ')}]::text[], NULL) AS ch
      FROM import_staging s LEFT JOIN ${currentRows(spec)} c ON c.${keyColumn(spec)} = s.code)
    UPDATE import_staging s
    SET status = CASE WHEN NOT d.found THEN 'new' WHEN cardinality(d.ch) > 0 THEN 'changed' ELSE 'unchanged' END,
        changed = CASE WHEN d.found THEN d.ch END
    FROM d WHERE d.n = s.n`;
}

export async function diffAgainstCurrent(tx: Queryable, spec: ImportSpec): Promise<DiffCounts> {
  await tx.query(diffSql(spec));
  const [c] = await tx.query<DiffCounts>(
    `SELECT count(*) FILTER (WHERE status = 'new')::int AS new, count(*) FILTER (WHERE status = 'changed')::int AS changed,
            count(*) FILTER (WHERE status = 'unchanged')::int AS unchanged
     FROM import_staging WHERE NOT bad`,
  );
  return c ?? { new: 0, changed: 0, unchanged: 0 };
}

/** The changed features and what changed, for the report (at most `limit`). */
export async function listChanges(tx: Queryable, spec: ImportSpec, limit: number): Promise<Change[]> {
  const g = geomColumn(spec);
  const rows = await tx.query<{ n: number; code: string; changed: string[]; shift: number | null }>(
    `SELECT s.n, s.code, s.changed,
            CASE WHEN 'geometry' = ANY(s.changed) THEN round((ST_HausdorffDistance(s.geom, c.${g}) * 111320)::numeric, 1) END AS shift
     FROM import_staging s JOIN ${currentRows(spec)} c ON c.${keyColumn(spec)} = s.code
     WHERE s.status = 'changed' AND NOT s.bad ORDER BY s.n LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ feature: r.n, code: r.code, fields: r.changed, shiftMetres: r.shift }));
}
