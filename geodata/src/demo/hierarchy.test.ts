import { describe, expect, it } from 'vitest';
import { buildHierarchy } from './hierarchy.js';
import { SIZES } from './sizes.js';

const CODE_SHAPE: Record<string, RegExp> = {
  province: /^[0-9]{2}0{10}$/,
  city: /^[0-9]{2}(0[1-9]|[1-9][0-9])0{8}$/,
  county: /^[0-9]{4}(0[1-9]|[1-9][0-9])0{6}$/,
  township: /^[0-9]{6}([0-9]{2}[1-9]|[0-9][1-9][0-9]|[1-9][0-9]{2})000$/,
  village: /^[1-9][0-9]{8}[0-9]{3}$/,
};

describe('region hierarchy', () => {
  const h = buildHierarchy(SIZES.demo!, 4304);

  it('hits the size targets exactly', () => {
    expect([h.cities.length, h.counties.length, h.townships.length, h.villages.length, h.grids.length]).toEqual([1, 6, 60, 600, 6000]);
  });

  it('gives every level well-formed codes that nest in the parent', () => {
    const all = [h.province, ...h.cities, ...h.counties, ...h.townships, ...h.villages];
    for (const a of all) {
      expect(a.code).toMatch(CODE_SHAPE[a.level]!);
      if (a.level === 'village') expect(a.code).not.toMatch(/000$/);
      for (const c of a.children) {
        const prefix = { province: 2, city: 4, county: 6, township: 9, village: 12 }[a.level];
        expect(c.code.slice(0, prefix)).toBe(a.code.slice(0, prefix));
      }
    }
    expect(new Set(all.map((a) => a.code)).size).toBe(all.length);
    expect(new Set(h.grids.map((g) => g.code)).size).toBe(h.grids.length);
    for (const g of h.grids) expect(g.code).toMatch(new RegExp(`^${g.villageCode}\\d{3}$`));
  });

  it('sums populations up the tree and names children uniquely', () => {
    for (const a of [h.province, ...h.cities, ...h.counties, ...h.townships]) {
      expect(a.population).toBe(a.children.reduce((s, c) => s + c.population, 0));
      expect(new Set(a.children.map((c) => c.name)).size).toBe(a.children.length);
    }
    for (const v of h.villages) expect(v.population).toBe(v.grids.reduce((s, g) => s + g.population, 0));
    expect(h.province.population).toBeGreaterThan(2_000_000);
    expect(h.cities[0]!.name).toBe('衡岳市');
  });

  it('is the same for the same seed and differs for another', () => {
    const again = buildHierarchy(SIZES.demo!, 4304);
    expect(again.villages.map((v) => v.name)).toEqual(h.villages.map((v) => v.name));
    expect(buildHierarchy(SIZES.demo!, 4305).villages.map((v) => v.name)).not.toEqual(h.villages.map((v) => v.name));
  });

  it('builds the province size with about 1,900 townships and 24,000 villages', () => {
    const p = buildHierarchy(SIZES.province!, 4304);
    expect(p.townships).toHaveLength(1900);
    expect(p.villages).toHaveLength(24000);
    expect(p.cities.map((c) => c.code.slice(0, 4))).toContain('4393');
  });
});
