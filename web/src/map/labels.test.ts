import { describe, expect, it } from 'vitest';
import { labelFeatures, labelTiersFor } from './labels';
import type { CatalogueLayer } from '../api/types';

const cat = ['counties', 'townships', 'villages'].map((id) => ({ id }) as CatalogueLayer);

describe('labelTiersFor', () => {
  const all = new Set(['counties', 'townships', 'villages']);
  it('labels counties zoomed out, adds townships in the middle and villages close up', () => {
    expect(labelTiersFor(8, all, cat)).toEqual(['counties']);
    expect(labelTiersFor(10, all, cat)).toEqual(['counties', 'townships']);
    expect(labelTiersFor(14, all, cat)).toEqual(['townships', 'villages']);
  });
  it('labels only the tiers that are switched on', () => {
    expect(labelTiersFor(14, new Set(['counties', 'townships']), cat)).toEqual(['townships']);
    expect(labelTiersFor(14, new Set(), cat)).toEqual([]);
  });
});

describe('labelFeatures', () => {
  it('ranks a county before any township and keeps the API order within a tier', () => {
    const p = (code: string) => ({ code, name: code, lon: 112, lat: 27 });
    const fc = labelFeatures({ townships: [p('t1'), p('t2')], counties: [p('c1')] });
    const rank = Object.fromEntries(fc.features.map((f) => [f.properties.code, f.properties.rank]));
    expect(rank.c1).toBeLessThan(rank.t1);
    expect(rank.t1).toBeLessThan(rank.t2);
  });
});
