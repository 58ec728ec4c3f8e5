import { describe, expect, it } from 'vitest';
import { indexShares } from './areal.js';
import { areaLevel } from './consensus.js';
import { measured } from './censored.js';

// Two plants feeding township A (75 % / 30 % of their people) — the same numbers as tests/db/wastewater-areal.test.ts.
const shares = [
  { siteId: 1, areaCode: 'A', share: 0.75, people: 30000 },
  { siteId: 1, areaCode: 'B', share: 0.25, people: 10000 },
  { siteId: 2, areaCode: 'A', share: 0.3, people: 6000 },
  { siteId: 2, areaCode: 'B', share: 0.7, people: 14000 },
];

describe('areal weighting', () => {
  it('weights plant loads by the people of each catchment living in the area', () => {
    const { byArea, bySite } = indexShares(shares);
    expect(bySite.get(1)!.map((s) => s.areaCode)).toEqual(['A', 'B']);
    const values = new Map([[1, measured(25)], [2, { lo: 0, hi: 0.5 }]]);
    const level = (area: string) =>
      areaLevel(byArea.get(area)!.map((s) => ({ people: s.people, steps: [0], values: [values.get(s.siteId)!] })), 2, area === 'A' ? 40000 : 20000);
    // A: (30,000·25 + 6,000·[0, 0.5)) / 36,000; week 1 has no data, so coverage averages 36,000 over 2 weeks.
    expect(level('A').latest!.lo).toBeCloseTo(20.833333333, 6);
    expect(level('A').latest!.hi).toBeCloseTo(20.916666667, 6);
    expect(level('A').coverage).toBeCloseTo(36000 / 2 / 40000, 9);
    expect(level('B').latest!.hi).toBeCloseTo((10000 * 25 + 14000 * 0.5) / 24000, 9);
  });
});
