/**
 * Seed step: wastewater sampling sites (污水验毒). One plant inlet per township whose catchment is the urban
 * part of the township — its communities and densest villages — with population_served the people living there;
 * in some townships, tracing points (溯源) upstream inside the catchment, draining to that plant; in a few rural
 * townships a second, newer plant (code suffix -2) that joined the sampling programme late (story.ts).
 * Set-based: two statements for the whole region.
 */
import type { SeedStep } from './context.js';
import { chance } from './rng.js';
import { regionSize } from './sizes.js';

/** The villages each plant serves: streets are almost entirely sewered; elsewhere the communities and densest third. */
const CATCHMENT_VILLAGES = `
  WITH ranked AS (
    SELECT v.code, v.parent_code AS township_code, v.population, v.geom, t.kind AS township_kind,
           row_number() OVER (PARTITION BY v.parent_code
                              ORDER BY (v.kind = 'community') DESC, v.population / ST_Area(v.geom) DESC, v.code) AS rank,
           count(*) OVER (PARTITION BY v.parent_code) AS n
    FROM admin_area v JOIN admin_area t ON t.code = v.parent_code
    WHERE v.level = 'village' AND v.valid_to IS NULL
  )
  SELECT * FROM ranked
  WHERE rank <= greatest(1, ceil(n * CASE WHEN township_kind IN ('street', 'park') THEN 0.8 ELSE 0.35 END))`;

const INSERT_PLANTS = `
  WITH served AS (${CATCHMENT_VILLAGES})
  INSERT INTO wastewater_site (code, name, kind, township_code, population_served, geom, catchment)
  SELECT 'WW-' || left(s.township_code, 9), t.name || '污水处理厂进水口', 'plant_inlet', s.township_code,
         sum(s.population)::int, ST_PointOnSurface(ST_Union(s.geom)), ST_Multi(ST_Union(s.geom))
  FROM served s JOIN admin_area t ON t.code = s.township_code
  GROUP BY s.township_code, t.name
  ORDER BY s.township_code`;

/**
 * Second plants (story.ts: they joined the sampling programme late): in every fourth rural township with enough
 * villages, a plant serving the three villages ranked just after the first plant's catchment, so that its
 * catchment does not overlap the first one's.
 */
const INSERT_SECOND_PLANTS = `
  WITH ranked AS (
    SELECT v.code, v.parent_code AS township_code, v.population, v.geom, t.kind AS township_kind,
           row_number() OVER (PARTITION BY v.parent_code
                              ORDER BY (v.kind = 'community') DESC, v.population / ST_Area(v.geom) DESC, v.code) AS rank,
           count(*) OVER (PARTITION BY v.parent_code) AS n
    FROM admin_area v JOIN admin_area t ON t.code = v.parent_code
    WHERE v.level = 'village' AND v.valid_to IS NULL
  ),
  served AS (
    SELECT * FROM ranked
    WHERE township_kind NOT IN ('street', 'park') AND n >= 6 AND substr(township_code, 7, 3)::int % 4 = 3
      AND rank > greatest(1, ceil(n * 0.35)) AND rank <= greatest(1, ceil(n * 0.35)) + 3
  )
  INSERT INTO wastewater_site (code, name, kind, township_code, population_served, geom, catchment)
  SELECT 'WW-' || left(s.township_code, 9) || '-2', t.name || '新区污水处理厂进水口', 'plant_inlet', s.township_code,
         sum(s.population)::int, ST_PointOnSurface(ST_Union(s.geom)), ST_Multi(ST_Union(s.geom))
  FROM served s JOIN admin_area t ON t.code = s.township_code
  GROUP BY s.township_code, t.name
  ORDER BY s.township_code`;

/** Tracing points: at the chosen catchment village (by rank), draining to the township's plant. */
const INSERT_TRACING = `
  WITH served AS (${CATCHMENT_VILLAGES}),
  wanted AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS w(township_code text, rank int, n int))
  INSERT INTO wastewater_site (code, name, kind, parent_site_id, township_code, population_served, geom, catchment)
  SELECT 'WW-' || left(s.township_code, 9) || '-T' || w.n, v.name || '溯源采样点', 'tracing', p.id, s.township_code,
         greatest(1, s.population), ST_PointOnSurface(s.geom), ST_Multi(s.geom)
  FROM wanted w
  JOIN served s ON s.township_code = w.township_code AND s.rank = w.rank
  JOIN admin_area v ON v.code = s.code
  JOIN wastewater_site p ON p.code = 'WW-' || left(s.township_code, 9)
  ORDER BY 1`;

export const seedWastewaterSites: SeedStep = async (ctx) => {
  const size = regionSize(ctx.size);
  await ctx.db.query(INSERT_PLANTS);
  await ctx.db.query(INSERT_SECOND_PLANTS);
  ctx.progress({ step: 'wastewater-sites', done: 1, total: 2 });

  // Tracing where signals would be chased: urban townships first, one to three points each.
  const r = ctx.rng('tracing');
  const townships = await ctx.db.query<{ code: string; urban: boolean; villages: number }>(`
    SELECT t.code, t.kind IN ('street', 'park') OR substr(t.code, 7, 3) = '100' AS urban,
           (SELECT count(*)::int FROM admin_area v WHERE v.parent_code = t.code) AS villages
    FROM admin_area t WHERE t.level = 'township' AND t.valid_to IS NULL ORDER BY t.code`);
  const quota = Math.max(1, Math.round(townships.length * size.tracingShare));
  const candidates = [...townships.filter((t) => t.urban), ...townships.filter((t) => !t.urban)].filter((t) => t.villages >= 2);
  const wanted: { township_code: string; rank: number; n: number }[] = [];
  for (const t of candidates) {
    if (wanted.length >= quota) break;
    if (!chance(r, 0.6)) continue;
    // Ranks 2.. are the catchment's other villages (rank 1 often holds the plant's own point).
    const points = Math.min(t.villages - 1, 1 + Math.floor(r() * 3), quota - wanted.length);
    for (let n = 1; n <= points; n++) wanted.push({ township_code: t.code, rank: n + 1, n });
  }
  await ctx.db.query(INSERT_TRACING, [JSON.stringify(wanted)]);
  ctx.progress({ step: 'wastewater-sites', done: 2, total: 2 });
};
