import { describe, expect, it } from 'vitest';
import { projectRoute } from './routeSvg';

describe('projectRoute', () => {
  it('fits the route inside the box with north up and east right', () => {
    const pts = projectRoute([[112.5, 26.8], [112.7, 26.8], [112.7, 27.0]], 300, 200, 10);
    for (const p of pts) {
      expect(p.x).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(290 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(190 + 1e-9);
    }
    expect(pts[1]!.x).toBeGreaterThan(pts[0]!.x); // east is right
    expect(pts[2]!.y).toBeLessThan(pts[1]!.y); // north is up
  });

  it('keeps one point (or a route along one line) inside the box', () => {
    const [p] = projectRoute([[112.5, 26.8]], 100, 100);
    expect(p).toEqual({ x: 50, y: 50 });
    const line = projectRoute([[112.5, 26.8], [112.6, 26.8]], 100, 100);
    expect(line.every((q) => Number.isFinite(q.x) && Number.isFinite(q.y) && q.y === 50)).toBe(true);
  });
});
