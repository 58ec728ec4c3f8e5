import { describe, expect, it } from 'vitest';
import { LOQ_SUBSTITUTION_FACTOR, dailyLoadMg, effectiveConcentration, perCapitaLoad, sampleLoad } from './load.js';

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

  it('substitutes LOQ/2 below the limit of quantification and flags it', () => {
    expect(effectiveConcentration({ concentrationNgL: 3.2, belowLoq: false, loqNgL: 1 })).toEqual({ ngL: 3.2, censored: false });
    expect(effectiveConcentration({ concentrationNgL: 0, belowLoq: true, loqNgL: 2 })).toEqual({ ngL: 2 * LOQ_SUBSTITUTION_FACTOR, censored: true });
    // A lab that writes the LOQ in the concentration column and leaves LOQ empty.
    expect(effectiveConcentration({ concentrationNgL: 4, belowLoq: true, loqNgL: null })).toEqual({ ngL: 2, censored: true });
    const s = sampleLoad({ concentrationNgL: 0, belowLoq: true, loqNgL: 2, flowM3Day: 10_000 }, 50_000);
    expect(s).toEqual({ loadMgDay: 10, normalised: 0.2, censored: true });
  });
});
