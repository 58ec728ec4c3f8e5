import { describe, expect, it } from 'vitest';
import { jurisdictionOfGrids, within } from './jurisdiction.js';

describe("a grid officer's jurisdiction", () => {
  it('is the village when all grids lie in one', () => {
    expect(jurisdictionOfGrids(['438002101201001', '438002101201002'])).toBe('438002101201');
  });
  it('widens to the township, county or city the grids share', () => {
    expect(jurisdictionOfGrids(['438002101201001', '438002101202001'])).toBe('438002101000');
    expect(jurisdictionOfGrids(['438002101201001', '438002102201001'])).toBe('438002000000');
    expect(jurisdictionOfGrids(['438002101201001', '438003101201001'])).toBe('438000000000');
  });
  it('places areas and grids inside or outside a jurisdiction by code', () => {
    expect(within('438000000000', '438002101201001')).toBe(true);
    expect(within('438002000000', '438003000000')).toBe(false);
  });
});
