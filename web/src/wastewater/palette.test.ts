import { describe, expect, it } from 'vitest';
import { MAX_ALPHA, MIN_ALPHA, TREND_COLORS, confidenceAlpha, siteRadius, trendColor } from './palette';

describe('wastewater palette', () => {
  it('colours rising orange and falling blue, each category distinct', () => {
    expect(new Set(Object.values(TREND_COLORS)).size).toBe(5);
    expect(trendColor('rising_significant')).toBe('#e66101');
    expect(trendColor('falling_significant')).toBe('#0571b0');
    expect(trendColor('insufficient')).toBe('#ffffff');
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

  it('sizes sites by load with area proportional to load', () => {
    expect(siteRadius(100, 100)).toBe(18);
    expect(siteRadius(25, 100)).toBeCloseTo(3 + 7.5, 9);
    expect(siteRadius(null, 100)).toBe(3);
  });
});
