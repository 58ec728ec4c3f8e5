/**
 * The trend of one weekly series as the recompute computes it for every plant, substance and window (~15,000
 * series at province scale after every import that moves the window): the same statistics as
 * summariseCensoredTrend (summary.ts, with censored.ts: re-censoring at the highest limit, the censored
 * Mann–Kendall test, Sen's or the Akritas–Theil–Sen slope), over flat arrays and reused scratch buffers instead of
 * an object per week, per pair and per step. summary.ts stays the readable statement of the method (charts use
 * it); kernel.test.ts checks on many random series, censored values and ties included, that both give exactly
 * the same numbers, so that a change to either cannot silently move a p-value or a slope.
 */
import { medianInPlace, mannKendallFromTieTerm, sensIntercept, classifyTrend, MIN_SAMPLES, PCT_CHANGE_WEEKS } from './trend.js';
import { censoredKendallS } from './censored.js';
import { MAX_CENSORED_SHARE, RECENT_WEEKS, type CensoredTrendSummary } from './summary.js';

const EPS_TOL = 1e-7;
const MAX_ITER = 1000;

/** Scratch buffers, grown on demand and reused by every call (the kernel is synchronous: no call overlaps). */
let lo = new Float64Array(64);
let hi = new Float64Array(64);
let y = new Float64Array(64);
let yj = new Float64Array(64);
let cens = new Uint8Array(64);
let pairs = new Float64Array(64 * 64);
let pairs2 = new Float64Array(64 * 64);
let pairs3 = new Float64Array(64 * 64);

function ensure(n: number): void {
  if (lo.length < n) {
    lo = new Float64Array(n);
    hi = new Float64Array(n);
    y = new Float64Array(n);
    yj = new Float64Array(n);
    cens = new Uint8Array(n);
  }
  const p = n * n;
  if (pairs.length < p) {
    pairs = new Float64Array(p);
    pairs2 = new Float64Array(p);
    pairs3 = new Float64Array(p);
  }
}

/**
 * Summary of the series whose i-th weekly value is the interval [rawLo[i], rawHi[i]) at week `steps[i]`, i < n
 * (time order; measured when lo = hi). `recensor` and `line` as in summariseCensoredTrend.
 */
