/**
 * Trend statistics for a regular series (one value per week):
 *  - Mann–Kendall test (Mann 1945; Kendall 1975) with the tie correction of the variance, the continuity
 *    correction z = sgn(S)(|S|−1)/σ, and a two-sided p from the normal approximation — the same conventions as
 *    R's trend::mk.test and pyMannKendall's original_test.
 *  - Sen's slope (Sen 1968): the median of all pairwise slopes (x_j − x_i)/(j − i), in units per step (week).
 *  - Percent change: mean of the last PCT_CHANGE_WEEKS values against the mean of the PCT_CHANGE_WEEKS before.
 *  - A category from these, with the thresholds below as named constants.
 */
import { errorFunction, median } from 'simple-statistics';

/** The median (simple-statistics: quickselect on a copy). */
export { median };

/** Fewer weekly values than this and we do not call a trend at all (数据不足). Eight weeks ≈ two months. */
export const MIN_SAMPLES = 8;
/** p below this: 显著上升 / 显著下降. */
export const ALPHA_SIGNIFICANT = 0.05;
/** p below this (but not significant): 上升 / 下降 — "likely" direction; otherwise 平稳. */
export const ALPHA_LIKELY = 0.2;
/** The recent and the preceding block compared by the percent change. */
export const PCT_CHANGE_WEEKS = 4;

/**
 * `below_detection`: too much of the window is below the LOQ to say anything about a trend (censored.ts); it is
 * never drawn as rising or falling. `insufficient`: too few weekly values.
 */
export const TREND_CATEGORIES = ['rising_significant', 'rising', 'flat', 'falling', 'falling_significant', 'below_detection', 'insufficient'] as const;
export type TrendCategory = (typeof TREND_CATEGORIES)[number];

/** Trend category names as labs and committees read them (zh-CN first); legends take them from here. */
export const TREND_LABELS: Readonly<Record<TrendCategory, { zh: string; en: string }>> = {
  rising_significant: { zh: '显著上升', en: 'Rising (significant)' },
  rising: { zh: '上升', en: 'Rising' },
  flat: { zh: '平稳', en: 'Flat' },
  falling: { zh: '下降', en: 'Falling' },
  falling_significant: { zh: '显著下降', en: 'Falling (significant)' },
  below_detection: { zh: '低于检出', en: 'Below detection' },
  insufficient: { zh: '数据不足', en: 'Insufficient data' },
};

export interface MannKendall {
  n: number;
  s: number;
  varS: number;
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** Kendall's tau-b against time (ties in the data accounted for). */
  tau: number;
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedP(z: number): number {
  // erfc(|z|/√2) = 1 − erf(|z|/√2); simple-statistics' erf has fractional error < 1.2e-7.
  return Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)));
}

/** Sizes of the groups of tied values (only groups of 2 or more). */
function tieGroups(x: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].filter((t) => t > 1);
}

export function mannKendall(x: readonly number[]): MannKendall {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i]!;
    for (let j = i + 1; j < n; j++) s += Math.sign(x[j]! - xi);
  }
  const ties = tieGroups(x);
  return mannKendallFromParts(n, s, ties, ties.reduce((acc, t) => acc + (t * (t - 1)) / 2, 0));
}

/**
 * Variance, z, p and tau from S: `ties` are the sizes of the groups of identical values (Kendall's correction of
 * the variance), `tiedPairs` the pairs that compared as ties (tau-b's denominator).
 */
export function mannKendallFromParts(n: number, s: number, ties: readonly number[], tiedPairs: number): MannKendall {
  return mannKendallFromTieTerm(n, s, ties.reduce((acc, t) => acc + t * (t - 1) * (2 * t + 5), 0), tiedPairs);
}

/** The same from Kendall's tie term Σ t(t−1)(2t+5) over the tie groups (an integer: the order of summing is exact). */
export function mannKendallFromTieTerm(n: number, s: number, tieTerm: number, tiedPairs: number): MannKendall {
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const sigma = Math.sqrt(varS);
  const z = s === 0 || sigma === 0 ? 0 : (Math.sign(s) * (Math.abs(s) - 1)) / sigma;
  const pairs = (n * (n - 1)) / 2;
  const denom = Math.sqrt((pairs - tiedPairs) * pairs);
  return { n, s, varS, z, p: n < 2 ? 1 : twoSidedP(z), tau: denom > 0 ? s / denom : 0 };
}

