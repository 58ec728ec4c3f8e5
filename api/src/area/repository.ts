/** Area details: parent chain, population, listing as of a date, drug signals, what lies inside, people counts. */
import type { Queryable } from 'db';
import { scopePrefix } from 'domain/codes';
import type { AreaDetail, PeopleMonth } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export type { AreaDetail };

export async function findArea(db: Queryable, code: string, asOf: string, userPrefix: string): Promise<AreaDetail | null> {
  const [area] = await db.query<Omit<AreaDetail, 'parents' | 'listing' | 'signals' | 'counts' | 'bbox'> & { w: number; s: number; e: number; n: number }>(
    `SELECT code, name, level, kind, population,
            ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n
     FROM admin_area WHERE code = $1 AND valid_to IS NULL AND ${inScopeSql('code', '$2')}`,
    [code, userPrefix],
  );
  if (!area) return null;
  const prefix = scopePrefix(code);
  const [parents, listing, signals, counts] = await Promise.all([
    db.query<{ code: string; name: string; level: string }>(
      `WITH RECURSIVE chain AS (
         SELECT parent_code, 0 AS depth FROM admin_area WHERE code = $1 AND valid_to IS NULL
         UNION ALL
         SELECT a.parent_code, c.depth + 1 FROM chain c JOIN admin_area a ON a.code = c.parent_code AND a.valid_to IS NULL
       )
       SELECT a.code, a.name, a.level FROM chain c JOIN admin_area a ON a.code = c.parent_code AND a.valid_to IS NULL
       ORDER BY c.depth DESC`,
      [code],
    ),
    db.query<{ id: number; grade: string; status: string; term_ends_on: string; listed_on: string; body: string; categories: string[] }>(
      `SELECT ls.listing_id AS id, ls.grade, ls.status, ls.term_ends_on, ls.listed_on, l.body, l.categories
       FROM listing_state_at($1, $2::date) ls JOIN listing l ON l.id = ls.listing_id`,
      [code, asOf],
    ),
    db.query<{ substance: string; trend: string; latest_load: number | null; pct_change: number | null; n_samples: number; coverage: number }>(
      'SELECT substance, trend, latest_load, pct_change, n_samples, coverage FROM area_signal WHERE area_code = $1 ORDER BY substance',
      [code],
    ),
    db.query<AreaDetail['counts']>(
      `SELECT
        (SELECT count(*) FROM admin_area WHERE level = 'village' AND valid_to IS NULL AND ${inScopeSql('code', '$1')})::int AS villages,
        (SELECT count(*) FROM grid_cell WHERE ${inScopeSql('code', '$1')})::int AS grids,
        (SELECT count(*) FROM checkpoint WHERE ${inScopeSql('county_code', '$1')} OR ST_Intersects(geom, (SELECT geom FROM admin_area WHERE code = $2 AND valid_to IS NULL)))::int AS checkpoints,
        (SELECT count(*) FROM firm WHERE ${inScopeSql('township_code', '$1')})::int AS firms,
        (SELECT count(*) FROM venue WHERE ${inScopeSql('township_code', '$1')})::int AS venues,
        (SELECT count(*) FROM wastewater_site WHERE ${inScopeSql('township_code', '$1')})::int AS "wastewaterSites"`,
      [prefix, code],
    ),
  ]);
  const l = listing[0];
  const { w, s, e, n, ...rest } = area;
  return {
    ...rest,
    bbox: [w, s, e, n],
    parents,
    listing: l ? { id: l.id, grade: l.grade, status: l.status, termEndsOn: l.term_ends_on, listedOn: l.listed_on, body: l.body, categories: l.categories } : null,
    signals: signals.map((r) => ({ substance: r.substance, trend: r.trend, latestLoad: r.latest_load, pctChange: r.pct_change, nSamples: r.n_samples, coverage: r.coverage })),
    counts: counts[0]!,
  };
}

/**
 * Monthly people counts (aggregates only) summed over an area's grids, latest month first. Grid officers get
 * only their own grids (gridCodes); callers check the role may see counts at all.
 */
export async function areaPeopleCounts(db: Queryable, code: string, gridCodes: string[] | null, months = 12) {
  return db.query<PeopleMonth>(
    `SELECT month, sum(registered)::int AS registered, sum(under_control)::int AS under_control, sum(risk_high)::int AS risk_high,
            sum(rehab_due)::int AS rehab_due, sum(rehab_done)::int AS rehab_done
     FROM grid_month WHERE ${inScopeSql('grid_code', '$1')} AND ($2::text[] IS NULL OR grid_code = ANY($2::text[]))
     GROUP BY month ORDER BY month DESC LIMIT $3`,
    [scopePrefix(code), gridCodes, months],
  );
}
