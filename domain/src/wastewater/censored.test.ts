import { describe, expect, it } from 'vitest';
import { atsSlope, belowLimit, censoredMannKendall, censoredSlope, compareIntervals, measured, recensorAtHighestLimit, type Interval } from './censored.js';

/** Series as NADA takes them: the value (the limit for a censored one) and the censoring flag. */
const toIntervals = (y: number[], cen: boolean[]): Interval[] => y.map((v, i) => (cen[i] ? belowLimit(v) : measured(v)));

/**
 * Reference values: NADA 1.6-1.1 (CRAN), `kendallATS(y, ycen, x, xcen = FALSE)` — the function behind cenken —
 * run under R 4.2.2 on these series (the series are ours, made to cover the cases; nothing of NADA is copied).
 * NADA reports tau-a = S / (n(n−1)/2); S below is tau·n(n−1)/2.
 */
const NADA = {
  A: {
    // 12 weeks, five results "< 2" (one LOQ), rising detections.
    y: [2, 3.1, 2, 4.2, 2, 2.5, 5.0, 2, 6.1, 2, 7.3, 8.0],
    cen: [true, false, true, false, true, false, false, true, false, true, false, false],
    t: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    slope: 0.574999921, s: 28, p: 0.05013786843,
  },
  B: {
    // 24 weeks of a falling load, nine "< 1.5", weeks 5 and 18 not sampled (steps skip them).
    y: [9.8, 8.7, 1.5, 8.1, 7.9, 6.6, 1.5, 7.2, 5.9, 1.5, 5.1, 4.8, 1.5, 4.4, 3.9, 1.5, 3.1, 1.5, 2.6, 1.5, 2.2, 1.5, 1.9, 1.5],
    cen: [false, false, true, false, false, false, true, false, false, true, false, false, true, false, false, true, false, true, false, true, false, true, false, true],
    t: [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 24, 25],
    slope: -0.342857185, s: -144, p: 0.0002280770522,
  },
  C: {
    // 14 weeks, flat around 20 with two "< 0.8".
    y: [20.1, 19.4, 21.3, 0.8, 20.7, 19.9, 22.0, 18.8, 20.5, 0.8, 21.1, 19.6, 20.2, 20.9],
    cen: [false, false, false, true, false, false, false, false, false, true, false, false, false, false],
    t: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    slope: 0.02874755859, s: 6, p: 0.7839804538,
  },
};

describe('censored Mann–Kendall and the Akritas–Theil–Sen slope against NADA (cenken)', () => {
  it.each(Object.entries(NADA))('series %s: the same S and ATS slope as cenken', (_name, ref) => {
    const mk = censoredMannKendall(toIntervals(ref.y, ref.cen));
    expect(mk.s).toBe(ref.s);
    expect(atsSlope(ref.y, ref.cen, ref.t)).toBeCloseTo(ref.slope, 6);
    expect(censoredSlope(toIntervals(ref.y, ref.cen), ref.t)).toBeCloseTo(ref.slope, 6);
  });

  it('has a p-value no smaller than cenken’s: the exact tie variance, without ktau_p’s extra (m−1)(m−2)/2', () => {
    // Series A: n = 12, one tie group of m = 5 "< 2". Kendall's exact variance: [12·11·29 − 5·4·15]/18 = 196;
    // cenken subtracts (5−1)(5−2)/2 = 6 more (190), which gives its p = 0.0501. Ours: z = 27/√196.
    const mk = censoredMannKendall(toIntervals(NADA.A.y, NADA.A.cen));
    expect(mk.varS).toBeCloseTo(196, 10);
    expect(mk.z).toBeCloseTo(27 / 14, 10);
    expect(mk.p).toBeCloseTo(0.05378, 4);
    expect(mk.p).toBeGreaterThan(NADA.A.p);
    // With cenken's variance we would reproduce its p exactly: the only difference is that term.
    const zNada = 27 / Math.sqrt(196 - 6);
    expect(2 * (1 - normalCdf(zNada))).toBeCloseTo(NADA.A.p, 6);
  });

  it('uses the variance the permutation distribution of S really has when "< LOQ" values tie (exhaustive, n = 8)', () => {
    // Every ordering of 3 × "< 1" and 5 distinct detections is equally likely under "no trend": the variance of S
    // over all 8! orderings is the exact null variance the tie correction must give.
    const values: Interval[] = [belowLimit(1), belowLimit(1), belowLimit(1), measured(2), measured(3), measured(4), measured(5), measured(6)];
    let sum = 0;
    let sumSq = 0;
    let count = 0;
    for (const perm of permutations(values.length)) {
      const { s } = censoredMannKendall(perm.map((i) => values[i]!));
      sum += s;
      sumSq += s * s;
      count++;
    }
    expect(count).toBe(40320);
    expect(sum / count).toBeCloseTo(0, 12);
    expect(censoredMannKendall(values).varS).toBeCloseTo(sumSq / count, 9);
  });
});

describe('one highest limit where limits differ (Helsel 2012, §12.2)', () => {
  it('re-censors measured values under the highest limit, so a lab lowering its LOQ cannot make a trend', () => {
    // LOQ 2 for six weeks, then 0.5: the drug steady at about 0.8 is "< 2" first, "0.8" after.
    const weeks = [belowLimit(2), belowLimit(2), belowLimit(2), belowLimit(2), belowLimit(2), belowLimit(2), measured(0.8), measured(0.7), measured(0.9), measured(0.8)];
    const rc = recensorAtHighestLimit(weeks);
    expect(rc.limit).toBe(2);
    expect(rc.recensored).toBe(4);
    expect(rc.values.every((x) => x.lo === 0 && x.hi === 2)).toBe(true);
    expect(censoredMannKendall(rc.values).s).toBe(0);
  });

  it('keeps measured values at or above the highest limit as they are', () => {
    const rc = recensorAtHighestLimit([belowLimit(1), measured(1), measured(3), belowLimit(0.5), measured(0.7)]);
    expect(rc.values).toEqual([belowLimit(1), measured(1), measured(3), belowLimit(1), belowLimit(1)]);
  });

  it('compares a measured value at the limit as above "< limit", overlapping intervals as ties', () => {
    expect(compareIntervals(belowLimit(2), measured(2))).toBe(1);
    expect(compareIntervals(measured(2), belowLimit(2))).toBe(-1);
    expect(compareIntervals(belowLimit(2), measured(1.5))).toBe(0);
    expect(compareIntervals(belowLimit(2), belowLimit(5))).toBe(0);
    expect(compareIntervals({ lo: 10, hi: 10.4 }, { lo: 11, hi: 11.4 })).toBe(1);
    expect(compareIntervals({ lo: 10, hi: 10.4 }, { lo: 10.2, hi: 10.6 })).toBe(0);
  });
});

function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i);
  const c = Array(n).fill(0);
  yield [...a];
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const k = i % 2 === 0 ? 0 : c[i];
      [a[k], a[i]] = [a[i]!, a[k]!];
      yield [...a];
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** Φ(z) by the Abramowitz–Stegun 7.1.26 erf (|error| < 1.5e-7), independent of the module under test. */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
