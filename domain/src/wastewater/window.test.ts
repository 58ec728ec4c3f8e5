import { describe, expect, it } from 'vitest';
import { emptySeries, type AreaSeries, type AreaSeriesMap, type SignalKey } from './areal.js';
import { incrementalPlan, shiftSeries, spliceWeeks, stepOf, touchedSummary, windowOf } from './window.js';

describe('trend window', () => {
  it('spans whole weeks ending with the week of "as of"', () => {
    // 2026-11-01 is a Sunday: its week starts Monday 2026-10-26.
    expect(windowOf('2026-11-01', 26)).toEqual({ asOf: '2026-11-01', weeks: 26, from: '2026-05-04', to: '2026-10-26' });
    const w = windowOf('2026-11-01', 26);
    expect(stepOf(w, '2026-05-04')).toBe(0);
    expect(stepOf(w, '2026-10-26')).toBe(25);
    expect(stepOf(w, '2026-04-27')).toBe(-1);
  });

  it('shifts a stored series onto a later window, dropping the weeks that left it', () => {
    const w = windowOf('2026-11-08', 4); // weeks 10-12, 10-19, 10-26, 11-02
    const a = shiftSeries(w, '2026-10-05', [10, 20, 0, 40], [1, 2, 3, 4], [5, 6, 7, 8]); // stored weeks 10-05 … 10-26
    expect(Array.from(a.people)).toEqual([20, 0, 40, 0]); // 10-05 dropped; 10-19 had nobody; 11-02 not yet known
    expect(Array.from(a.peopleNorm)).toEqual([40, 0, 160, 0]);
    expect(Array.from(a.load)).toEqual([6, 0, 8, 0]);
  });

  it('counts a sample on the China-time day and week it was taken', () => {
    // 2026-11-01T17:00Z is Monday 01:00 in China: a new week.
    const s = touchedSummary([
      { siteId: 1, sampledAt: '2026-10-30T02:00:00Z' },
      { siteId: 2, sampledAt: '2026-11-01T17:00:00Z' },
    ]);
    expect(s.latestDay).toBe('2026-11-02');
    expect([...s.weeks].sort()).toEqual(['2026-10-26', '2026-11-02']);
    expect([...s.siteIds].sort()).toEqual([1, 2]);
  });

  it('moves the window only when new samples reach a later week or the length changes', () => {
    const state = { asOf: '2026-11-01', windowWeeks: 26 };
    const sameWeek = incrementalPlan(state, { latestDay: '2026-10-28', weeks: new Set(['2026-10-26', '2026-03-02']) }, 26);
    expect(sameWeek.window.asOf).toBe('2026-11-01'); // an older sample never moves "as of" back
    expect(sameWeek.windowMoved).toBe(false);
    expect(sameWeek.weeksInWindow).toEqual(['2026-10-26']); // March is outside the window
    expect(incrementalPlan(state, { latestDay: '2026-11-03', weeks: new Set(['2026-11-02']) }, 26).windowMoved).toBe(true);
    expect(incrementalPlan(state, { latestDay: '2026-10-28', weeks: new Set() }, 12).windowMoved).toBe(true);
    expect(incrementalPlan(null, { latestDay: '2026-10-28', weeks: new Set() }, 26).windowMoved).toBe(true);
  });

  it('replaces the recomputed weeks of the touched areas only, emptying weeks no plant reports any more', () => {
    const w = windowOf('2026-11-01', 4); // weeks 10-05 … 10-26
    const old = emptySeries(4);
    old.people.set([1, 1, 1, 1]);
    old.load.set([9, 9, 9, 9]);
    const other = emptySeries(4);
    other.people.set([5, 5, 5, 5]);
    const one = (key: SignalKey, a: AreaSeries) => new Map<SignalKey, AreaSeries>([[key, a]]);
    const stored: AreaSeriesMap = new Map([['A', one('methamphetamine', old)], ['B', one('methamphetamine', other)]]);
    const f = emptySeries(4);
    f.people.set([0, 7, 0, 0]);
    f.load.set([0, 3, 0, 0]);
    const fresh: AreaSeriesMap = new Map([['A', one('methamphetamine', f)], ['C', one('ketamine', f)]]);
    spliceWeeks(stored, fresh, ['A', 'C'], w, '2026-10-12', '2026-10-19');
    expect(Array.from(stored.get('A')!.get('methamphetamine')!.people)).toEqual([1, 7, 0, 1]);
    expect(Array.from(stored.get('A')!.get('methamphetamine')!.load)).toEqual([9, 3, 0, 9]);
    expect(Array.from(stored.get('B')!.get('methamphetamine')!.people)).toEqual([5, 5, 5, 5]); // not touched
    expect(Array.from(stored.get('C')!.get('ketamine')!.people)).toEqual([0, 7, 0, 0]); // created
  });
});
