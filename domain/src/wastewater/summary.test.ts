/**
 * The cases issue 12 names, each with the category a careful analyst would give, and why (in the test's name).
 * Beside each, what the old pipeline (LOQ/2 substituted, then Mann–Kendall and Sen on the numbers) said.
 */
import { describe, expect, it } from 'vitest';
import { belowLimit, measured, type Interval } from './censored.js';
import { MAX_CENSORED_SHARE, RECENT_WEEKS, summariseCensoredTrend } from './summary.js';
import { summariseTrend } from './trend.js';

const steps = (n: number) => Array.from({ length: n }, (_, i) => i);
/** What the old pipeline saw: censored values replaced by half their limit (its LOQ_SUBSTITUTION_FACTOR, 0.5). */
const substituted = (v: Interval[]) => v.map((x) => (x.hi > x.lo ? x.hi * 0.5 : x.lo));

describe('below the LOQ', () => {
  it('calls an all-censored series "below detection", not rising, because LOQ × flow rose with the flow and not with the drug', () => {
    // 26 weeks "< LOQ"; in load terms the limit is LOQ × flow / people, and the wet season raises the flow.
    const weeks = steps(26).map((i) => belowLimit(0.4 * (1 + 0.02 * i)));
    expect(summariseTrend(substituted(weeks)).category).toBe('rising_significant'); // the false trend of before
    const t = summariseCensoredTrend(weeks, steps(26));
    expect(t.category).toBe('below_detection');
    expect(t.censoredShare).toBe(1);
    expect(t.s).toBe(0); // every value re-censored at the highest limit: all ties
    expect(t.pctChange).toBeNull();
  });

  it('calls a series "below detection", not falling, when the lab lowered its LOQ from 2 to 0.5 ng/L and the drug stayed at 0.8', () => {
    // Per-capita loads with LOQ 2 → "< 2"; after the change the same drug level is measured at ~0.8.
    const weeks: Interval[] = [...steps(13).map(() => belowLimit(2)), ...steps(13).map((i) => measured(0.8 + ((i % 3) - 1) * 0.05))];
    expect(summariseTrend(substituted(weeks)).category).toBe('falling_significant'); // LOQ/2 = 1.0, then 0.8
    const t = summariseCensoredTrend(weeks, steps(26));
    expect(t.limit).toBe(2);
    expect(t.recensored).toBe(13);
    expect(t.category).toBe('below_detection');
  });

  it('keeps a real rise when the LOQ changed but the drug stayed well above both limits', () => {
    const weeks: Interval[] = steps(26).map((i) => (i === 3 ? belowLimit(2) : i === 20 ? belowLimit(0.5) : measured(10 + i * 0.6 + (i % 2) * 0.3)));
    const t = summariseCensoredTrend(weeks, steps(26));
    expect(t.category).toBe('rising_significant');
    expect(t.nCensored).toBe(2);
    expect(t.senSlope).toBeGreaterThan(0.5);
    expect(t.senSlope).toBeLessThan(0.7);
  });

  it(`calls a series "below detection" once more than half of its last ${RECENT_WEEKS} weeks are below the LOQ, even after a measured first half`, () => {
    const weeks: Interval[] = [...steps(18).map((i) => measured(3 - i * 0.1)), measured(1.2), belowLimit(1), measured(1.1), belowLimit(1), belowLimit(1), belowLimit(1), measured(1.05), belowLimit(1)];
    const t = summariseCensoredTrend(weeks, steps(26));
    expect(t.censoredShare).toBeLessThanOrEqual(MAX_CENSORED_SHARE);
    expect(t.recentCensored).toBe(5);
    expect(t.category).toBe('below_detection');
  });

  it('reports the latest value with its own limit and flag, not the one it was re-censored at', () => {
    const weeks: Interval[] = [...steps(10).map(() => measured(5)), belowLimit(3), belowLimit(1)];
    const t = summariseCensoredTrend(weeks, steps(12));
    expect(t.latest).toBe(1);
    expect(t.latestCensored).toBe(true);
  });
});
