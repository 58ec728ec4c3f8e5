import { describe, expect, it } from 'vitest';
import { completeWeeks, incrementalPlan, shiftWeeks, spliceWeeks, stepOf, touchedSummary, windowOf } from './window.js';

describe('trend window', () => {
  it('spans whole weeks ending with the week of "as of"', () => {
    // 2026-11-01 is a Sunday: its week starts Monday 2026-10-26.
    expect(windowOf('2026-11-01', 26)).toEqual({ asOf: '2026-11-01', weeks: 26, from: '2026-05-04', to: '2026-10-26' });
    const w = windowOf('2026-11-01', 26);
    expect(stepOf(w, '2026-05-04')).toBe(0);
    expect(stepOf(w, '2026-10-26')).toBe(25);
    expect(stepOf(w, '2026-04-27')).toBe(-1);
  });

  it('shifts stored week arrays onto a later window, dropping the weeks that left it', () => {
    const w = windowOf('2026-11-08', 4); // weeks 10-12, 10-19, 10-26, 11-02
    const a = shiftWeeks(w, '2026-10-05', { lo: [1, 2, 0, 4], hi: [1, 2.5, 0, 4], n: [1, 1, 0, 2] }); // stored weeks 10-05 … 10-26
    expect(a).toEqual({ lo: [2, 0, 4, 0], hi: [2.5, 0, 4, 0], n: [1, 0, 2, 0] }); // 10-05 dropped; 11-02 not yet known
  });

  it('counts only the weeks that are over for enforcement: the week of "as of" only from its Sunday', () => {
    expect(completeWeeks(windowOf('2026-11-01', 26))).toBe(26); // a Sunday
    expect(completeWeeks(windowOf('2026-10-28', 26))).toBe(25);
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

  it('replaces the recomputed weeks only, emptying weeks no sample is left in', () => {
    const stored = { lo: [9, 9, 9, 9], hi: [9, 9, 9, 9], n: [1, 1, 1, 1] };
    spliceWeeks(stored, { lo: [0, 3, 0, 0], hi: [0, 4, 0, 0], n: [0, 2, 0, 0] }, 1, 2);
    expect(stored).toEqual({ lo: [9, 3, 0, 9], hi: [9, 4, 0, 9], n: [1, 2, 0, 1] });
    spliceWeeks(stored, undefined, 0, 0);
    expect(stored.n).toEqual([0, 2, 0, 1]);
  });
});
