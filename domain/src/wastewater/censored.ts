/**
 * Trend statistics for series with values below the limit of quantification (LOQ), as the literature treats them
 * (Helsel, *Statistics for Censored Environmental Data using Minitab and R*, 2nd ed. 2012, ch. 11–12; the R package
 * NADA's `cenken`, which implements the Akritas–Theil–Sen line of Akritas, Murphy & LaValley 1995).
 *
 * A weekly value is an interval [lo, hi): a measured value has lo = hi; a result below the LOQ is known only to lie
 * under its limit, [0, limit); a week averaging a measured and a censored sample, or the index (a weighted sum of
 * substances) with a censored part, lies between the sum with the censored parts at 0 and at their limits.
 *
 * 1. One highest limit (Helsel 2012, §12.2, for data with several reporting limits): every value below the highest
 *    limit of the window's censored values is re-censored at it, so a lab lowering its LOQ cannot make a trend.
 * 2. Mann–Kendall by comparing intervals: j is above i when lo_j ≥ hi_i, below when hi_j ≤ lo_i, otherwise the pair
 *    is a tie. For single substances after step 1 this is exactly cenken's rule ("<1 to 10 is an increase, <1 to a
 *    detected 0.5 or to <5 is a tie"). The variance carries Kendall's exact tie correction for each group of
 *    identical values (equal detections; the re-censored "<H"), as the tie-corrected test does (Kendall 1975).
 *    NADA's ktau_p also subtracts (m−1)(m−2)/2 for m censored values, a correction meant for indeterminate pairs
 *    between different limits; with one limit those pairs are already the tie group, so its p-value comes out a
 *    little smaller than the exact permutation variance gives (checked in censored.test.ts). Intervals that overlap
 *    without being equal (index weeks with different censored parts) get no correction: that overstates the
 *    variance, so it errs towards "no trend".
 * 3. Slope: with no censored value, Sen's slope; otherwise the Akritas–Theil–Sen slope, the slope at which the
 *    censored Kendall S of the residuals y − b·t against t is zero, found by cenken's bisection (checked against
 *    NADA's own output in censored.test.ts).
 */
import { mannKendallFromParts, sensSlope, twoSidedP } from './trend.js';

/** One weekly value: measured when lo === hi, else somewhere in [lo, hi). */
export interface Interval {
  lo: number;
  hi: number;
}

export const measured = (v: number): Interval => ({ lo: v, hi: v });
export const belowLimit = (limit: number): Interval => ({ lo: 0, hi: limit });

/** Any part of the value is below a limit. */
export const isCensored = (x: Interval) => x.hi > x.lo;

/**
 * "Below detection" for counting and for the slope: more than half of the value's upper bound is unquantified.
 * A single substance below its LOQ always is; an index week whose only censored part is a trace substance is not.
 */
export const isMostlyCensored = (x: Interval) => x.hi - x.lo > x.hi / 2;

export interface Recensored {
  values: Interval[];
  /** The highest limit among the censored values (null when none is censored). */
  limit: number | null;
  /** Measured values below that limit, re-censored at it. */
  recensored: number;
}

/** Step 1: every value below the highest censored limit becomes "< that limit" (Helsel 2012, §12.2). */
export function recensorAtHighestLimit(values: readonly Interval[]): Recensored {
  let limit: number | null = null;
  for (const x of values) if (isCensored(x) && (limit === null || x.hi > limit)) limit = x.hi;
  if (limit === null) return { values: [...values], limit: null, recensored: 0 };
  let recensored = 0;
  const out = values.map((x) => {
    if (!isCensored(x) && x.lo >= limit!) return x;
    if (!isCensored(x)) recensored++;
    return belowLimit(limit!);
  });
  return { values: out, limit, recensored };
}

