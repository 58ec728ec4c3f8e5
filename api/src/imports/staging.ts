/**
 * The staging table: converted features of one import, in a temporary table of the import's own transaction
 * (dropped at its end), where PostGIS does the checks, the diff and the write. Rows arrive in batches, so memory
 * holds one batch at a time.
 */
import type { Geometry } from 'geojson';
import type { Queryable } from 'db';
import type { DatumCandidate } from './convert.js';
import type { FieldValue } from './mapping.js';

export const STAGING = 'import_staging';

export const CREATE_STAGING = `
  CREATE TEMP TABLE import_staging (
    n          integer PRIMARY KEY,
    code       text NOT NULL,
    attrs      jsonb NOT NULL,
    geom       geometry(Geometry, 4326) NOT NULL,
    -- The source's centre read as each web-map datum (geographic sources), for the wrong-datum check.
    cand_wgs84 geometry(Point, 4326),
    cand_gcj02 geometry(Point, 4326),
    cand_bd09  geometry(Point, 4326),
    -- A problem found before staging (a bad value): shown on the map, never written.
    bad        boolean NOT NULL DEFAULT false,
    parent     text,
    repaired   text,
    status     text,
    changed    text[]
  ) ON COMMIT DROP`;

export interface StagedRow {
  n: number;
  code: string;
  attrs: Record<string, FieldValue>;
  geometry: Geometry;
  candidates: Record<DatumCandidate, [number, number]> | null;
  bad: boolean;
  parent: string | null;
}

const INSERT = `
  INSERT INTO import_staging (n, code, attrs, geom, cand_wgs84, cand_gcj02, cand_bd09, bad, parent)
  SELECT r.n, r.code, r.attrs, ST_SetSRID(ST_GeomFromGeoJSON(r.g), 4326),
         CASE WHEN r.wx IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.wx, r.wy), 4326) END,
         CASE WHEN r.gx IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.gx, r.gy), 4326) END,
         CASE WHEN r.bx IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.bx, r.by), 4326) END,
         r.bad, r.parent
  FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::float8[],
              $9::float8[], $10::float8[], $11::boolean[], $12::text[])
       AS r(n, code, attrs, g, wx, wy, gx, gy, bx, by, bad, parent)
  ON CONFLICT (n) DO NOTHING`;

export async function insertBatch(tx: Queryable, rows: readonly StagedRow[]): Promise<void> {
  if (!rows.length) return;
  const c = (d: DatumCandidate, i: 0 | 1) => rows.map((r) => r.candidates?.[d][i] ?? null);
  await tx.query(INSERT, [
    rows.map((r) => r.n),
    rows.map((r) => r.code),
    rows.map((r) => JSON.stringify(r.attrs)),
    rows.map((r) => JSON.stringify(r.geometry)),
    c('wgs84', 0), c('wgs84', 1), c('gcj02', 0), c('gcj02', 1), c('bd09', 0), c('bd09', 1),
    rows.map((r) => r.bad),
    rows.map((r) => r.parent),
  ]);
}

/** Indexes once the rows are in: the checks join on code and parent and test geometry. */
export const INDEX_STAGING = `
  CREATE INDEX ON import_staging (code);
  CREATE INDEX ON import_staging (parent);
  CREATE INDEX ON import_staging USING gist (geom);
  ANALYZE import_staging`;

/** For the import's transaction only (SET LOCAL): see service.ts. */
export const SET_NO_JIT = 'SET LOCAL jit = off';
