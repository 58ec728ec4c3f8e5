import { describe, expect, it } from 'vitest';
import { withFallback } from './theme';

describe('dark theme', () => {
  it('replaces only the fallback (not listed) colour of a match expression, keeping the grade colours', () => {
    const expr = ['match', ['get', 'listing_class'], 'key_rectification', '#D55E00', 'key_attention', '#F0E442', '#FFFFFF'];
    expect(withFallback(expr, '#1c242d')).toEqual(['match', ['get', 'listing_class'], 'key_rectification', '#D55E00', 'key_attention', '#F0E442', '#1c242d']);
    expect(withFallback('#FFFFFF', '#000')).toBe('#000');
    expect(withFallback('#D55E00', '#000')).toBe('#D55E00');
  });
});