/** +1 when b lies definitely above a, −1 definitely below, 0 when their intervals overlap (a tie). */
export function compareIntervals(a: Interval, b: Interval): -1 | 0 | 1 {
  if (a.lo === a.hi && b.lo === b.hi) return b.lo > a.lo ? 1 : b.lo < a.lo ? -1 : 0;
  if (b.lo >= a.hi) return 1;
  if (b.hi <= a.lo) return -1;
  return 0;
}

export interface CensoredMannKendall {
  n: number;
  s: number;
  varS: number;
  z: number;
  p: number;
  tau: number;
  /** Weekly values more than half below a limit. */
  nCensored: number;
}

/**
 * Step 2: Mann–Kendall over intervals in time order. Written over flat arrays, without allocating per pair: the
 * recompute runs it for every plant, substance and window (~15,000 series at province scale).
 */
export function censoredMannKendall(values: readonly Interval[]): CensoredMannKendall {
  const n = values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  let nCensored = 0;
  for (let i = 0; i < n; i++) {
    lo[i] = values[i]!.lo;
    hi[i] = values[i]!.hi;
    if (hi[i]! - lo[i]! > hi[i]! / 2) nCensored++;
  }
  const { s, tiedPairs } = censoredKendallS(lo, hi, n);
  return { ...mannKendallFromParts(n, s, tieGroupSizes(lo, hi), tiedPairs), nCensored };
}

/**
 * Kendall's S over the first n intervals [lo[i], hi[i]] in time order, and the number of tied pairs: each later
 * value compared with each earlier one by compareIntervals (inlined: this loop is the recompute's hottest).
 * Shared by censoredMannKendall and the typed-array kernel (kernel.ts).
 */
export function censoredKendallS(lo: ArrayLike<number>, hi: ArrayLike<number>, n: number): { s: number; tiedPairs: number } {
  let s = 0;
  let tiedPairs = 0;
  for (let i = 0; i < n - 1; i++) {
    const li = lo[i]!;
    const hi_ = hi[i]!;
    const point = li === hi_;
    for (let j = i + 1; j < n; j++) {
      const lj = lo[j]!;
      const hj = hi[j]!;
      const c = point && lj === hj ? (lj > li ? 1 : lj < li ? -1 : 0) : lj >= hi_ ? 1 : hj <= li ? -1 : 0;
      s += c;
      if (c === 0) tiedPairs++;
    }
  }
  return { s, tiedPairs };
}

/**
 * Sizes of the groups of identical intervals (2 or more): Kendall's tie correction applies to them exactly.
 * Measured values are grouped by a numeric sort; the few censored ones pairwise.
 */
let tieScratch = new Float64Array(64);

function tieGroupSizes(lo: Float64Array, hi: Float64Array): number[] {
  const n = lo.length;
  const intervals: number[] = [];
  let m = 0;
  if (tieScratch.length < n) tieScratch = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (lo[i] === hi[i]) tieScratch[m++] = lo[i]!;
    else intervals.push(i);
  }
  const ties: number[] = [];
  const sorted = tieScratch.subarray(0, m).sort();
  for (let k = 0, run = 1; k < sorted.length; k++, run++) {
    if (k + 1 < sorted.length && sorted[k + 1] === sorted[k]) continue;
    if (run > 1) ties.push(run);
    run = 0;
  }
  const done = new Uint8Array(intervals.length);
  for (let a = 0; a < intervals.length; a++) {
    if (done[a]) continue;
    let run = 1;
    for (let b = a + 1; b < intervals.length; b++) {
      if (!done[b] && lo[intervals[a]!] === lo[intervals[b]!] && hi[intervals[a]!] === hi[intervals[b]!]) {
        done[b] = 1;
        run++;
      }
    }
    if (run > 1) ties.push(run);
  }
  return ties;
}


const EPS_TOL = 1e-7;
const MAX_ITER = 1000;

/**
 * The Akritas–Theil–Sen slope of left-censored y against t (no censoring in t), as NADA's kendallATS computes it:
 * censored y are nudged down by min(y)/1000 so that a detection at the limit ranks above "< limit"; the slope
 * bracket is the range of pairwise slopes with censored y at 0; then three bisections (one to a zero of S, one on
 * each side of it) and the mean of the two outer ones. null when fewer than two values are measured.
 */
