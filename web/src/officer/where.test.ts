import { describe, expect, it } from 'vitest';
import type { MyGrid } from './api';
import { readMine, saveMine } from './cache';
import { daysUntil, formatDistance, unionBbox, verdictFromApi, verdictLocal } from './where';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';

// A 0.01° square near Hengyang (about 1 km across).
const square = (code: string, x: number, y: number): MyGrid => ({
  code,
  name: `网格${code}`,
  households: 300,
  population: 900,
  boundary: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
  bbox: [x, y, x + 0.01, y + 0.01],
  due: [],
  latestMonth: null,
});
const grids = [square('A', 112.6, 26.9), square('B', 112.7, 26.9)];

describe('am I in my grid', () => {
  it('is inside the grid that contains the point, computed on the phone', () => {
    expect(verdictLocal(grids, 112.705, 26.905)).toEqual({ inside: true, gridName: '网格B', gridCode: 'B', offline: true });
  });
  it('outside, names the nearest own grid and its geodesic distance', () => {
    // 0.01° of longitude east of grid A's edge at latitude 26.905: about 993 m.
    const v = verdictLocal(grids, 112.62, 26.905);
    expect(v.inside).toBe(false);
    if (v.inside) return;
    expect(v.nearest?.code).toBe('A');
    expect(v.nearest!.metres).toBeGreaterThan(980);
    expect(v.nearest!.metres).toBeLessThan(1005);
  });
  it("reads the server's answer: a distance of 0 means inside", () => {
    const answer = { position: { lon: 0, lat: 0, datum: 'wgs84' }, grid: null, insideMyGrid: true, myGrids: [{ code: 'A', name: 'a', metres: 0 }, { code: 'B', name: 'b', metres: 50 }] };
    expect(verdictFromApi(answer)).toMatchObject({ inside: true, gridCode: 'A' });
    answer.myGrids[0].metres = 20;
    expect(verdictFromApi(answer)).toMatchObject({ inside: false, nearest: { code: 'A', metres: 20 } });
  });
});

describe('formatting', () => {
  it('gives distances in metres, then kilometres', () => {
    expect(formatDistance(847, 'en')).toBe('850 m');
    expect(formatDistance(4, 'en')).toBe('4 m');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatDistance(23_456, 'en')).toBe('23 km');
  });
  it('counts days to a due date, negative when overdue', () => {
    expect(daysUntil('2026-11-10', '2026-11-01')).toBe(9);
    expect(daysUntil('2026-10-30', '2026-11-01')).toBe(-2);
  });
  it('frames all grids', () => {
    unionBbox(grids)!.forEach((v, i) => expect(v).toBeCloseTo([112.6, 26.9, 112.71, 26.91][i], 9));
    expect(unionBbox([])).toBeNull();
  });
});

describe('cache', () => {
  it('keeps the last answer per user and survives broken storage', () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    saveMine(storage, 'grid_officer', grids, new Date('2026-11-01T08:00:00Z'));
    expect(readMine(storage, 'grid_officer')).toEqual({ savedAt: '2026-11-01T08:00:00.000Z', grids });
    expect(readMine(storage, 'someone_else')).toBeNull();
    mem.set('gc.officer.mine.x', '{not json');
    expect(readMine(storage, 'x')).toBeNull();
    expect(() => saveMine({ setItem: () => { throw new Error('QuotaExceeded'); } }, 'x', grids)).not.toThrow();
  });
});

describe('messages', () => {
  const keys = (o: unknown, p = ''): string[] =>
    typeof o === 'object' && o ? Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k)) : [p.replace(/_(one|other)$/, '')];
  it('zh-CN and English have the same keys (English plural forms counted once)', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zh))].sort());
  });
});
