/**
 * One series' trend over the window, censoring included: what a plant's row and a chart show.
 *
 * Categories, in this order:
 *  - fewer than MIN_SAMPLES weekly values → 数据不足 insufficient;
 *  - more than MAX_CENSORED_SHARE of the weekly values below detection, or more than half of the last
 *    RECENT_WEEKS → 低于检出 below detection: a series that is mostly "< LOQ", or has fallen below it lately, has no
 *    trend to report (Helsel 2012, ch. 12: with most data censored, a trend test has little to go on, and what it
 *    finds says more about the limits than about the drug); never rising or falling;
 *  - otherwise the censored Mann–Kendall test (censored.ts) by p and the sign of S (trend.ts: classifyTrend).
 * Percent change compares the last PCT_CHANGE_WEEKS values with the ones before only when none of them is below
 * detection; otherwise it is not given (a "<" has no percentage).
 */
import {
  censoredMannKendall,
  censoredSlope,
  isCensored,
  isMostlyCensored,
  measured,
  recensorAtHighestLimit,
  type Interval,
} from './censored.js';
import { classifyTrend, MIN_SAMPLES, PCT_CHANGE_WEEKS, sensIntercept, type TrendCategory } from './trend.js';

/** More than this share of the window's weekly values below detection → below_detection. */
export const MAX_CENSORED_SHARE = 0.5;
/** The recent stretch whose majority below detection also gives below_detection (two percent-change blocks). */
export const RECENT_WEEKS = 2 * PCT_CHANGE_WEEKS;

export interface CensoredTrendSummary {
  category: TrendCategory;
  n: number;
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
  /** Slope per week (Sen's, or Akritas–Theil–Sen with censored values); null when not estimable, too short or below detection. */
  senSlope: number | null;
  /** Level of the line at step 0, for charts (median residual; censored values at their limit). */
  intercept: number | null;
  pctChange: number | null;
  /** Mean of the last PCT_CHANGE_WEEKS values and of the ones before (null when any is below detection). */
  recentMean: number | null;
  beforeMean: number | null;
  /** The latest value's upper bound, and whether it was below detection. */
  latest: number | null;
  latestCensored: boolean;
  /** Weekly values below detection (after re-censoring at the highest limit), and their share. */
  nCensored: number;
  censoredShare: number;
  /** Of the last RECENT_WEEKS values present, how many were below detection. */
  recentCensored: number;
  recentN: number;
  /** The highest limit re-censored at (single substances), and how many measured values fell under it. */
  limit: number | null;
  recensored: number;
}

const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const mid = (x: Interval) => (x.lo + x.hi) / 2;

/**
 * Summary of one weekly series in time order; `steps` are the week numbers in the window (gaps allowed).
 * `line: false` leaves out the line's level (the recompute needs no chart line for ~15,000 plant series).
 * `recensor`: apply the single-highest-limit rule (single substances; the index is summed from substances already
 * re-censored, and re-censoring a sum at its own upper bound would censor most of it).
 */
export function summariseCensoredTrend(
  values: readonly Interval[],
  steps: readonly number[],
  opts: { recensor: boolean; line?: boolean } = { recensor: true },
): CensoredTrendSummary {
  const rc = opts.recensor ? recensorAtHighestLimit(values) : { values: [...values], limit: null, recensored: 0 };
  const v = rc.values;
  const mk = censoredMannKendall(v);
  const n = v.length;
  const censoredShare = n ? mk.nCensored / n : 0;
  const recent = v.slice(-RECENT_WEEKS);
  const recentCensored = recent.filter(isMostlyCensored).length;
  let category: TrendCategory;
  if (n < MIN_SAMPLES) category = 'insufficient';
  else if (censoredShare > MAX_CENSORED_SHARE || recentCensored * 2 > recent.length) category = 'below_detection';
  else category = classifyTrend(mk);

  // No slope where there is no trend to state (too short, or below detection): it would only be noise.
  const slope = n >= 2 && category !== 'insufficient' && category !== 'below_detection' ? censoredSlope(v, steps) : null;
  const blocks = v.slice(-2 * PCT_CHANGE_WEEKS);
  const blocksMeasured = blocks.length === 2 * PCT_CHANGE_WEEKS && !blocks.some(isMostlyCensored);
  const recentMean = blocksMeasured ? mean(blocks.slice(PCT_CHANGE_WEEKS).map(mid)) : null;
  const beforeMean = blocksMeasured ? mean(blocks.slice(0, PCT_CHANGE_WEEKS).map(mid)) : null;
  const last = values[n - 1]; // its own limit, not the one it was re-censored at
  return {
    category,
    n,
    s: mk.s,
    varS: mk.varS,
    z: mk.z,
    p: mk.p,
    tau: mk.tau,
    senSlope: slope,
    intercept: slope === null || opts.line === false ? null : sensIntercept(v.map((x) => (isMostlyCensored(x) ? x.hi : mid(x))), slope, steps),
    pctChange: recentMean !== null && beforeMean !== null && beforeMean > 0 ? ((recentMean - beforeMean) / beforeMean) * 100 : null,
    recentMean,
    beforeMean,
    latest: last ? last.hi : null,
    latestCensored: last ? isCensored(last) : false,
    nCensored: mk.nCensored,
    censoredShare,
    recentCensored,
    recentN: recent.length,
    limit: rc.limit,
    recensored: rc.recensored,
  };
}

/** The same for a series of measured values (no censoring). */
export const summariseMeasuredTrend = (values: readonly number[], steps: readonly number[]) =>
  summariseCensoredTrend(values.map(measured), steps, { recensor: false });