export function atsSlope(y: readonly number[], censored: readonly boolean[], t: readonly number[]): number | null {
  const n = y.length;
  if (censored.filter((c) => !c).length < 2) return null;
  const minY = Math.min(...y);
  const yj = y.map((v, i) => (censored[i] ? v - (minY / 1000) * 1 : v));
  // S(b) is a step function of b with a step at every pair's slope: sort those once, count by binary search.
  const dd: number[] = [];
  const cd: number[] = []; // earlier censored, later measured: +1 while b < slope
  const dc: number[] = []; // earlier measured, later censored: −1 once b > slope
  let lb = Infinity;
  let ub = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (t[j]! <= t[i]!) continue;
      const slope = (yj[j]! - yj[i]!) / (t[j]! - t[i]!);
      if (!censored[i] && !censored[j]) dd.push(slope);
      else if (censored[i] && !censored[j]) cd.push(slope);
      else if (!censored[i] && censored[j]) dc.push(slope);
      // The bracket: pairwise slopes with censored values taken as 0 (ktau_b).
      const b0 = ((censored[j] ? 0 : yj[j]!) - (censored[i] ? 0 : yj[i]!)) / (t[j]! - t[i]!);
      if (Number.isFinite(b0)) {
        lb = Math.min(lb, b0);
        ub = Math.max(ub, b0);
      }
    }
  }
  for (const a of [dd, cd, dc]) a.sort((p, q) => p - q);
  const below = (a: number[], b: number) => lowerBound(a, b); // count of slopes < b
  const above = (a: number[], b: number) => a.length - upperBound(a, b); // count of slopes > b
  const sOf = (b: number) => above(dd, b) - below(dd, b) + above(cd, b) - below(dc, b);

  // S at the ends of a bracket is known from the step before: only the midpoint is new (the values are the ones
  // cenken's step_s recomputes, so the search takes the same path).
  const memo = new Map<number, number>();
  const sAt = (b: number) => {
    let v = memo.get(b);
    if (v === undefined) memo.set(b, (v = sOf(b)));
    return v;
  };
  const step = (l: number, u: number) => {
    const b = [l, (l + u) / 2, u];
    return { b, s: b.map(sAt) };
  };
  const bisect = (l: number, u: number) => {
    let bs = step(l, u);
    for (let k = 0; k < MAX_ITER; k++) {
      const b = [...bs.b];
      const s = [...bs.s];
      if (s[0]! * s[1]! <= 0) {
        s[2] = s[1]!;
        b[2] = b[1]!;
      } else {
        s[0] = s[1]!;
        b[0] = b[1]!;
      }
      if (s[1] === 0 || Math.abs(b[2]! - b[0]!) <= EPS_TOL) break;
      bs = step(b[0]!, b[2]!);
    }
    return bs;
  };
  const bs = bisect(lb, ub);
  const upper = bisect(bs.b[1]!, bs.b[2]!);
  const lower = bisect(bs.b[0]!, bs.b[1]!);
  return 0.5 * (upper.b[1]! + lower.b[1]!);
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! <= x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Step 3: the slope per step of a censored series. Values mostly below a limit enter ATS as "< upper bound";
 * values whose censored part is small (an index with a trace substance below its LOQ) as the midpoint of their
 * interval, which is off by at most a quarter of that small part.
 */
export function censoredSlope(values: readonly Interval[], t: readonly number[]): number | null {
  if (values.length < 2) return null;
  if (!values.some(isCensored)) return sensSlope(values.map((x) => x.lo), t);
  const cens = values.map(isMostlyCensored);
  const y = values.map((x, i) => (cens[i] ? x.hi : (x.lo + x.hi) / 2));
  if (!values.some(isMostlyCensored)) return sensSlope(y, t);
  return atsSlope(y, cens, t);
}

export { twoSidedP };
