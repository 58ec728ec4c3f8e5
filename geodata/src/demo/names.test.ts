import { describe, expect, it } from 'vitest';
import { gridName, uniqueStem } from './names.js';
import { streamRng } from './rng.js';

describe('place names', () => {
  it('never repeats a stem within one parent', () => {
    const r = streamRng(7, 'names');
    const taken = new Set<string>();
    const stems = Array.from({ length: 300 }, () => uniqueStem(r, taken));
    expect(new Set(stems).size).toBe(300);
    for (const s of stems) expect(s).toMatch(/^[\u4e00-\u9fff]{2}$/);
  });

  it('names grids after their village', () => {
    expect(gridName('石塘村', 3)).toBe('石塘村第3网格');
  });
});
