import { describe, expect, it } from 'vitest';
import { siteRadius } from './siteRadius';

describe('site circles', () => {
  it('sizes sites by load with area proportional to load', () => {
    expect(siteRadius(100, 100)).toBe(18);
    expect(siteRadius(25, 100)).toBeCloseTo(3 + 7.5, 9);
    expect(siteRadius(null, 100)).toBe(3);
  });
});
