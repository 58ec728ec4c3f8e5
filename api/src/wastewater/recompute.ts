/**
 * Recompute of drug signals over the trend window:
 *   catchment shares (SQL, sql/shares.sql) → weekly plant values (SQL, sql/site-window.sql, one row per site and
 *   substance) → area series by areal weighting (domain/wastewater areal.ts) → trends (trend.ts) → area_signal.
 * This module holds the SQL side; the window arithmetic (which weeks, shifting and splicing series) is pure and
 * lives in domain/wastewater window.ts.
 * The area series of the window are also stored (wastewater_area_series, arrays per area and substance) so that the incremental update after an
 * import only recomputes the weeks it touched, for the areas the touched plants feed, and re-reads the rest.
 *
 * Why the aggregation runs in JS and not in SQL: at province scale (2,000 plants × 6 substances × 26 weeks × ~5
 * areas per catchment) the SQL join-and-group of site weeks with shares was the slowest step by far; in typed
 * arrays it is a few million additions. SQL still does the heavy filtering and per-site averaging of samples.
 */
import type { Queryable } from 'db';
import {
  aggregateAreas,
  coverage,
  DEFAULT_WINDOW_WEEKS,
  incrementalPlan,
  LOQ_SUBSTITUTION_FACTOR,
  shiftSeries,
  SIGNAL_KEYS,
  spliceWeeks,
  summariseTrend,
  touchedSummary,
  weeklyValues,
  windowOf,
  type AreaSeriesMap,
  type Share,
  type SignalKey,
  type SiteSeries,
  type Substance,
  type TouchedSample,
  type TrendWindow as Window,
} from 'domain/wastewater';
import { chinaToday } from 'domain/time';
import { SQL } from './sql.js';

export { DEFAULT_WINDOW_WEEKS, type TouchedSample };
const STATE_KEY = 'wastewater_recompute';

export interface RecomputeOptions {
  /** The day the signals are "as of" (YYYY-MM-DD); default the day of the latest sample (China time). */
  asOf?: string;
  windowWeeks?: number;
  log?: (msg: string) => void;
}

export interface RecomputeResult {
  asOf: string | null;
  windowWeeks: number;
  areas: number;
  signals: number;
  ms: Record<string, number>;
}

async function latestSampleDay(db: Queryable): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>(`SELECT (max(sampled_at) AT TIME ZONE 'Asia/Shanghai')::date AS d FROM wastewater_sample`);
  return r?.d ?? null;
}

async function timed<T>(ms: Record<string, number>, step: string, fn: () => Promise<T>, log?: (m: string) => void): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  ms[step] = (ms[step] ?? 0) + Math.round(performance.now() - t0);
  log?.(`${step}: ${Math.round(performance.now() - t0)} ms`);
  return out;
}

export async function rebuildShares(db: Queryable, siteIds: number[] | null = null): Promise<void> {
  if (siteIds) await db.query('DELETE FROM wastewater_catchment_share WHERE site_id = ANY ($1::bigint[])', [siteIds]);
  else await db.query('DELETE FROM wastewater_catchment_share');
  await db.query(SQL.shares, [siteIds]);
}

async function readShares(db: Queryable, opts: { siteIds?: number[]; areaCodes?: string[] } = {}): Promise<Share[]> {
  const rows = await db.query<{ site_id: number; area_code: string; share: number; people: number }>(
    `SELECT site_id, area_code, share, people FROM wastewater_catchment_share
     WHERE ($1::bigint[] IS NULL OR site_id = ANY ($1::bigint[])) AND ($2::text[] IS NULL OR area_code = ANY ($2::text[]))`,
    [opts.siteIds ?? null, opts.areaCodes ?? null],
  );
  return rows.map((r) => ({ siteId: r.site_id, areaCode: r.area_code, share: r.share, people: r.people }));
}

/** Weekly values of plants (all, or those given) for the weeks first..last of window `w`. */
async function readSiteWindow(db: Queryable, w: Window, siteIds: number[] | null, first = w.from, last = w.to): Promise<SiteSeries[]> {
  const rows = await db.query<{ r: [number, Substance, number[], number[], number[], number[], number[]] }>(
    SQL.siteWindow,
    [w.from, first, siteIds, LOQ_SUBSTITUTION_FACTOR, last],
  );
  return rows.map(({ r }) => ({ siteId: r[0], substance: r[1], steps: r[2], normalised: r[3], load: r[4], n: r[5], censored: r[6] }));
}

