/**
 * Recompute of drug signals: catchment shares → site weeks → area weeks (over the trend window) → area_signal.
 *
 * Full recompute rebuilds everything; the incremental update after an import refreshes only the (site, week)
 * pairs the new samples fall in, the area weeks of the areas those sites feed, and those areas' signals. When the
 * new samples move "as of" into a later week, every area's window has moved, so all signals are re-read from the
 * area weeks (cheap: no sample is touched again).
 */
import type { Queryable } from '../db/database.js';
import { LOQ_SUBSTITUTION_FACTOR } from './load.js';
import { weekStart, windowStart } from './periods.js';
import { SQL } from './sql.js';
import { INDEX_SUBSTANCE, INDEX_WEIGHTS, SUBSTANCES } from './substances.js';
import { summariseTrend } from './trend.js';

/** Trend window: half a year of weekly values. */
export const DEFAULT_WINDOW_WEEKS = 26;
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

const SIGNAL_SUBSTANCES = [...SUBSTANCES, INDEX_SUBSTANCE];

async function latestSampleDay(db: Queryable): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>(`SELECT (max(sampled_at) AT TIME ZONE 'Asia/Shanghai')::date AS d FROM wastewater_sample`);
  return r?.d ?? null;
}

async function timed<T>(ms: Record<string, number>, step: string, fn: () => Promise<T>, log?: (m: string) => void): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  ms[step] = Math.round(performance.now() - t0);
  log?.(`${step}: ${ms[step]} ms`);
  return out;
}

export async function rebuildShares(db: Queryable, siteIds: number[] | null = null): Promise<void> {
  if (siteIds) await db.query('DELETE FROM wastewater_catchment_share WHERE site_id = ANY ($1::bigint[])', [siteIds]);
  else await db.query('DELETE FROM wastewater_catchment_share');
  await db.query(SQL.shares, [siteIds]);
}

async function refreshAreaWeeks(db: Queryable, from: string, to: string, areaCodes: string[] | null): Promise<void> {
  if (areaCodes) {
    await db.query('DELETE FROM wastewater_area_week WHERE area_code = ANY ($1::text[]) AND week BETWEEN $2::date AND $3::date', [areaCodes, from, to]);
  } else {
    await db.query('DELETE FROM wastewater_area_week WHERE week BETWEEN $1::date AND $2::date', [from, to]);
  }
  await db.query(SQL.areaWeek, [from, to, areaCodes, [...SUBSTANCES], SUBSTANCES.map((s) => INDEX_WEIGHTS[s])]);
}

interface TrendInputRow {
  area_code: string;
  population: number;
  substance: string | null;
  vals: number[];
  steps: number[];
  covered_sum: number;
  samples: number;
}

/** Read the window's area weeks, compute the trends and replace those areas' rows in area_signal. */
async function writeSignals(db: Queryable, asOf: string, windowWeeks: number, areaCodes: string[] | null): Promise<{ areas: number; signals: number }> {
  const from = windowStart(asOf, windowWeeks);
  const to = weekStart(`${asOf}T12:00:00+08:00`);
  const rows = await db.query<TrendInputRow>(SQL.trendInput, [from, to, areaCodes]);
  const byArea = new Map<string, { population: number; series: Map<string, TrendInputRow> }>();
  for (const r of rows) {
    const a = byArea.get(r.area_code) ?? { population: r.population, series: new Map() };
    if (r.substance) a.series.set(r.substance, r);
    byArea.set(r.area_code, a);
  }
  const cols = { area: [] as string[], substance: [] as string[], trend: [] as string[], latest: [] as (number | null)[], pct: [] as (number | null)[],
    slope: [] as (number | null)[], p: [] as (number | null)[], n: [] as number[], coverage: [] as number[] };
  for (const [code, a] of byArea) {
    for (const substance of SIGNAL_SUBSTANCES) {
      const r = a.series.get(substance);
      const vals = (r?.vals ?? []).map(Number);
      const t = summariseTrend(vals, r?.steps);
      // Coverage: people served by sampled catchments, averaged over the window's weeks (a week without data
      // covers nobody), as a share of the area's population.
      const covered = (r?.covered_sum ?? 0) / windowWeeks;
      const coverage = a.population > 0 ? Math.min(1, covered / a.population) : covered > 0 ? 1 : 0;
      cols.area.push(code);
      cols.substance.push(substance);
      cols.trend.push(t.category);
      cols.latest.push(t.latest);
      cols.pct.push(t.pctChange);
      cols.slope.push(t.senSlope);
      cols.p.push(vals.length >= 2 ? t.p : null);
      cols.n.push(t.n);
      cols.coverage.push(coverage);
    }
  }
  if (areaCodes) await db.query('DELETE FROM area_signal WHERE area_code = ANY ($1::text[])', [areaCodes]);
  else await db.query('DELETE FROM area_signal WHERE substance = ANY ($1::text[])', [SIGNAL_SUBSTANCES]);
  await db.query(
    `INSERT INTO area_signal (area_code, substance, window_weeks, trend, latest_load, pct_change, sen_slope, p_value, n_samples, coverage)
     SELECT a, s, $10, t, l, pc, sl, p, n, c
     FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::int[], $9::float8[])
       AS u (a, s, t, l, pc, sl, p, n, c)`,
    [cols.area, cols.substance, cols.trend, cols.latest, cols.pct, cols.slope, cols.p, cols.n, cols.coverage, windowWeeks],
  );
  return { areas: byArea.size, signals: cols.area.length };
}

