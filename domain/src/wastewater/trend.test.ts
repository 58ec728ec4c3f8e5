import { describe, expect, it } from 'vitest';
import { BOGRA_MONTHLY_RAINFALL_MM } from './trend.fixtures.js';
import { ALPHA_LIKELY, ALPHA_SIGNIFICANT, MIN_SAMPLES, classifyTrend, mannKendall, percentChange, sensIntercept, sensSlope, summariseTrend, twoSidedP } from './trend.js';

describe('Mann–Kendall against published examples', () => {
  it('matches the hand-worked example with one tie (Little, "A Mann-Kendall Example (By Hand)")', () => {
    // Source: J. Little, College of the Holy Cross, https://mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt
    // Series of 14 values with one tied pair (12.9): 72 pairs up, 18 down, 1 tie → S = 54;
    // V = 14·13·33/18 − 2·1·9/18; Z = (S − 1)/√V ≈ 2.9058; one-sided p ≈ .0018 (so two-sided ≈ .0037).
    const x = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];
    const mk = mannKendall(x);
    expect(mk.s).toBe(54);
    expect(mk.varS).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 10);
    expect(mk.z).toBeCloseTo(2.9058, 4);
    expect(mk.p / 2).toBeCloseTo(0.0018, 4);
  });

  it("matches pyMannKendall's original_test on the Bogra monthly rainfall series (ties, missing values dropped)", () => {
    // Source: pyMannKendall tests/test_pymannkendall.py, test_original_test (https://github.com/mmhs013/pyMannKendall):
    // s = -1959, var_s = 4889800.333333333, z = -0.8854562842589916, p = 0.37591058740506833,
    // Tau = -0.03153167653875869, slope = -0.0064516129032258064.
    const x = BOGRA_MONTHLY_RAINFALL_MM.filter((v): v is number => v !== null);
    expect(x).toHaveLength(353);
    const mk = mannKendall(x);
    expect(mk.s).toBe(-1959);
    expect(mk.varS).toBeCloseTo(4889800.333333333, 6);
    expect(mk.z).toBeCloseTo(-0.8854562842589916, 10);
    expect(mk.p).toBeCloseTo(0.37591058740506833, 6);
    // pyMannKendall's Tau is S / (n(n−1)/2) (tau-a); ours is tau-b (ties removed from the denominator), so it is a
    // little larger in magnitude and has the same sign.
    expect(mk.s / ((353 * 352) / 2)).toBeCloseTo(-0.03153167653875869, 12);
    expect(mk.tau).toBeLessThan(-0.0315);
    expect(sensSlope(x)).toBeCloseTo(-0.0064516129032258064, 14);
  });

  it('has S = 0, p = 1 on a constant series and tau = ±1 on strictly monotone ones', () => {
    expect(mannKendall([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).tau).toBeCloseTo(1, 12);
    expect(mannKendall([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).tau).toBeCloseTo(-1, 12);
  });

  it('two-sided p of the normal: 1.96 → 0.05, 0 → 1', () => {
    expect(twoSidedP(1.959963985)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-1.959963985)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
  });
});

describe("Sen's slope", () => {
  it('recovers the slope of a straight line even with an outlier', () => {
    const x = Array.from({ length: 20 }, (_, i) => 3 + 0.5 * i);
    x[7] = 100;
    expect(sensSlope(x)).toBeCloseTo(0.5, 12);
    expect(sensIntercept(x, 0.5)).toBeCloseTo(3, 12);
  });

  it('uses the week numbers when weeks are missing', () => {
    // y = 2 + 3t observed at t = 0, 1, 4, 5, 9: consecutive indexing would overstate the slope.
    const t = [0, 1, 4, 5, 9];
    const y = t.map((v) => 2 + 3 * v);
    expect(sensSlope(y, t)).toBeCloseTo(3, 12);
    expect(sensIntercept(y, 3, t)).toBeCloseTo(2, 12);
    expect(sensSlope(y)).toBeGreaterThan(3);
  });
});

describe('percent change and categories', () => {
  it('compares the last four weeks with the four before', () => {
    expect(percentChange([5, 5, 1, 1, 1, 1, 2, 2, 2, 2])).toBeCloseTo(100, 12); // only the last 8 count
    expect(percentChange([10, 10, 10, 10, 12, 12, 12, 12])).toBeCloseTo(20, 12);
    expect(percentChange([10, 10, 10])).toBeNull();
    expect(percentChange([0, 0, 0, 0, 1, 1, 1, 1])).toBeNull();
  });

  it('calls too short a series insufficient whatever its shape', () => {
    expect(classifyTrend(mannKendall([1, 2, 3, 4, 5, 6, 7].slice(0, MIN_SAMPLES - 1)))).toBe('insufficient');
  });

  it('names significant, likely and flat trends by p and sign', () => {
    expect(classifyTrend({ n: 30, s: 100, p: ALPHA_SIGNIFICANT / 2 })).toBe('rising_significant');
    expect(classifyTrend({ n: 30, s: -100, p: ALPHA_SIGNIFICANT / 2 })).toBe('falling_significant');
    expect(classifyTrend({ n: 30, s: 40, p: (ALPHA_SIGNIFICANT + ALPHA_LIKELY) / 2 })).toBe('rising');
    expect(classifyTrend({ n: 30, s: -40, p: (ALPHA_SIGNIFICANT + ALPHA_LIKELY) / 2 })).toBe('falling');
    expect(classifyTrend({ n: 30, s: 10, p: 0.6 })).toBe('flat');
  });

  it('summarises a clearly rising weekly series', () => {
    const weekly = Array.from({ length: 26 }, (_, i) => 20 + i * 0.8 + (i % 3 === 0 ? 1.5 : -0.7));
    const t = summariseTrend(weekly);
    expect(t.category).toBe('rising_significant');
    expect(t.senSlope).toBeGreaterThan(0.6);
    expect(t.pctChange).toBeGreaterThan(5);
    expect(t.latest).toBe(weekly[25]);
  });
});