/**
 * Array literal with values rounded to 1e-6 (people, mg/day, mg/day/1000 inhabitants: far below any lab's
 * precision): short numbers are parsed several times faster by the server than 17-digit ones, and storing these
 * arrays is the largest part of a recompute at province scale.
 */
const arrayText = (a: ArrayLike<number>) => `{${JSON.stringify(Array.from(a, (v) => Math.round(v * 1e6) / 1e6)).slice(1, -1)}}`;

/** Store area series (one row per area and substance, arrays over the window), replacing those areas' rows. */
async function storeAreaSeries(db: Queryable, w: Window, series: AreaSeriesMap, replaceAll: boolean): Promise<void> {
  if (replaceAll) await db.query('DELETE FROM wastewater_area_series');
  else await db.query('DELETE FROM wastewater_area_series WHERE area_code = ANY ($1::text[])', [[...series.keys()]]);
  const cols = { area: [] as string[], sub: [] as string[], people: [] as string[], norm: [] as string[], load: [] as string[] };
  const flush = async () => {
    if (!cols.area.length) return;
    await db.query(
      `INSERT INTO wastewater_area_series (area_code, substance, window_from, people, normalised, load_mg_day)
       SELECT a, s, $6::date, p::float8[], n::float8[], l::float8[] FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u (a, s, p, n, l)`,
      [cols.area, cols.sub, cols.people, cols.norm, cols.load, w.from],
    );
    for (const k of Object.keys(cols) as (keyof typeof cols)[]) cols[k].length = 0;
  };
  for (const [area, m] of series) {
    for (const [sub, a] of m) {
      if (!a.people.some((p) => p > 0)) continue;
      const norm = Array.from(a.peopleNorm, (v, i) => (a.people[i]! > 0 ? v / a.people[i]! : 0));
      cols.area.push(area);
      cols.sub.push(sub);
      cols.people.push(arrayText(a.people));
      cols.norm.push(arrayText(norm));
      cols.load.push(arrayText(a.load));
    }
    if (cols.area.length >= 5000) await flush();
  }
  await flush();
}

/** Stored area series (of the areas given, or all), shifted onto window `w` (weeks outside it dropped). */
async function readAreaSeries(db: Queryable, w: Window, areaCodes: string[] | null): Promise<AreaSeriesMap> {
  // As one JSON value per row: JSON.parse is much faster than the driver's array parser for ~10⁶ numbers.
  const rows = await db.query<{ r: [string, SignalKey, string, number[], number[], number[]] }>(
    `SELECT json_build_array(area_code, substance, window_from, people, normalised, load_mg_day) AS r
     FROM wastewater_area_series WHERE $1::text[] IS NULL OR area_code = ANY ($1::text[])`,
    [areaCodes],
  );
  const out: AreaSeriesMap = new Map();
  for (const { r } of rows) {
    const [area, sub, from, people, norm, load] = r;
    let m = out.get(area);
    if (!m) out.set(area, (m = new Map()));
    m.set(sub, shiftSeries(w, from, people, norm, load));
  }
  return out;
}

/** Trends of the areas given (all current township-and-above areas when null), written to area_signal. */
async function writeSignals(db: Queryable, w: Window, series: AreaSeriesMap, areaCodes: string[] | null): Promise<{ areas: number; signals: number }> {
  const areas = await db.query<{ code: string; population: number }>(
    `SELECT code, population FROM admin_area WHERE valid_to IS NULL AND level IN ('province', 'city', 'county', 'township')
       AND ($1::text[] IS NULL OR code = ANY ($1::text[]))`,
    [areaCodes],
  );
  const cols = { area: [] as string[], sub: [] as string[], trend: [] as string[], latest: [] as (number | null)[], pct: [] as (number | null)[],
    slope: [] as (number | null)[], p: [] as (number | null)[], n: [] as number[], cov: [] as number[] };
  for (const { code, population } of areas) {
    const m = series.get(code);
    for (const key of SIGNAL_KEYS) {
      const a = m?.get(key);
      const { values, steps } = a ? weeklyValues(a) : { values: [], steps: [] };
      const t = summariseTrend(values, steps);
      cols.area.push(code);
      cols.sub.push(key);
      cols.trend.push(t.category);
      cols.latest.push(t.latest);
      cols.pct.push(t.pctChange);
      cols.slope.push(t.senSlope);
      cols.p.push(values.length >= 2 ? t.p : null);
      cols.n.push(t.n);
      cols.cov.push(coverage(a, population));
    }
  }
  if (areaCodes) await db.query('DELETE FROM area_signal WHERE area_code = ANY ($1::text[])', [areaCodes]);
  else await db.query('DELETE FROM area_signal WHERE substance = ANY ($1::text[])', [[...SIGNAL_KEYS]]);
  await db.query(
    `INSERT INTO area_signal (area_code, substance, window_weeks, trend, latest_load, pct_change, sen_slope, p_value, n_samples, coverage)
     SELECT a, s, $10, t, l, pc, sl, p, n, c
     FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::int[], $9::float8[])
       AS u (a, s, t, l, pc, sl, p, n, c)`,
    [cols.area, cols.sub, cols.trend, cols.latest, cols.pct, cols.slope, cols.p, cols.n, cols.cov, w.weeks],
  );
  return { areas: areas.length, signals: cols.area.length };
}