async function saveState(db: Queryable, asOf: string, windowWeeks: number) {
  await db.query(
    `INSERT INTO dataset_info (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [STATE_KEY, JSON.stringify({ asOf, windowWeeks, at: new Date().toISOString() })],
  );
}

export async function recomputeState(db: Queryable): Promise<{ asOf: string; windowWeeks: number } | null> {
  const [r] = await db.query<{ value: { asOf: string; windowWeeks: number } }>('SELECT value FROM dataset_info WHERE key = $1', [STATE_KEY]);
  return r?.value ?? null;
}

/** Full recompute: shares, every site week, the window's area weeks, every area's signals. */
export async function recomputeAll(db: Queryable, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const ms: Record<string, number> = {};
  const windowWeeks = opts.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  await timed(ms, 'shares', () => rebuildShares(db), opts.log);
  const asOf = opts.asOf ?? (await latestSampleDay(db));
  if (!asOf) {
    await db.query('DELETE FROM wastewater_site_week');
    await db.query('DELETE FROM wastewater_area_week');
    const r = await timed(ms, 'signals', () => writeSignals(db, new Date().toISOString().slice(0, 10), windowWeeks, null), opts.log);
    return { asOf: null, windowWeeks, ...r, ms };
  }
  const from = windowStart(asOf, windowWeeks);
  const to = weekStart(`${asOf}T12:00:00+08:00`);
  await timed(ms, 'site weeks', async () => {
    await db.query('DELETE FROM wastewater_site_week');
    await db.query(SQL.siteWeek, [null, null, LOQ_SUBSTITUTION_FACTOR, from]);
  }, opts.log);
  await timed(ms, 'area weeks', async () => {
    await db.query('DELETE FROM wastewater_area_week');
    await refreshAreaWeeks(db, from, to, null);
  }, opts.log);
  const r = await timed(ms, 'signals', () => writeSignals(db, asOf, windowWeeks, null), opts.log);
  await saveState(db, asOf, windowWeeks);
  return { asOf, windowWeeks, ...r, ms };
}

export interface TouchedSample {
  siteId: number;
  sampledAt: string;
}

/** Incremental update after new samples: only their site weeks, the areas they feed, and those areas' signals. */
export async function recomputeTouched(db: Queryable, touched: readonly TouchedSample[], opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const ms: Record<string, number> = {};
  const state = await recomputeState(db);
  const windowWeeks = opts.windowWeeks ?? state?.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  if (!touched.length) return { asOf: state?.asOf ?? null, windowWeeks, areas: 0, signals: 0, ms };
  const pairs = new Map<string, { siteId: number; week: string }>();
  let latest = '';
  for (const t of touched) {
    const week = weekStart(t.sampledAt);
    pairs.set(`${t.siteId}/${week}`, { siteId: t.siteId, week });
    const day = new Date(Date.parse(t.sampledAt) + 8 * 3600e3).toISOString().slice(0, 10);
    if (day > latest) latest = day;
  }
  const list = [...pairs.values()];
  const asOf = opts.asOf ?? (state && state.asOf > latest ? state.asOf : latest);
  const from = windowStart(asOf, windowWeeks);
  const to = weekStart(`${asOf}T12:00:00+08:00`);
  await timed(ms, 'site weeks', () => db.query(SQL.siteWeek, [list.map((p) => p.siteId), list.map((p) => p.week), LOQ_SUBSTITUTION_FACTOR, from]), opts.log);
  const siteIds = [...new Set(list.map((p) => p.siteId))];
  const areaCodes = (
    await db.query<{ area_code: string }>('SELECT DISTINCT area_code FROM wastewater_catchment_share WHERE site_id = ANY ($1::bigint[])', [siteIds])
  ).map((r) => r.area_code);
  const weeks = list.map((p) => p.week).filter((w) => w >= from && w <= to).sort();
  if (weeks.length && areaCodes.length) {
    await timed(ms, 'area weeks', () => refreshAreaWeeks(db, weeks[0]!, weeks[weeks.length - 1]!, areaCodes), opts.log);
  }
  // The window moved: drop weeks that fell out of it, and re-read every area's trend.
  const windowMoved = !state || weekStart(`${state.asOf}T12:00:00+08:00`) !== to || state.windowWeeks !== windowWeeks;
  if (windowMoved) {
    await db.query('DELETE FROM wastewater_area_week WHERE week < $1::date', [from]);
    await db.query('DELETE FROM wastewater_site_week WHERE week < $1::date', [from]);
  }
  const r = await timed(ms, 'signals', () => writeSignals(db, asOf, windowWeeks, windowMoved ? null : areaCodes), opts.log);
  await saveState(db, asOf, windowWeeks);
  return { asOf, windowWeeks, ...r, ms };
}
