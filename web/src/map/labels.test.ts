import { describe, expect, it } from 'vitest';
import { labelLayerFor } from './labels';
import type { CatalogueLayer } from '../api/types';

const cat = ['counties', 'townships', 'villages'].map((id) => ({ id }) as CatalogueLayer);

describe('labelLayerFor', () => {
  const all = new Set(['counties', 'townships', 'villages']);
  it('labels counties zoomed out, townships in the middle, villages close up', () => {
    expect(labelLayerFor(8, all, cat)).toBe('counties');
    expect(labelLayerFor(10, all, cat)).toBe('townships');
    expect(labelLayerFor(14, all, cat)).toBe('villages');
  });
  it('falls back to a coarser visible tier', () => {
    expect(labelLayerFor(14, new Set(['counties', 'townships']), cat)).toBe('townships');
    expect(labelLayerFor(14, new Set(), cat)).toBeNull();
  });
});
