import { describe, expect, it } from 'vitest';
import { apportion, hashString, poisson, streamRng } from './rng.js';

describe('seeded random streams', () => {
  it('repeats for the same seed and stream, and differs across streams and seeds', () => {
    const a = streamRng(4304, 'grids');
    const b = streamRng(4304, 'grids');
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, streamRng(4304, 'firms'))).not.toEqual(seqA);
    expect(Array.from({ length: 5 }, streamRng(4305, 'grids'))).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('hashes strings to stable unsigned 32-bit values', () => {
    expect(hashString('4304/grids')).toBe(hashString('4304/grids'));
    expect(hashString('a')).not.toBe(hashString('b'));
    expect(hashString('湖南') >>> 0).toBe(hashString('湖南'));
  });

  it('apportions a total exactly, with a floor per part', () => {
    const parts = apportion(600, [1, 2, 3, 0.5, 0.5, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(600);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(1);
    expect(parts[2]).toBeGreaterThan(parts[0]!);
    expect(apportion(3, [5, 1, 1, 1], 1)).toEqual([1, 1, 1, 1]); // floor wins when the total is too small
  });

  it('draws Poisson counts with about the right mean', () => {
    const r = streamRng(1, 'p');
    const n = 4000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += poisson(r, 2.5);
    expect(sum / n).toBeGreaterThan(2.3);
    expect(sum / n).toBeLessThan(2.7);
  });
});
