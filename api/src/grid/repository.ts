/**
 * Grids for the people who walk them: where a position falls (grid → village → township) and the officer's own
 * grids with what is due there. Positions are WGS84 here; routes convert GCJ-02/BD-09 input first.
 */
import type { Queryable } from 'db';
import type { GridDistance, GridHit, MyGrid } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export type { GridHit };

export async function gridAt(db: Queryable, lon: number, lat: number, prefix: string): Promise<GridHit | null> {
  const [row] = await db.query<GridHit>(
    `SELECT g.code, g.name, v.code AS "villageCode", v.name AS "villageName", t.code AS "townshipCode", t.name AS "townshipName"
     FROM grid_cell g
     JOIN admin_area v ON v.code = g.village_code AND v.valid_to IS NULL
     JOIN admin_area t ON t.code = v.parent_code AND t.valid_to IS NULL
     WHERE ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) AND ${inScopeSql('g.code', '$3')}
     ORDER BY g.code LIMIT 1`,
    [lon, lat, prefix],
  );
  return row ?? null;
}

/** Distance in metres from a position to each of the given grids (0 inside), nearest first. */
export async function distancesToGrids(db: Queryable, lon: number, lat: number, gridCodes: string[]) {
  if (gridCodes.length === 0) return [];
  return db.query<GridDistance>(
    `SELECT code, name, round(ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)::numeric, 1)::float8 AS metres
     FROM grid_cell WHERE code = ANY($3::text[]) ORDER BY 3, code`,
    [lon, lat, gridCodes],
  );
}

/** A grid officer's grids: boundary as GeoJSON, households, sites inside and what is due within `withinDays`. */
export async function gridsWithDueWork(db: Queryable, gridCodes: string[], asOf: string, withinDays: number) {
  if (gridCodes.length === 0) return [];
  return db.query<MyGrid>(
    `SELECT g.code, g.name, g.households, g.population, ST_AsGeoJSON(g.geom, 6)::json AS boundary,
            ARRAY[ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)] AS bbox,
            (SELECT coalesce(json_agg(json_build_object('kind', d.kind, 'id', d.id, 'name', d.name, 'due', d.due) ORDER BY d.due), '[]'::json)
             FROM (
               SELECT 'firm' AS kind, f.id, f.name, inspection_next_due(max(i.inspected_on), f.inspection_every_days) AS due
               FROM firm f LEFT JOIN inspection i ON i.firm_id = f.id
               WHERE ST_Intersects(f.geom, g.geom) GROUP BY f.id
               UNION ALL
               SELECT 'venue', v.id, v.name, inspection_next_due(max(i.inspected_on), v.inspection_every_days)
               FROM venue v LEFT JOIN inspection i ON i.venue_id = v.id
               WHERE ST_Intersects(v.geom, g.geom) GROUP BY v.id
             ) d WHERE d.due <= $2::date + $3::int) AS due,
            (SELECT json_build_object('month', m.month, 'rehabDue', m.rehab_due, 'rehabDone', m.rehab_done, 'registered', m.registered, 'underControl', m.under_control)
             FROM grid_month m WHERE m.grid_code = g.code AND m.month <= $2::date ORDER BY m.month DESC LIMIT 1) AS "latestMonth"
     FROM grid_cell g WHERE g.code = ANY($1::text[]) ORDER BY g.code`,
    [gridCodes, asOf, withinDays],
  );
}
