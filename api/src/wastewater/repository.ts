/**
 * The wastewater domain's database interface: reads for the routes (sites, series, signals, rising list) and the
 * recompute (re-exported from recompute.ts). Fixed SQL lives in sql/*.sql; every read is limited to the caller's
 * jurisdiction by code prefix (a site by its township code, an area by its own code).
 */
import type { Queryable } from 'db';
import {
  LOQ_SUBSTITUTION_FACTOR,
  INDEX_SUBSTANCE,
  INDEX_WEIGHTS,
  SUBSTANCES,
  type Substance,
  summariseTrend,
  type TrendSummary,
} from 'domain/wastewater';
import { SQL } from './sql.js';

export { recomputeAll, recomputeTouched, rebuildShares, recomputeState, DEFAULT_WINDOW_WEEKS } from './recompute.js';

export type SignalSubstance = Substance | typeof INDEX_SUBSTANCE;
export type Period = 'week' | 'month';

/** The substances and weights a series sums: one substance with weight 1, or the index. */
function weighting(substance: SignalSubstance): [string[], number[]] {
  if (substance === INDEX_SUBSTANCE) return [[...SUBSTANCES], SUBSTANCES.map((s) => INDEX_WEIGHTS[s])];
  return [[substance], [1]];
}

export interface SiteRow {
  id: number;
  code: string;
  name: string;
  kind: 'plant_inlet' | 'tracing';
  parentCode: string | null;
  townshipCode: string;
  populationServed: number;
  lon: number;
  lat: number;
  latestWeek: string | null;
  latestNormalised: number | null;
  latestLoadMgDay: number | null;
  latestCensored: boolean | null;
}

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
         CROSS JOIN LATERAL (SELECT (CASE WHEN x.below_loq THEN coalesce(x.loq_ng_l, x.concentration_ng_l) * $4::float8
                                          ELSE x.concentration_ng_l END)::float8 AS ng_l) c
         WHERE x.site_id = s.id AND x.substance = ANY ($2::text[])
           AND x.sampled_at >= (l.week::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND x.sampled_at < ((l.week + 7)::timestamp AT TIME ZONE 'Asia/Shanghai')
         GROUP BY x.substance
       ) v JOIN unnest($2::text[], $3::float8[]) AS iw (substance, weight) ON iw.substance = v.substance
     ) v ON l.week IS NOT NULL
     WHERE s.township_code LIKE $1 || '%'
     ORDER BY s.code`,
    [scopePrefix, subs, weights, LOQ_SUBSTITUTION_FACTOR],
  );
}

export interface SeriesPoint {
  period: string;
  loadMgDay: number;
  normalised: number;
  n: number;
  nCensored: number;
  /** Every sample behind the point was below the LOQ (drawn as such). */
  censored: boolean;
  coveredPeople?: number;
  nSites?: number;
}

export interface SeriesTrend extends TrendSummary {
  /** The Sen line at the first and last point of the trend window, for the chart. */
  line: { from: { period: string; value: number }; to: { period: string; value: number } } | null;
  points: number;
}

export interface Series {
  substance: SignalSubstance;
  period: Period;
  unit: 'mg/day/1000 inhabitants';
  points: SeriesPoint[];
  trend: SeriesTrend;
}

interface RawPoint {
  period: string;
  load_mg_day: number;
  normalised: number;
  n: number;
  n_censored: number;
  covered_people?: number;
  n_sites?: number;
}

function toPoints(rows: RawPoint[]): SeriesPoint[] {
  return rows.map((r) => ({
    period: r.period,
    loadMgDay: Number(r.load_mg_day),
    normalised: Number(r.normalised),
    n: r.n,
    nCensored: r.n_censored,
    censored: r.n > 0 && r.n_censored === r.n,
    ...(r.covered_people !== undefined ? { coveredPeople: Number(r.covered_people), nSites: r.n_sites } : {}),
  }));
}

const DAY = 86400e3;
const stepOf = (period: Period, first: string, p: string) =>
  period === 'week'
    ? Math.round((Date.parse(p) - Date.parse(first)) / (7 * DAY))
    : (Number(p.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(p.slice(5, 7)) - Number(first.slice(5, 7));

/** Trend over the last `windowPoints` points (weeks or months), with the Sen line's ends. */
export function seriesTrend(points: SeriesPoint[], period: Period, windowPoints: number): SeriesTrend {
  const w = points.slice(-windowPoints);
  const first = w[0]?.period ?? '';
  const steps = w.map((p) => stepOf(period, first, p.period));
  const t = summariseTrend(w.map((p) => p.normalised), steps);
  const line =
    w.length >= 2 && t.senSlope !== null && t.intercept !== null
      ? {
          from: { period: w[0]!.period, value: t.intercept },
          to: { period: w[w.length - 1]!.period, value: t.intercept + t.senSlope * steps[steps.length - 1]! },
        }
      : null;
  return { ...t, line, points: w.length };
}

export interface SeriesQuery {
  substance: SignalSubstance;
  period: Period;
  from: string;
  to: string;
  windowWeeks: number;
}

const windowPoints = (q: SeriesQuery) => (q.period === 'week' ? q.windowWeeks : Math.max(3, Math.round(q.windowWeeks / 4.345)));

export async function findSite(db: Queryable, code: string, scopePrefix: string) {
  const [s] = await db.query<{ id: number; code: string; name: string; kind: string; township_code: string; population_served: number }>(
    `SELECT id, code, name, kind, township_code, population_served FROM wastewater_site WHERE code = $1 AND township_code LIKE $2 || '%'`,
    [code, scopePrefix],
  );
  return s ?? null;
}

export async function siteSeries(db: Queryable, siteId: number, q: SeriesQuery): Promise<Series> {
  const [subs, weights] = weighting(q.substance);
  const rows = await db.query<RawPoint>(SQL.siteSeries, [siteId, subs, weights, q.period, q.from, q.to, LOQ_SUBSTITUTION_FACTOR]);
  const points = toPoints(rows);
  return { substance: q.substance, period: q.period, unit: 'mg/day/1000 inhabitants', points, trend: seriesTrend(points, q.period, windowPoints(q)) };
}

export async function findArea(db: Queryable, code: string, scopePrefix: string) {
  const [a] = await db.query<{ code: string; name: string; level: string; population: number }>(
    `SELECT code, name, level, population FROM admin_area WHERE code = $1 AND valid_to IS NULL AND code LIKE $2 || '%'`,
    [code, scopePrefix],
  );
  return a ?? null;
}

export async function areaSeries(db: Queryable, areaCode: string, q: SeriesQuery): Promise<Series> {
  const [subs, weights] = weighting(q.substance);
  const rows = await db.query<RawPoint>(SQL.areaSeries, [areaCode, subs, weights, q.period, q.from, q.to, LOQ_SUBSTITUTION_FACTOR]);
  const points = toPoints(rows);
  return { substance: q.substance, period: q.period, unit: 'mg/day/1000 inhabitants', points, trend: seriesTrend(points, q.period, windowPoints(q)) };
}

export interface SignalRow {
  areaCode: string;
  areaName: string;
  level: string;
  substance: string;
  windowWeeks: number;
  trend: string;
  latestLoad: number | null;
  pctChange: number | null;
  senSlope: number | null;
  pValue: number | null;
  nSamples: number;
  coverage: number;
  computedAt: string;
}

const SIGNAL_COLUMNS = `s.area_code AS "areaCode", a.name AS "areaName", a.level, s.substance, s.window_weeks AS "windowWeeks",
  s.trend, s.latest_load AS "latestLoad", s.pct_change AS "pctChange", s.sen_slope AS "senSlope", s.p_value AS "pValue",
  s.n_samples AS "nSamples", s.coverage, s.computed_at AS "computedAt"`;

export async function areaSignals(db: Queryable, areaCode: string): Promise<SignalRow[]> {
  return db.query<SignalRow>(
    `SELECT ${SIGNAL_COLUMNS} FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.area_code = $1 ORDER BY s.substance`,
    [areaCode],
  );
}

export interface TracingSite {
  code: string;
  name: string;
  plantCode: string;
  lon: number;
  lat: number;
  latestDate: string | null;
  latestNormalised: number | null;
}

export interface RisingSignal extends SignalRow {
  tracingSites: TracingSite[];
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
          -- The tracing point's latest result (methamphetamine for the index), normalised, LOQ/2 below the LOQ.
          SELECT (x.sampled_at AT TIME ZONE 'Asia/Shanghai')::date AS week,
                 (CASE WHEN x.below_loq THEN coalesce(x.loq_ng_l, x.concentration_ng_l) * $5::float8 ELSE x.concentration_ng_l END)
                   * x.flow_m3_day * 1e-3 / (t.population_served / 1000.0) AS normalised
          FROM wastewater_sample x
          WHERE x.site_id = t.id AND x.substance = CASE WHEN s.substance = 'index' THEN 'methamphetamine' ELSE s.substance END
          ORDER BY x.sampled_at DESC LIMIT 1
        ) lw ON true
        WHERE sh.area_code = s.area_code) AS tracing
     FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.trend IN ('rising_significant', 'rising') AND s.area_code LIKE $1 || '%'
       AND ($2::text IS NULL OR s.substance = $2) AND a.level = ANY ($3::text[])
     ORDER BY (s.trend = 'rising_significant') DESC, s.p_value ASC NULLS LAST, s.pct_change DESC NULLS LAST, s.area_code, s.substance
     LIMIT $4`,
    [scopePrefix, opts.substance, opts.levels, opts.limit, LOQ_SUBSTITUTION_FACTOR],
  );
  return rows.map(({ tracing, ...r }) => ({ ...r, tracingSites: tracing ?? [] }));
}