/** A scratch buffer for pairwise slopes, reused so that ~15,000 series a recompute allocate nothing per pair. */
let scratch = new Float64Array(1024);

/** Median of the first `len` values of `a`, reordering them (Hoare's quickselect; the mean of the middle two when even). */
export function medianInPlace(a: Float64Array, len: number): number {
  const mid = len >> 1;
  if (len % 2 === 1) return selectInPlace(a, mid, 0, len - 1);
  const upper = selectInPlace(a, mid, 0, len - 1);
  // After selecting `mid`, everything left of it is ≤ it: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/**
 * Hoare's quickselect: the k-th smallest of a[left..right], moving values around. A module function, not a
 * closure made per call: the recompute calls medianInPlace ~30,000 times per update.
 */
function selectInPlace(a: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Median of pairwise slopes per step; NaN for fewer than two values. `t` gives each value's step (week number)
 * when the series has gaps; without it the values are taken as consecutive.
 */
export function sensSlope(x: readonly number[], t?: readonly number[]): number {
  const n = x.length;
  const pairs = (n * (n - 1)) / 2;
  if (pairs < 1) return NaN;
  if (scratch.length < pairs) scratch = new Float64Array(pairs);
  let k = 0;
  for (let i = 0; i < n - 1; i++) {
    const ti = t ? t[i]! : i;
    for (let j = i + 1; j < n; j++) scratch[k++] = (x[j]! - x[i]!) / ((t ? t[j]! : j) - ti);
  }
  return medianInPlace(scratch, k);
}

/** Intercept of the Sen line at step 0: median of x_i − slope·t_i (Conover 1980), so the chart can draw it. */
export function sensIntercept(x: ArrayLike<number>, slope: number, t?: ArrayLike<number>): number {
  if (!x.length) return NaN;
  if (scratch.length < x.length) scratch = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) scratch[i] = x[i]! - slope * (t ? t[i]! : i);
  return medianInPlace(scratch, x.length);
}

/** Percent change of the last `weeks` values' mean against the `weeks` before; null when undefined. */
export function percentChange(x: readonly number[], weeks = PCT_CHANGE_WEEKS): number | null {
  if (x.length < 2 * weeks) return null;
  const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const recent = mean(x.slice(-weeks));
  const before = mean(x.slice(-2 * weeks, -weeks));
  return before > 0 ? ((recent - before) / before) * 100 : null;
}

export function classifyTrend(mk: Pick<MannKendall, 'n' | 's' | 'p'>): TrendCategory {
  if (mk.n < MIN_SAMPLES) return 'insufficient';
  if (mk.s === 0 || mk.p >= ALPHA_LIKELY) return 'flat';
  const up = mk.s > 0;
  if (mk.p < ALPHA_SIGNIFICANT) return up ? 'rising_significant' : 'falling_significant';
  return up ? 'rising' : 'falling';
}

export interface TrendSummary {
  category: TrendCategory;
  n: number;
  s: number;
  z: number;
  p: number;
  tau: number;
  senSlope: number | null;
  intercept: number | null;
  pctChange: number | null;
  latest: number | null;
}

/**
 * Everything area_signal and the charts need from one weekly series (oldest first). `t` = week numbers of the
 * values when weeks without data were left out (Mann–Kendall only needs the order; Sen's slope needs the steps).
 */
export function summariseTrend(weekly: readonly number[], t?: readonly number[]): TrendSummary {
  const mk = mannKendall(weekly);
  const slope = weekly.length >= 2 ? sensSlope(weekly, t) : null;
  return {
    category: classifyTrend(mk),
    n: mk.n,
    s: mk.s,
    z: mk.z,
    p: mk.p,
    tau: mk.tau,
    senSlope: slope,
    intercept: slope === null ? null : sensIntercept(weekly, slope, t),
    pctChange: percentChange(weekly),
    latest: weekly.length ? weekly[weekly.length - 1]! : null,
  };
}