export function summariseWeeks(
  rawLo: ArrayLike<number>,
  rawHi: ArrayLike<number>,
  n: number,
  steps: ArrayLike<number>,
  opts: { recensor: boolean; line?: boolean },
): CensoredTrendSummary {
  ensure(n);
  // 1. One highest limit: every value below the highest censored limit becomes [0, limit).
  let limit: number | null = null;
  if (opts.recensor) for (let i = 0; i < n; i++) if (rawHi[i]! > rawLo[i]! && (limit === null || rawHi[i]! > limit)) limit = rawHi[i]!;
  let recensored = 0;
  for (let i = 0; i < n; i++) {
    const l = rawLo[i]!;
    const h = rawHi[i]!;
    if (limit === null || (!(h > l) && l >= limit)) {
      lo[i] = l;
      hi[i] = h;
    } else {
      if (!(h > l)) recensored++;
      lo[i] = 0;
      hi[i] = limit;
    }
  }
  // 2. Mann–Kendall over the intervals (censored.ts: censoredMannKendall).
  let nCensored = 0;
  let anyCensored = false;
  for (let i = 0; i < n; i++) {
    if (hi[i]! - lo[i]! > hi[i]! / 2) nCensored++;
    if (hi[i]! > lo[i]!) anyCensored = true;
  }
  const { s, tiedPairs } = censoredKendallS(lo, hi, n);
  const mk = mannKendallFromTieTerm(n, s, tieTerm(n), tiedPairs);
  const censoredShare = n ? nCensored / n : 0;
  const recentN = Math.min(n, RECENT_WEEKS);
  let recentCensored = 0;
  for (let i = n - recentN; i < n; i++) if (hi[i]! - lo[i]! > hi[i]! / 2) recentCensored++;
  const category =
    n < MIN_SAMPLES ? 'insufficient' : censoredShare > MAX_CENSORED_SHARE || recentCensored * 2 > recentN ? 'below_detection' : classifyTrend(mk);

  // 3. The slope (censored.ts: censoredSlope), only where there is a trend to state.
  let slope: number | null = null;
  if (n >= 2 && category !== 'insufficient' && category !== 'below_detection') {
    if (!anyCensored) slope = sensSlopeOf(lo, steps, n);
    else {
      let anyMostly = false;
      for (let i = 0; i < n; i++) {
        const mostly = hi[i]! - lo[i]! > hi[i]! / 2;
        cens[i] = mostly ? 1 : 0;
        if (mostly) anyMostly = true;
        y[i] = mostly ? hi[i]! : (lo[i]! + hi[i]!) / 2;
      }
      slope = anyMostly ? atsSlopeOf(n, steps) : sensSlopeOf(y, steps, n);
    }
  }
  // Percent change blocks: the last 2·PCT_CHANGE_WEEKS values, none below detection.
  let recentMean: number | null = null;
  let beforeMean: number | null = null;
  const blockLen = 2 * PCT_CHANGE_WEEKS;
  if (n >= blockLen) {
    let measuredBlocks = true;
    for (let i = n - blockLen; i < n; i++) if (hi[i]! - lo[i]! > hi[i]! / 2) measuredBlocks = false;
    if (measuredBlocks) {
      let before = 0;
      let recent = 0;
      for (let i = n - blockLen; i < n - PCT_CHANGE_WEEKS; i++) before += (lo[i]! + hi[i]!) / 2;
      for (let i = n - PCT_CHANGE_WEEKS; i < n; i++) recent += (lo[i]! + hi[i]!) / 2;
      recentMean = recent / PCT_CHANGE_WEEKS;
      beforeMean = before / PCT_CHANGE_WEEKS;
    }
  }
  let intercept: number | null = null;
  if (slope !== null && opts.line !== false) {
    for (let i = 0; i < n; i++) y[i] = hi[i]! - lo[i]! > hi[i]! / 2 ? hi[i]! : (lo[i]! + hi[i]!) / 2;
    intercept = sensIntercept(y.subarray(0, n), slope, steps);
  }
  return {
    category,
    n,
    s: mk.s,
    varS: mk.varS,
    z: mk.z,
    p: mk.p,
    tau: mk.tau,
    senSlope: slope,
    intercept,
    pctChange: recentMean !== null && beforeMean !== null && beforeMean > 0 ? ((recentMean - beforeMean) / beforeMean) * 100 : null,
    recentMean,
    beforeMean,
    latest: n ? rawHi[n - 1]! : null,
    latestCensored: n ? rawHi[n - 1]! > rawLo[n - 1]! : false,
    nCensored,
    censoredShare,
    recentCensored,
    recentN,
    limit,
    recensored,
  };
}

/** Σ t(t−1)(2t+5) over the groups of identical intervals in lo/hi[0..n) (Kendall's tie correction). */
function tieTerm(n: number): number {
  // Measured values: sorted copies, runs of equal values. Censored intervals: pairwise (few).
  let m = 0;
  for (let i = 0; i < n; i++) if (lo[i] === hi[i]) pairs[m++] = lo[i]!;
  let term = 0;
  const sorted = pairs.subarray(0, m).sort();
  for (let k = 0, run = 1; k < m; k++, run++) {
    if (k + 1 < m && sorted[k + 1] === sorted[k]) continue;
    if (run > 1) term += run * (run - 1) * (2 * run + 5);
    run = 0;
  }
  // pairs2 marks the censored intervals already counted in a group.
  for (let a = 0; a < n; a++) pairs2[a] = 0;
  for (let a = 0; a < n; a++) {
    if (lo[a] === hi[a] || pairs2[a]) continue;
    let run = 1;
    for (let b = a + 1; b < n; b++) {
      if (lo[b] !== hi[b] && !pairs2[b] && lo[a] === lo[b] && hi[a] === hi[b]) {
        pairs2[b] = 1;
        run++;
      }
    }
    if (run > 1) term += run * (run - 1) * (2 * run + 5);
  }
  return term;
}

