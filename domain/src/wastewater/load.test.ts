import { describe, expect, it } from 'vitest';
import { concentrationBounds, dailyLoadMg, isBelowLoq, perCapitaLoad, sampleLoad } from './load.js';

describe('loads', () => {
  it('mg/day = ng/L × m³/day × 10⁻³', () => {
    // 100 ng/L in 50,000 m³/day: 100 × 50,000,000 L = 5·10⁹ ng = 5,000 mg per day.
    expect(dailyLoadMg(100, 50_000)).toBeCloseTo(5000, 9);
  });

  it('normalises to mg/day per 1000 inhabitants', () => {
    expect(perCapitaLoad(5000, 200_000)).toBeCloseTo(25, 9);
    expect(() => perCapitaLoad(1, 0)).toThrow();
  });

  it('rejects negative concentrations and non-positive flows', () => {
    expect(() => dailyLoadMg(-1, 10)).toThrow();
    expect(() => dailyLoadMg(1, 0)).toThrow();
    expect(() => dailyLoadMg(Number.NaN, 10)).toThrow();
  });

  it('carries a result below the LOQ as the interval [0, LOQ), flagged, not as LOQ/2', () => {
    expect(concentrationBounds({ concentrationNgL: 3.2, belowLoq: false, loqNgL: 1 })).toEqual({ lo: 3.2, hi: 3.2 });
    expect(concentrationBounds({ concentrationNgL: 0, belowLoq: true, loqNgL: 2 })).toEqual({ lo: 0, hi: 2 });
    // A lab that writes the LOQ in the concentration column and leaves LOQ empty.
    expect(concentrationBounds({ concentrationNgL: 4, belowLoq: true, loqNgL: null })).toEqual({ lo: 0, hi: 4 });
    const s = sampleLoad({ concentrationNgL: 0, belowLoq: true, loqNgL: 2, flowM3Day: 10_000 }, 50_000);
    expect(s).toEqual({ loadMgDay: { lo: 0, hi: 20 }, normalised: { lo: 0, hi: 0.4 }, censored: true });
  });

  it('treats a value under the stated LOQ as censored whatever the flag says', () => {
    expect(isBelowLoq({ concentrationNgL: 0.3, belowLoq: false, loqNgL: 0.5 })).toBe(true);
    expect(concentrationBounds({ concentrationNgL: 0.3, belowLoq: false, loqNgL: 0.5 })).toEqual({ lo: 0, hi: 0.5 });
    expect(isBelowLoq({ concentrationNgL: 0.5, belowLoq: false, loqNgL: 0.5 })).toBe(false);
    expect(isBelowLoq({ concentrationNgL: 7, belowLoq: false, loqNgL: null })).toBe(false);
  });
});
