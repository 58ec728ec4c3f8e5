import { describe, expect, it } from 'vitest';
import { enforcementTrend, isDivergent } from './divergence.js';

const weeks = (f: (i: number) => number, n = 25) => Array.from({ length: n }, (_, i) => f(i));

describe('enforcement trend and the divergence flag', () => {
  it('finds enforcement falling when inspections and checks thin out, each measure one vote', () => {
    const t = enforcementTrend({ inspections: weeks((i) => Math.max(0, 6 - Math.floor(i / 4))), checks: weeks((i) => 900 - i * 12 + (i % 3) * 20), cases: weeks(() => 0) });
    expect(t.measures.map((m) => m.measure)).toEqual(['inspections', 'checks']); // no case at all: no vote
    expect(t.category).toBe('falling_significant');
    expect(t.s).toBe(t.measures[0]!.s + t.measures[1]!.s);
    expect(t.measures[0]!.secondHalf).toBeLessThan(t.measures[0]!.firstHalf);
  });

  it('is flat when activity holds and insufficient when there is none', () => {
    expect(enforcementTrend({ inspections: weeks((i) => 3 + (i % 2)) }).category).toBe('flat');
    expect(enforcementTrend({ inspections: weeks(() => 0) }).category).toBe('insufficient');
  });

  it('flags only a significant rise of the drug signal with enforcement falling', () => {
    expect(isDivergent('rising_significant', 'falling')).toBe(true);
    expect(isDivergent('rising_significant', 'falling_significant')).toBe(true);
    expect(isDivergent('rising', 'falling_significant')).toBe(false);
    expect(isDivergent('rising_significant', 'flat')).toBe(false);
    expect(isDivergent('below_detection', 'falling')).toBe(false);
  });
});