/** Sen's slope of x[0..n) at steps t (trend.ts: sensSlope), in the `pairs` buffer. */
function sensSlopeOf(x: Float64Array, t: ArrayLike<number>, n: number): number {
  let k = 0;
  for (let i = 0; i < n - 1; i++) {
    const ti = t[i]!;
    for (let j = i + 1; j < n; j++) pairs[k++] = (x[j]! - x[i]!) / (t[j]! - ti);
  }
  return k ? medianInPlace(pairs, k) : NaN;
}

/** Count of a[0..len) below x (a sorted). */
function countBelow(a: Float64Array, len: number, x: number): number {
  let l = 0;
  let h = len;
  while (l < h) {
    const m = (l + h) >> 1;
    if (a[m]! < x) l = m + 1;
    else h = m;
  }
  return l;
}

/** Count of a[0..len) above x (a sorted). */
function countAbove(a: Float64Array, len: number, x: number): number {
  let l = 0;
  let h = len;
  while (l < h) {
    const m = (l + h) >> 1;
    if (a[m]! <= x) l = m + 1;
    else h = m;
  }
  return len - l;
}

/**
 * The Akritas–Theil–Sen slope (censored.ts: atsSlope) of y[0..n) with flags cens[0..n) at steps t: the pairwise
 * slopes in three sorted buffers (both measured; earlier censored; later censored), S(b) by binary search, and
 * cenken's three bisections.
 */
function atsSlopeOf(n: number, t: ArrayLike<number>): number | null {
  let measuredCount = 0;
  let minY = Infinity;
  for (let i = 0; i < n; i++) {
    if (!cens[i]) measuredCount++;
    minY = Math.min(minY, y[i]!);
  }
  if (measuredCount < 2) return null;
  // Censored values nudged down so that a detection at the limit ranks above "< limit".
  for (let i = 0; i < n; i++) yj[i] = cens[i] ? y[i]! - (minY / 1000) * 1 : y[i]!;
  let nDD = 0;
  let nCD = 0;
  let nDC = 0;
  let lb = Infinity;
  let ub = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (t[j]! <= t[i]!) continue;
      const dt = t[j]! - t[i]!;
      const slope = (yj[j]! - yj[i]!) / dt;
      if (!cens[i] && !cens[j]) pairs[nDD++] = slope;
      else if (cens[i] && !cens[j]) pairs2[nCD++] = slope;
      else if (!cens[i] && cens[j]) pairs3[nDC++] = slope;
      const b0 = ((cens[j] ? 0 : yj[j]!) - (cens[i] ? 0 : yj[i]!)) / dt;
      if (Number.isFinite(b0)) {
        lb = Math.min(lb, b0);
        ub = Math.max(ub, b0);
      }
    }
  }
  pairs.subarray(0, nDD).sort();
  pairs2.subarray(0, nCD).sort();
  pairs3.subarray(0, nDC).sort();
  const sOf = (b: number) => countAbove(pairs, nDD, b) - countBelow(pairs, nDD, b) + countAbove(pairs2, nCD, b) - countBelow(pairs3, nDC, b);
  // One bisection as cenken's: the bracket [b0, b2] with midpoint b1 halves towards the sign change of S until S
  // at the midpoint is 0 or the bracket is narrower than EPS_TOL; the bracket of the last step is the answer.
  const bisect = (l: number, u: number): [number, number, number] => {
    let b0 = l;
    let b2 = u;
    let b1 = (b0 + b2) / 2;
    let s0 = sOf(b0);
    let s1 = sOf(b1);
    for (let k = 0; k < MAX_ITER; k++) {
      let n0 = b0;
      let n2 = b2;
      if (s0 * s1 <= 0) n2 = b1;
      else n0 = b1;
      if (s1 === 0 || Math.abs(n2 - n0) <= EPS_TOL) break;
      b0 = n0;
      b2 = n2;
      b1 = (b0 + b2) / 2;
      s0 = sOf(b0);
      s1 = sOf(b1);
    }
    return [b0, b1, b2];
  };
  const bs = bisect(lb, ub);
  const upper = bisect(bs[1], bs[2]);
  const lower = bisect(bs[0], bs[1]);
  return 0.5 * (upper[1] + lower[1]);
}
