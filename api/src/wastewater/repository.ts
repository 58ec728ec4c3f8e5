/**
 * The wastewater domain's database interface: reads for the routes (sites, signals, rising list), with the series
 * (series.ts) and the recompute (recompute.ts) re-exported. Fixed SQL lives in sql/*.sql; every read is limited to the caller's
 * jurisdiction by code prefix (a site by its township code, an area by its own code).
 */
import type { Queryable } from 'db';
import { weighting, type SignalSubstance } from './series.js';
import type { SignalRow } from './signal-schemas.js';
import type { RisingSignal, SiteRow, TracingSite } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export { recomputeAll, recomputeTouched, rebuildShares, recomputeState, DEFAULT_WINDOW_WEEKS } from './recompute.js';
export { areaSeries, findArea, findSite, siteSeries, seriesTrend, weighting, type SignalSubstance, type Period, type Series, type SeriesPoint, type SeriesQuery, type SeriesTrend } from './series.js';

export type { RisingSignal, SiteRow, TracingSite };

/** Sites in scope with the load of their latest sampled week (China-time week) for the substance or index. */
export async function listSites(db: Queryable, scopePrefix: string, substance: SignalSubstance): Promise<SiteRow[]> {
  const [subs, weights] = weighting(substance);
  return db.query<SiteRow>(
    `SELECT s.id, s.code, s.name, s.kind, p.code AS "parentCode", s.township_code AS "townshipCode",
            s.population_served AS "populationServed", ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat,
            l.week::text AS "latestWeek", v.normalised AS "latestNormalised", v.load_mg_day AS "latestLoadMgDay",
            v.censored AS "latestCensored"
     FROM wastewater_site s
     LEFT JOIN wastewater_site p ON p.id = s.parent_site_id
     LEFT JOIN LATERAL (
       SELECT (date_trunc('week', max(x.sampled_at) AT TIME ZONE 'Asia/Shanghai'))::date AS week
       FROM wastewater_sample x WHERE x.site_id = s.id AND x.substance = ANY ($2::text[])
     ) l ON true
     LEFT JOIN LATERAL (
       SELECT sum(v.normalised * iw.weight) AS normalised, sum(v.load_mg_day * iw.weight) AS load_mg_day, bool_and(v.censored) AS censored
       FROM (
         SELECT x.substance, avg(c.ng_l * x.flow_m3_day * 1e-3) AS load_mg_day,
                avg(c.ng_l * x.flow_m3_day * 1e-3 / (s.population_served / 1000.0)) AS normalised, bool_and(x.below_loq) AS censored
         FROM wastewater_sample x
         CROSS JOIN LATERAL (SELECT (CASE WHEN x.below_loq THEN coalesce(x.loq_ng_l, x.concentration_ng_l)
                                          ELSE x.concentration_ng_l END)::float8 AS ng_l) c
         WHERE x.site_id = s.id AND x.substance = ANY ($2::text[])
           AND x.sampled_at >= (l.week::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND x.sampled_at < ((l.week + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY x.substance
       ) v JOIN unnest($2::text[], $3::float8[]) AS iw (substance, weight) ON iw.substance = v.substance
     ) v ON l.week IS NOT NULL
     WHERE ${inScopeSql('s.township_code', '$1')}
     ORDER BY s.code`,
    [scopePrefix, subs, weights],
  );
}

export type { SignalRow };

const SIGNAL_COLUMNS = `s.area_code AS "areaCode", a.name AS "areaName", a.level, s.substance, s.window_weeks AS "windowWeeks",
  s.trend, s.latest_load AS "latestLoad", s.pct_change AS "pctChange", s.sen_slope AS "senSlope", s.p_value AS "pValue",
  s.n_samples AS "nSamples", s.coverage, s.censored_share AS "censoredShare", s.latest_censored AS "latestCensored",
  s.kendall_s AS "kendallS", s.kendall_var AS "kendallVar", s.kendall_z AS "kendallZ", s.n_plants AS "nPlants",
  s.n_plants_used AS "nPlantsUsed", s.panel_joined AS "panelJoined", s.panel_left AS "panelLeft",
  s.enforcement_trend AS "enforcementTrend", s.enforcement_p AS "enforcementP", s.divergent, s.computed_at AS "computedAt"`;

export async function areaSignals(db: Queryable, areaCode: string): Promise<SignalRow[]> {
  return db.query<SignalRow>(
    `SELECT ${SIGNAL_COLUMNS} FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.area_code = $1 ORDER BY s.substance`,
    [areaCode],
  );
}

/** Rising signals in scope, significant first then by p and percent change; each with its upstream tracing sites. */
export async function risingSignals(
  db: Queryable,
  scopePrefix: string,
  opts: { substance: SignalSubstance | null; levels: string[]; limit: number },
): Promise<RisingSignal[]> {
  const rows = await db.query<SignalRow & { tracing: TracingSite[] | null }>(
    `SELECT ${SIGNAL_COLUMNS},
       (SELECT json_agg(json_build_object('code', t.code, 'name', t.name, 'plantCode', pl.code, 'lon', ST_X(t.geom), 'lat', ST_Y(t.geom),
                 'latestDate', lw.week, 'latestNormalised', lw.normalised) ORDER BY t.code)
        FROM wastewater_catchment_share sh
        JOIN wastewater_site pl ON pl.id = sh.site_id
        JOIN wastewater_site t ON t.parent_site_id = pl.id AND t.kind = 'tracing'
        LEFT JOIN LATERAL (
          -- The tracing point's latest result (methamphetamine for the index), normalised, at the LOQ below it (an upper bound).
          SELECT (x.sampled_at AT TIME ZONE 'Asia/Shanghai')::date AS week,
                 (CASE WHEN x.below_loq THEN coalesce(x.loq_ng_l, x.concentration_ng_l) ELSE x.concentration_ng_l END)
                   * x.flow_m3_day * 1e-3 / (t.population_served / 1000.0) AS normalised
          FROM wastewater_sample x
          WHERE x.site_id = t.id AND x.substance = CASE WHEN s.substance = 'index' THEN 'methamphetamine' ELSE s.substance END
          ORDER BY x.sampled_at DESC LIMIT 1
        ) lw ON true
        WHERE sh.area_code = s.area_code) AS tracing
     FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.trend IN ('rising_significant', 'rising') AND ${inScopeSql('s.area_code', '$1')}
       AND ($2::text IS NULL OR s.substance = $2) AND a.level = ANY ($3::text[])
     ORDER BY (s.trend = 'rising_significant') DESC, s.p_value ASC NULLS LAST, s.pct_change DESC NULLS LAST, s.area_code, s.substance
     LIMIT $4`,
    [scopePrefix, opts.substance, opts.levels, opts.limit],
  );
  return rows.map(({ tracing, ...r }) => ({ ...r, tracingSites: tracing ?? [] }));
}

/** Divergent areas in scope (drug index rising significantly, enforcement falling), strongest rise first. */
export async function divergentSignals(db: Queryable, scopePrefix: string, opts: { levels: string[]; limit: number }): Promise<SignalRow[]> {
  return db.query<SignalRow>(
    `SELECT ${SIGNAL_COLUMNS} FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.divergent AND s.substance = 'index' AND ${inScopeSql('s.area_code', '$1')} AND a.level = ANY ($2::text[])
     ORDER BY s.p_value ASC NULLS LAST, s.enforcement_p ASC NULLS LAST, s.area_code
     LIMIT $3`,
    [scopePrefix, opts.levels, opts.limit],
  );
}
