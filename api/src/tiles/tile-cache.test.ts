import { describe, expect, it } from 'vitest';
import { bufferedTileBox, ENTRY_OVERHEAD_BYTES, TileCache } from './tile-cache.js';

const tile = (n: number, layer = 'roads', z = 10, x = 0, y = 0) => ({ bytes: n ? new Uint8Array(n) : null, etag: `"${n}"`, layer, z, x, y });

describe('TileCache', () => {
  it('evicts the least recently used tiles beyond its byte budget', () => {
    const cache = new TileCache({ maxBytes: 2 * (100 + ENTRY_OVERHEAD_BYTES + 1) + 50 });
    cache.set('a', tile(100));
    cache.set('b', tile(100));
    cache.get('a'); // a is now newer than b
    cache.set('c', tile(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('counts empty tiles against the byte budget and bounds the number of entries', () => {
    const bytes = new TileCache({ maxBytes: 10 * (ENTRY_OVERHEAD_BYTES + 4) });
    for (let i = 0; i < 100; i++) bytes.set(`e${i}`, tile(0));
    expect(bytes.size).toBe(10);
    const entries = new TileCache({ maxEntries: 5 });
    for (let i = 0; i < 100; i++) entries.set(`k${i}`, tile(10));
    expect(entries.size).toBe(5);
  });

  it('forgets tiles after its TTL', async () => {
    const cache = new TileCache({ ttlMs: 30 });
    cache.set('a', tile(1));
    expect(cache.get('a')).toBeDefined();
    await new Promise((r) => setTimeout(r, 60));
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops only the tiles of the layer that meet a changed box, buffer included', () => {
    const cache = new TileCache();
    // Four neighbouring z12 tiles of one layer, and the same address in another layer.
    for (const x of [3300, 3301, 3302, 3303]) cache.set(`roads/12/${x}/1700`, tile(10, 'roads', 12, x, 1700));
    cache.set('grids/12/3301/1700', tile(10, 'grids', 12, 3301, 1700));
    const t = bufferedTileBox(12, 3301, 1700);
    // A point just inside tile 3301's right edge: within 3302's buffer too, but not 3300's or 3303's.
    const size = t[2] - t[0];
    const px = t[2] - size * 0.02;
    const dropped = cache.invalidate('roads', [[px, t[1] + size / 2, px, t[1] + size / 2]]);
    expect(dropped).toBe(2);
    expect(cache.get('roads/12/3301/1700')).toBeUndefined();
    expect(cache.get('roads/12/3302/1700')).toBeUndefined();
    expect(cache.get('roads/12/3300/1700')).toBeDefined();
    expect(cache.get('roads/12/3303/1700')).toBeDefined();
    expect(cache.get('grids/12/3301/1700')).toBeDefined();
    expect(cache.invalidate('roads', null)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('places tiles where Web Mercator puts them', () => {
    const [w, s, e, n] = bufferedTileBox(0, 0, 0);
    expect(w).toBeLessThan(-20037508);
    expect(n).toBeGreaterThan(20037508);
    expect(e - w).toBeCloseTo(40075016.69 * (1 + 128 / 4096), 0);
    expect(s).toBeCloseTo(-n, 3);
  });
});

describe('TileCache changes counter', () => {
  it('moves on every invalidation and clear, even when nothing was cached there', () => {
    const cache = new TileCache();
    const before = cache.changes;
    cache.invalidate('roads', [[0, 0, 1, 1]]);
    cache.clear();
    expect(cache.changes).toBe(before + 2);
  });
});