async function saveState(db: Queryable, w: Window) {
  await db.query(
    `INSERT INTO dataset_info (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [STATE_KEY, JSON.stringify({ asOf: w.asOf, windowWeeks: w.weeks, at: new Date().toISOString() })],
  );
}

export async function recomputeState(db: Queryable): Promise<{ asOf: string; windowWeeks: number } | null> {
  const [r] = await db.query<{ value: { asOf: string; windowWeeks: number } }>('SELECT value FROM dataset_info WHERE key = $1', [STATE_KEY]);
  return r?.value ?? null;
}

/** Full recompute: shares, the window's plant weeks, every area's series and signals. */
export async function recomputeAll(db: Queryable, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const ms: Record<string, number> = {};
  const weeks = opts.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  await timed(ms, 'shares', () => rebuildShares(db), opts.log);
  const asOf = opts.asOf ?? (await latestSampleDay(db)) ?? chinaToday();
  const w = windowOf(asOf, weeks);
  const sites = await timed(ms, 'plant weeks', () => readSiteWindow(db, w, null), opts.log);
  const shares = await timed(ms, 'read shares', () => readShares(db), opts.log);
  const series = await timed(ms, 'areal weighting', async () => aggregateAreas(sites, shares, weeks), opts.log);
  await timed(ms, 'store area series', () => storeAreaSeries(db, w, series, true), opts.log);
  const r = await timed(ms, 'signals', () => writeSignals(db, w, series, null), opts.log);
  await saveState(db, w);
  return { asOf, windowWeeks: weeks, ...r, ms };
}

/**
 * Incremental update after new samples: the weeks they fall in are recomputed for the areas their plants feed
 * (from every plant feeding those areas in those weeks), then those areas' signals. When the new samples move
 * "as of" into a later week, every area's window has moved: weeks that left it are dropped and every area's
 * stored series is shifted onto the new window and every signal recomputed (no older sample is read again).
 */
export async function recomputeTouched(db: Queryable, touched: readonly TouchedSample[], opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const ms: Record<string, number> = {};
  const state = await recomputeState(db);
  const weeks = opts.windowWeeks ?? state?.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  if (!touched.length) return { asOf: state?.asOf ?? null, windowWeeks: weeks, areas: 0, signals: 0, ms };
  const summary = touchedSummary(touched);
  const { window: w, windowMoved, weeksInWindow: inWindow } = incrementalPlan(state, summary, weeks, opts.asOf);

  const areas = [...new Set((await readShares(db, { siteIds: [...summary.siteIds] })).map((s) => s.areaCode))];
  // The stored series: of every area when the window moved (they all shift), else of the touched areas.
  const stored = await timed(ms, 'read area series', () => readAreaSeries(db, w, windowMoved ? null : areas), opts.log);
  if (inWindow.length && areas.length) {
    // Every plant feeding a touched area contributes to its touched weeks, not only the plants just imported.
    const shares = await timed(ms, 'read shares', () => readShares(db, { areaCodes: areas }), opts.log);
    const feeding = [...new Set(shares.map((s) => s.siteId))];
    // The weeks from the first to the last touched one are recomputed (all of them, should the import skip some).
    const first = inWindow[0]!;
    const last = inWindow[inWindow.length - 1]!;
    const sites = await timed(ms, 'plant weeks', () => readSiteWindow(db, w, feeding, first, last), opts.log);
    spliceWeeks(stored, aggregateAreas(sites, shares, weeks), areas, w, first, last);
  }
  const changed: AreaSeriesMap = windowMoved ? stored : new Map(areas.map((a) => [a, stored.get(a) ?? new Map()]));
  await timed(ms, 'store area series', () => storeAreaSeries(db, w, changed, windowMoved), opts.log);
  const r = await timed(ms, 'signals', () => writeSignals(db, w, changed, windowMoved ? null : areas), opts.log);
  await saveState(db, w);
  return { asOf: w.asOf, windowWeeks: weeks, ...r, ms };
}
