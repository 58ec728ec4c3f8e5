/**
 * Series for the charts: one site's or one area's loads by week or month, each point an interval (results below
 * the LOQ at 0 and at their limit), with the trend over the last window of points.
 *
 * A site's trend is its own censored test (summary.ts), as the recompute computes it for a plant. An area's trend
 * is the stored consensus of its plants (area_signal), not the trend of the pooled series drawn here: the pooled
 * series jumps when a plant joins or leaves, which is exactly what the consensus does not read as a trend
 * (consensus.ts). The chart's line for an area is the consensus slope, drawn through the window's points.
 */
import type { Queryable } from 'db';
import {
  INDEX_SUBSTANCE,
  INDEX_WEIGHTS,
  median,
  SUBSTANCES,
  summariseCensoredTrend,
  type CensoredTrendSummary,
  type Substance,
  type TrendCategory,
} from 'domain/wastewater';
import { SQL } from './sql.js';
import { inScopeSql } from '../users/scope.js';

export type SignalSubstance = Substance | typeof INDEX_SUBSTANCE;

/** The substances and weights a series sums: one substance with weight 1, or the index. */
export function weighting(substance: SignalSubstance): [string[], number[]] {
  if (substance === INDEX_SUBSTANCE) return [[...SUBSTANCES], SUBSTANCES.map((s) => INDEX_WEIGHTS[s])];
  return [[substance], [1]];
}


export type Period = 'week' | 'month';

export interface SeriesPoint {
  period: string;
  loadMgDay: number;
  /** Upper bound: results below the LOQ at their limit. */
  normalised: number;
  /** Lower bound: results below the LOQ at 0 (equal to `normalised` when nothing was censored). */
  normalisedLo: number;
  n: number;
  nCensored: number;
  /** Every sample behind the point was below the LOQ (drawn as such). */
  censored: boolean;
  coveredPeople?: number;
  nSites?: number;
}

export interface SeriesTrend extends CensoredTrendSummary {
  /** The trend line at the first and last point of the trend window, for the chart. */
  line: { from: { period: string; value: number }; to: { period: string; value: number } } | null;
  points: number;
  /** `plants`: an area's consensus of its plants (area_signal); `series`: this series' own test. */
  basis: 'plants' | 'series';
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
  normalised_lo: number;
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
    normalisedLo: Number(r.normalised_lo),
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

function lineOf(w: SeriesPoint[], steps: number[], slope: number | null, intercept: number | null): SeriesTrend['line'] {
  if (w.length < 2 || slope === null || intercept === null) return null;
  return { from: { period: w[0]!.period, value: intercept }, to: { period: w[w.length - 1]!.period, value: intercept + slope * steps[steps.length - 1]! } };
}

/** The series' own censored trend over the last `windowPoints` points (weeks or months), with its line. */
export function seriesTrend(points: SeriesPoint[], period: Period, windowPoints: number, substance: SignalSubstance): SeriesTrend {
  const w = points.slice(-windowPoints);
  const first = w[0]?.period ?? '';
  const steps = w.map((p) => stepOf(period, first, p.period));
  const t = summariseCensoredTrend(w.map((p) => ({ lo: p.normalisedLo, hi: p.normalised })), steps, { recensor: substance !== INDEX_SUBSTANCE });
  return { ...t, line: lineOf(w, steps, t.senSlope, t.intercept), points: w.length, basis: 'series' };
}

/** The stored consensus of an area, drawn through the window's points (its level: the median residual). */
export function consensusTrend(points: SeriesPoint[], period: Period, windowPoints: number, substance: SignalSubstance, signal: StoredSignal): SeriesTrend {
  const own = seriesTrend(points, period, windowPoints, substance);
  const w = points.slice(-windowPoints);
  const steps = w.map((p) => stepOf(period, w[0]?.period ?? '', p.period));
  const slope = signal.senSlope;
  const intercept = slope === null || !w.length ? null : median(w.map((p, i) => p.normalised - slope * steps[i]!));
  return {
    ...own,
    category: signal.trend as TrendCategory,
    p: signal.pValue ?? 1,
    s: signal.kendallS ?? 0,
    varS: signal.kendallVar ?? 0,
    z: signal.kendallZ ?? 0,
    senSlope: slope,
    intercept,
    pctChange: signal.pctChange,
    censoredShare: signal.censoredShare,
    line: lineOf(w, steps, slope, intercept),
    basis: 'plants',
  };
}

export interface StoredSignal {
  trend: string;
  pValue: number | null;
  senSlope: number | null;
  pctChange: number | null;
  censoredShare: number;
  kendallS: number | null;
  kendallVar: number | null;
  kendallZ: number | null;
  windowWeeks: number;
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
    `SELECT id, code, name, kind, township_code, population_served FROM wastewater_site WHERE code = $1 AND ${inScopeSql('township_code', '$2')}`,
    [code, scopePrefix],
  );
  return s ?? null;
}

export async function siteSeries(db: Queryable, siteId: number, q: SeriesQuery): Promise<Series> {
  const [subs, weights] = weighting(q.substance);
  const rows = await db.query<RawPoint>(SQL.siteSeries, [siteId, subs, weights, q.period, q.from, q.to]);
  const points = toPoints(rows);
  return { substance: q.substance, period: q.period, unit: 'mg/day/1000 inhabitants', points, trend: seriesTrend(points, q.period, windowPoints(q), q.substance) };
}

export async function findArea(db: Queryable, code: string, scopePrefix: string) {
  const [a] = await db.query<{ code: string; name: string; level: string; population: number }>(
    `SELECT code, name, level, population FROM admin_area WHERE code = $1 AND valid_to IS NULL AND ${inScopeSql('code', '$2')}`,
    [code, scopePrefix],
  );
  return a ?? null;
}

/**
 * An area's pooled series; its trend is the stored consensus when `signal` matches the chart's window (weekly,
 * the stored window length), else the pooled series' own test (marked basis 'series').
 */
export async function areaSeries(db: Queryable, areaCode: string, q: SeriesQuery, signal: StoredSignal | null = null): Promise<Series> {
  const [subs, weights] = weighting(q.substance);
  const rows = await db.query<RawPoint>(SQL.areaSeries, [areaCode, subs, weights, q.period, q.from, q.to]);
  const points = toPoints(rows);
  const n = windowPoints(q);
  const trend = signal && q.period === 'week' && signal.windowWeeks === q.windowWeeks ? consensusTrend(points, q.period, n, q.substance, signal) : seriesTrend(points, q.period, n, q.substance);
  return { substance: q.substance, period: q.period, unit: 'mg/day/1000 inhabitants', points, trend };
}
