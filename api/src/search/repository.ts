/**
 * Search by Chinese name (substring) or code (prefix) over areas, grids and sites, within the user's scope.
 * Each hit carries a bbox to zoom to. Input is a bound parameter; `position()` avoids LIKE wildcards entirely.
 */
import type { Queryable } from 'db';
import { inScopeSql } from '../users/scope.js';

import type { SearchHit } from './schemas.js';

export type { SearchHit };

const LEVEL_LAYER = `CASE a.level WHEN 'county' THEN 'counties' WHEN 'township' THEN 'townships' WHEN 'village' THEN 'villages' ELSE 'counties' END`;

export async function search(db: Queryable, q: string, prefix: string, limit: number): Promise<SearchHit[]> {
  const rows = await db.query<Omit<SearchHit, 'bbox'> & { w: number; s: number; e: number; n: number; rank: number }>(
    `WITH hits AS (
       SELECT 'area' AS kind, a.id, a.code, a.name, a.level, NULL AS parent_name, a.parent_code, ${LEVEL_LAYER} AS layer, a.geom,
              CASE a.level WHEN 'city' THEN 0 WHEN 'county' THEN 1 WHEN 'township' THEN 2 ELSE 3 END AS rank
       FROM admin_area a
       WHERE a.valid_to IS NULL AND ${inScopeSql('a.code', '$2')} AND (position($1 in a.name) > 0 OR a.code LIKE $3)
       UNION ALL
       SELECT 'grid', g.id, g.code, g.name, NULL, NULL, g.village_code, 'grids', g.geom, 4
       FROM grid_cell g WHERE ${inScopeSql('g.code', '$2')} AND (position($1 in g.name) > 0 OR g.code LIKE $3)
       UNION ALL
       SELECT 'checkpoint', c.id, c.code, c.name, NULL, c.road_ref, NULL, 'checkpoints', c.geom, 5
       FROM checkpoint c WHERE ${inScopeSql('c.county_code', '$2')} AND (position($1 in c.name) > 0 OR c.code = $1)
       UNION ALL
       SELECT 'firm', f.id, f.credit_code, f.name, NULL, f.address, NULL, 'firms', f.geom, 5
       FROM firm f WHERE ${inScopeSql('f.township_code', '$2')} AND (position($1 in f.name) > 0 OR f.credit_code = upper($1))
       UNION ALL
       SELECT 'venue', v.id, v.code, v.name, NULL, v.address, NULL, 'venues', v.geom, 6
       FROM venue v WHERE ${inScopeSql('v.township_code', '$2')} AND (position($1 in v.name) > 0 OR v.code = upper($1))
       UNION ALL
       SELECT 'wastewater_site', s.id, s.code, s.name, NULL, NULL, NULL, 'wastewater_sites', s.geom, 5
       FROM wastewater_site s WHERE ${inScopeSql('s.township_code', '$2')} AND (position($1 in s.name) > 0 OR s.code = upper($1))
     ),
     -- The best hits first, and only then their parents' names: looked up for these few rows, not joined to
     -- every area and grid of a province (a hash join over all of admin_area, ~0.3 s at province scale).
     best AS (SELECT * FROM hits ORDER BY (name = $1) DESC, rank, length(name), code LIMIT $4)
     SELECT kind, id, code, name, level, rank,
            coalesce(parent_name, (SELECT p.name FROM admin_area p WHERE p.code = best.parent_code AND p.valid_to IS NULL)) AS "parentName",
            layer, ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n
     FROM best ORDER BY (name = $1) DESC, rank, length(name), code`,
    [q, prefix, /^\d{2,15}$/.test(q) ? `${q}%` : '', limit],
  );
  return rows.map(({ w, s, e, n, rank: _r, ...hit }) => {
    // A point gets a box of about 300 m so that "zoom to" lands at street level.
    const pad = w === e ? 0.0015 : 0;
    // 7 decimals ≈ 1 cm: enough to zoom to, and the same answer whichever GEOS computed the extent.
    const r = (v: number) => Math.round(v * 1e7) / 1e7;
    return { ...hit, bbox: [r(w - pad), r(s - pad), r(e + pad), r(n + pad)] as SearchHit['bbox'] };
  });
}
