import { describe, expect, it } from 'vitest';
import { aggregateAreas, coverage, weeklyValues } from './areal.js';
import { INDEX_WEIGHTS } from './substances.js';

// Two plants feeding township A (75 % / 30 % of their people) — the same numbers as tests/db/wastewater-areal.test.ts.
const shares = [
  { siteId: 1, areaCode: 'A', share: 0.75, people: 30000 },
  { siteId: 1, areaCode: 'B', share: 0.25, people: 10000 },
  { siteId: 2, areaCode: 'A', share: 0.3, people: 6000 },
  { siteId: 2, areaCode: 'B', share: 0.7, people: 14000 },
];
const one = (siteId: number, substance: 'methamphetamine' | 'ketamine', normalised: number, load: number, step = 0, censored = 0) => ({
  siteId, substance, steps: [step], normalised: [normalised], load: [load], n: [1], censored: [censored],
});

describe('areal weighting', () => {
  it('weights site loads by the people of each catchment living in the area', () => {
    const m = aggregateAreas([one(1, 'methamphetamine', 25, 1000), one(2, 'methamphetamine', 0.25, 5, 0, 1)], shares, 2);
    const a = m.get('A')!.get('methamphetamine')!;
    expect(weeklyValues(a)).toEqual({ values: [20.875], steps: [0] });
    expect(a.load[0]).toBeCloseTo(751.5, 9);
    expect(a.nCensored[0]).toBe(1);
    expect(weeklyValues(m.get('B')!.get('methamphetamine')!).values[0]).toBeCloseTo(10.5625, 9);
    // Week 1 has no data: coverage averages 36,000 people over 2 weeks of a 40,000 population.
    expect(coverage(a, 40000)).toBeCloseTo(36000 / 2 / 40000, 9);
    expect(coverage(undefined, 40000)).toBe(0);
  });

  it('sums substances into the index with their weights', () => {
    const m = aggregateAreas([one(1, 'methamphetamine', 20, 800), one(1, 'ketamine', 10, 400)], shares, 1);
    const idx = weeklyValues(m.get('A')!.get('index')!);
    expect(idx.values[0]).toBeCloseTo(20 + 10 * INDEX_WEIGHTS.ketamine, 9);
  });
});
