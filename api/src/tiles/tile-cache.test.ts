import { describe, expect, it, vi } from 'vitest';
import { TileCache } from './tile-cache.js';

const tile = (n: number) => ({ bytes: new Uint8Array(n), etag: `"${n}"`, at: Date.now() });

describe('TileCache', () => {
  it('evicts the least recently used tiles beyond its byte budget', () => {
    const cache = new TileCache(250, 60_000);
    cache.set('a', tile(100));
    cache.set('b', tile(100));
    cache.get('a'); // a is now newer than b
    cache.set('c', tile(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('forgets tiles after its TTL and on invalidate', () => {
    vi.useFakeTimers();
    try {
      const cache = new TileCache(1000, 1000);
      cache.set('a', tile(1));
      vi.advanceTimersByTime(1001);
      expect(cache.get('a')).toBeUndefined();
      cache.set('b', { ...tile(1), at: Date.now() });
      cache.invalidate();
      expect(cache.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
