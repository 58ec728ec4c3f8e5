import { describe, expect, it } from 'vitest';
import { flagsAt, replayArea } from 'domain/listing';
import { planListingHistory, type AreaPick } from './listings.js';
import { streamRng } from './rng.js';

// A small synthetic region: city 4380, 4 counties × 6 townships × 3 villages.
const areas: AreaPick[] = [];
for (let c = 1; c <= 4; c++) {
  const county = `4380${String(c).padStart(2, '0')}000000`;
  areas.push({ code: county, level: 'county', parentCode: '438000000000' });
  for (let t = 1; t <= 6; t++) {
    const town = `${county.slice(0, 6)}${String(100 + t)}000`;
    areas.push({ code: town, level: 'township', parentCode: county });
    for (let v = 1; v <= 3; v++) areas.push({ code: `${town.slice(0, 9)}${String(200 + v)}`, level: 'village', parentCode: town });
  }
}
const AS_OF = '2026-11-01';
const plan = planListingHistory(areas, AS_OF, streamRng(4304, 'listings'));

describe('demo listing history', () => {
  it('is deterministic', () => {
    expect(planListingHistory(areas, AS_OF, streamRng(4304, 'listings'))).toEqual(plan);
  });
  it('every act of every story is accepted by the rules (acts are relative to the listing date)', () => {
    expect(plan.refused).toEqual([]);
    expect(plan.listings.length).toBeGreaterThan(16);
  });
  it('replays clean through the rules engine', () => {
    const level = new Map(areas.map((a) => [a.code, a.level]));
    const byArea = new Map<string, Parameters<typeof replayArea>[0][number][]>();
    for (const p of plan.listings) {
      const stored = { id: p.key, areaCode: p.record.areaCode, areaLevel: level.get(p.record.areaCode)!, body: p.record.body,
        categories: p.record.categories, grade: p.record.grade, status: p.record.status, listedOn: p.record.listedOn,
        termEndsOn: p.record.termEndsOn, extended: p.record.extended, delistedOn: p.record.delistedOn, relistedFrom: p.relistedFrom };
      byArea.set(p.record.areaCode, [...(byArea.get(p.record.areaCode) ?? []), { stored, events: p.events, assessments: p.assessments }]);
    }
    expect([...byArea.values()].flatMap((ls) => replayArea(ls, AS_OF))).toEqual([]);
  });
  it('shows every state and every kind of due work at asOf', () => {
    const statuses = new Set(plan.listings.map((l) => l.record.status));
    expect([...statuses].sort()).toEqual(['delisted', 'downgraded', 'extended', 'listed']);
    expect(plan.listings.some((l) => l.relistedFrom !== null)).toBe(true);
    const flags = plan.listings.map((l) => flagsAt(l.record, l.assessments, AS_OF));
    expect(flags.some((f) => f.assessmentOverdue)).toBe(true);
    expect(flags.some((f) => f.continuing)).toBe(true);
    expect(plan.listings.some((l) => l.record.status !== 'delisted' && l.record.termEndsOn >= AS_OF && l.record.termEndsOn <= '2026-12-01')).toBe(true);
    expect(plan.listings.some((l) => l.record.delistedOn && l.record.delistedOn > '2026-08-01')).toBe(true);
    expect(new Set(plan.listings.map((l) => l.record.body))).toEqual(new Set(['county', 'city', 'province']));
    expect(new Set(plan.listings.map((l) => l.record.grade)).size).toBe(3);
  });
});
