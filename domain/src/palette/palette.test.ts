import { describe, expect, it } from 'vitest';
import { TREND_CATEGORIES } from '../wastewater/trend.js';
import { MAX_ALPHA, MIN_ALPHA, NO_DATA_COLOR, TREND_COLORS, TRENDS, confidenceAlpha, trendColor } from './palette.js';

describe('trend palette', () => {
  it('colours rising orange and falling blue, each category distinct', () => {
    expect(new Set(Object.values(TREND_COLORS)).size).toBe(6);
    expect(trendColor('rising_significant')).toBe('#e66101');
    expect(trendColor('falling_significant')).toBe('#0571b0');
    expect(trendColor('insufficient')).toBe(NO_DATA_COLOR);
  });

  it('has a colour for every trend category the statistics produce except "insufficient"', () => {
    expect([...TRENDS, 'insufficient'].sort()).toEqual([...TREND_CATEGORIES].sort());
  });

  it('never draws thin data as strongly as solid data, and no data not at all', () => {
    const solid = confidenceAlpha('rising_significant', 1, 26);
    const thinCoverage = confidenceAlpha('rising_significant', 0.2, 26);
    const fewWeeks = confidenceAlpha('rising_significant', 1, 9);
    expect(solid).toBeCloseTo(MAX_ALPHA, 9);
    expect(thinCoverage).toBeLessThan(solid);
    expect(fewWeeks).toBeLessThan(solid);
    expect(thinCoverage).toBeGreaterThanOrEqual(MIN_ALPHA);
    expect(confidenceAlpha('flat', 0, 26)).toBe(0);
    expect(confidenceAlpha('insufficient', 1, 3)).toBe(0);
    expect(confidenceAlpha(null, null, null)).toBe(0);
  });
});
