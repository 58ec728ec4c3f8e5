import { describe, expect, it } from 'vitest';
import { CachedSource, type BasemapSource } from './sources.js';

/** A source that counts its reads and fails when told to. */
function counting(fail = new Set<string>()) {
  const reads: string[] = [];
  const source: BasemapSource = {
    description: 'test',
    async close() {},
    async getTile(z, x, y) {
      const key = `${z}/${x}/${y}`;
      reads.push(key);
      await new Promise((r) => setTimeout(r, 5));
      if (fail.has(key)) throw new Error(`upstream failed for ${key}`);
      return y === 0 ? null : new Uint8Array(1000).fill(x);
    },
  };
  return { source, reads };
}

describe('basemap tile cache', () => {
  it('reads a tile once for simultaneous and later askers, and keeps "no tile" too', async () => {
    const { source, reads } = counting();
    const cache = new CachedSource(source);
    const [a, b] = await Promise.all([cache.getTile(3, 1, 2), cache.getTile(3, 1, 2)]);
    expect(a).toEqual(b);
    expect(await cache.getTile(3, 1, 2)).toEqual(a);
    expect(await cache.getTile(3, 1, 0)).toBeNull();
    expect(await cache.getTile(3, 1, 0)).toBeNull();
    expect(reads).toEqual(['3/1/2', '3/1/0']);
  });

  it('does not keep a failed read, and forgets the least recently used beyond its bounds', async () => {
    const fail = new Set(['3/2/2']);
    const { source, reads } = counting(fail);
    const cache = new CachedSource(source, { maxEntries: 100, maxBytes: 2500 });
    await expect(cache.getTile(3, 2, 2)).rejects.toThrow(/upstream failed/);
    fail.clear();
    expect((await cache.getTile(3, 2, 2))![0]).toBe(2);
    // Two tiles of ~1 KB fit in 2.5 KB: a third pushes out the oldest, which is read again.
    await cache.getTile(3, 3, 2);
    await cache.getTile(3, 4, 2);
    await cache.getTile(3, 2, 2);
    expect(reads).toEqual(['3/2/2', '3/2/2', '3/3/2', '3/4/2', '3/2/2']);
  });
});
