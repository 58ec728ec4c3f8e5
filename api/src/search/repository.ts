/**
 * Search by Chinese name (substring) or code (prefix) over areas, grids and sites, within the user's scope.
 * Each hit carries a bbox to zoom to. Input is a bound parameter; `position()` avoids LIKE wildcards entirely.
 *
 * A name is found through the GIN index of its characters and pairs of characters (migration 165: name_grams),
 * then confirmed by the substring test; a code prefix through the code's btree index, as a range (users/scope.ts
 * says why a range). The statement is planned with its values (not prepared), so an empty code arm folds away.
 */
import type { Queryable } from 'db';
import { inScopeSql } from '../users/scope.js';

import type { SearchHit } from './schemas.js';

export type { SearchHit };

/** `column` contains the query $1: candidates from the n-gram index, confirmed by the substring test. */
const nameHas = (column: string) => `(name_grams(${column}) @> query_grams($1) AND position($1 in ${column}) > 0)`;
/** `column` starts with the code prefix $3 ('' when the query is not a code: no row). */
const codeStarts = (column: string) => `($3 <> '' AND ${inScopeSql(column, '$3')})`;

const LEVEL_LAYER = `CASE a.level WHEN 'county' THEN 'counties' WHEN 'township' THEN 'townships' WHEN 'village' THEN 'villages' ELSE 'counties' END`;

export async function search(db: Queryable, q: string, prefix: string, limit: number): Promise<SearchHit[]> {
  const rows = await db.query<Omit<SearchHit, 'bbox'> & { w: number; s: number; e: number; n: number; rank: number }>(
    `WITH hits AS (
       SELECT 'area' AS kind, a.id, a.code, a.name, a.level, NULL AS parent_name, a.parent_code, ${LEVEL_LAYER} AS layer, a.geom,
              CASE a.level WHEN 'city' THEN 0 WHEN 'county' THEN 1 WHEN 'township' THEN 2 ELSE 3 END AS rank
       FROM admin_area a
       WHERE a.valid_to IS NULL AND ${inScopeSql('a.code', '$2')} AND (${nameHas('a.name')} OR ${codeStarts('a.code')})
       UNION ALL
       SELECT 'grid', g.id, g.code, g.name, NULL, NULL, g.village_code, 'grids', g.geom, 4
       FROM grid_cell g WHERE ${inScopeSql('g.code', '$2')} AND (${nameHas('g.name')} OR ${codeStarts('g.code')})
       UNION ALL
       SELECT 'checkpoint', c.id, c.code, c.name, NULL, c.road_ref, NULL, 'checkpoints', c.geom, 5
       FROM checkpoint c WHERE ${inScopeSql('c.county_code', '$2')} AND (${nameHas('c.name')} OR c.code = $1)
       UNION ALL
       SELECT 'firm', f.id, f.credit_code, f.name, NULL, f.address, NULL, 'firms', f.geom, 5
       FROM firm f WHERE ${inScopeSql('f.township_code', '$2')} AND (${nameHas('f.name')} OR f.credit_code = upper($1))
       UNION ALL
       SELECT 'venue', v.id, v.code, v.name, NULL, v.address, NULL, 'venues', v.geom, 6
       FROM venue v WHERE ${inScopeSql('v.township_code', '$2')} AND (${nameHas('v.name')} OR v.code = upper($1))
       UNION ALL
       SELECT 'wastewater_site', s.id, s.code, s.name, NULL, NULL, NULL, 'wastewater_sites', s.geom, 5
       FROM wastewater_site s WHERE ${inScopeSql('s.township_code', '$2')} AND (${nameHas('s.name')} OR s.code = upper($1))
     ),
     -- The best hits first, and only then their parents' names: looked up for these few rows, not joined to
     -- every area and grid of a province (a hash join over all of admin_area, ~0.3 s at province scale).
     best AS (SELECT * FROM hits ORDER BY (name = $1) DESC, rank, length(name), code LIMIT $4)
     SELECT kind, id, code, name, level, rank,
            coalesce(parent_name, (SELECT p.name FROM admin_area p WHERE p.code = best.parent_code AND p.valid_to IS NULL)) AS "parentName",
            layer, ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n
     FROM best ORDER BY (name = $1) DESC, rank, length(name), code`,
    [q, prefix, /^\d{2,15}$/.test(q) ? q : '', limit],
  );
  return rows.map(({ w, s, e, n, rank: _r, ...hit }) => {
    // A point gets a box of about 300 m so that "zoom to" lands at street level.
    const pad = w === e ? 0.0015 : 0;
    // 7 decimals ≈ 1 cm: enough to zoom to, and the same answer whichever GEOS computed the extent.
    const r = (v: number) => Math.round(v * 1e7) / 1e7;
    return { ...hit, bbox: [r(w - pad), r(s - pad), r(e + pad), r(n + pad)] as SearchHit['bbox'] };
  });
}
