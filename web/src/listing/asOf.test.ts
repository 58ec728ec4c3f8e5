import { describe, expect, it } from 'vitest';
import { dateAt, dayIndex, withAsOf } from './asOf';
import { outlinePath } from './outline';

describe('as-of tile URLs', () => {
  it('adds, replaces and removes as_of without touching the tile template', () => {
    const t = 'http://h/api/tiles/townships/{z}/{x}/{y}.mvt';
    expect(withAsOf(t, '2025-06-01')).toBe(`${t}?as_of=2025-06-01`);
    expect(withAsOf(`${t}?as_of=2025-06-01`, '2026-01-01')).toBe(`${t}?as_of=2026-01-01`);
    expect(withAsOf(`${t}?x=1&as_of=2025-06-01`, null)).toBe(`${t}?x=1`);
    expect(withAsOf(`${t}?as_of=2025-06-01`, null)).toBe(t);
  });
  it('counts days between dates both ways', () => {
    expect(dayIndex('2024-11-01', '2026-11-01')).toBe(730);
    expect(dateAt('2024-11-01', 730)).toBe('2026-11-01');
  });
});

describe('report outline', () => {
  it('fits a square area into the box, north up', () => {
    const o = outlinePath({ type: 'Polygon', coordinates: [[[112, 27], [112.1, 27], [112.1, 27.1], [112, 27.1], [112, 27]]] }, 100, 0)!;
    expect(o.height).toBe(100);
    expect(o.width).toBe(Math.round(100 * Math.cos((27.05 * Math.PI) / 180)));
    expect(o.path.startsWith('M0.0 100.0')).toBe(true);
  });
  it('returns null for an empty geometry', () => {
    expect(outlinePath({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
