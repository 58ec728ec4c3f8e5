import { describe, expect, it } from 'vitest';
import { atomPartition, inside, type Polygon, outlineRing, randomPointIn, seedPoints } from './shapes.js';
import { streamRng } from './rng.js';

describe('outer boundary', () => {
  it('is a closed ring spanning the requested box', () => {
    const ring = outlineRing(streamRng(1, 'outline'), [112.4, 26.5, 113.2, 27.3], 160);
    expect(ring).toHaveLength(161);
    expect(ring[0]).toEqual(ring[160]);
    expect(Math.min(...ring.map((p) => p[0]))).toBeCloseTo(112.4, 6);
    expect(Math.max(...ring.map((p) => p[1]))).toBeCloseTo(27.3, 6);
  });
});

describe('seed points', () => {
  const L: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };

  it('lie inside a concave parent, all distinct', () => {
    const pts = seedPoints(streamRng(2, 's'), L, [0.5, 0.5], Array.from({ length: 40 }, (_, i) => ({ core: i < 10 })));
    expect(pts).toHaveLength(40);
    for (const p of pts) expect(inside(p, L)).toBe(true);
    expect(new Set(pts.map((p) => p.join(','))).size).toBe(40);
  });

  it('cluster core children around the centre', () => {
    const pts = seedPoints(streamRng(3, 's'), L, [0.5, 0.5], Array.from({ length: 30 }, (_, i) => ({ core: i < 10 })));
    const d = (p: number[]) => Math.hypot(p[0]! - 0.5, p[1]! - 0.5);
    const core = pts.slice(0, 10).reduce((s, p) => s + d(p), 0) / 10;
    const rest = pts.slice(10).reduce((s, p) => s + d(p), 0) / 20;
    expect(core).toBeLessThan(rest);
  });

  it('finds a random point inside', () => {
    const r = streamRng(4, 'p');
    for (let i = 0; i < 50; i++) expect(inside(randomPointIn(r, L), L)).toBe(true);
  });
});

describe('atom partition', () => {
  const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };

  it('gives every child its own centre and keeps atoms inside the parent, distinct', () => {
    const children = [{ core: true, share: 0.1 }, { core: true, share: 0.1 }, ...Array.from({ length: 8 }, () => ({ core: false, share: 1 }))];
    const { centres, atoms } = atomPartition(streamRng(5, 'a'), square, [0.5, 0.5], children);
    expect(centres).toHaveLength(10);
    centres.forEach((c, i) => expect(atoms.find((a) => a.x === c[0] && a.y === c[1])?.child).toBe(i));
    for (const a of atoms) expect(inside([a.x, a.y], square)).toBe(true);
    expect(new Set(atoms.map((a) => `${a.x},${a.y}`)).size).toBe(atoms.length);
  });

  it('keeps small-share children close to their centre', () => {
    const children = [{ core: true, share: 0.05 }, ...Array.from({ length: 6 }, () => ({ core: false, share: 1 }))];
    const { centres, atoms } = atomPartition(streamRng(6, 'a'), square, [0.5, 0.5], children);
    const spread = (i: number) => Math.max(...atoms.filter((a) => a.child === i).map((a) => Math.hypot(a.x - centres[i]![0], a.y - centres[i]![1])));
    expect(spread(0)).toBeLessThan(Math.min(...[1, 2, 3, 4, 5, 6].map(spread)));
  });
});
