import { describe, expect, it } from 'vitest';
import type { Window } from './hours';
import { planTimedRoute, simulate, type TimedStop, type WorkingDay } from './schedule';
import type { LonLat } from './plan';

// About 1.2 km per 0.01° of longitude at 27°N: drives of a few minutes between neighbouring stops.
const START: LonLat = [112.5, 27.0];
const at = (dx: number, dy = 0): LonLat => [112.5 + dx, 27.0 + dy];
const ALL_DAY: Window[] = [[0, 1440]];
const day: WorkingDay = { start: START, startMinutes: 8 * 60 + 30, endMinutes: 17 * 60 + 30 };
const stop = (point: LonLat, windows: Window[] = ALL_DAY, serviceMinutes = 30): TimedStop => ({ point, windows, serviceMinutes });
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

function assertFeasible(stops: TimedStop[], route: ReturnType<typeof planTimedRoute>) {
  for (const v of route.visits) {
    const s = stops[v.index]!;
    expect(s.windows.some(([a, b]) => v.beginAt >= a && v.beginAt + s.serviceMinutes <= b + 1e-6)).toBe(true);
    expect(v.beginAt).toBeGreaterThanOrEqual(v.arriveAt);
    expect(v.endAt).toBeLessThanOrEqual(day.endMinutes + 1e-6);
  }
}

describe('a day with opening hours', () => {
  it('visits a stop open only in the afternoon in the afternoon, the others in the morning', () => {
    const stops = [stop(at(0.01)), stop(at(0.02), [[14 * 60, 18 * 60]]), stop(at(0.03)), stop(at(0.04))];
    const r = planTimedRoute(day, stops, all(4), 8);
    expect(r.unplaced).toEqual([]);
    expect(r.visits).toHaveLength(4);
    const afternoon = r.visits.find((v) => v.index === 1)!;
    expect(afternoon.beginAt).toBeGreaterThanOrEqual(14 * 60);
    // Visiting it first (nearest-first order) would be infeasible until 14:00; the plan does the others first.
    expect(r.visits[r.visits.length - 1]!.index).toBe(1);
    assertFeasible(stops, r);
  });

  it('waits for a window when nothing else can be done first, and counts the wait', () => {
    const stops = [stop(at(0.01), [[10 * 60, 12 * 60]])];
    const r = planTimedRoute(day, stops, [0], 8);
    expect(r.visits[0]!.beginAt).toBe(600);
    expect(r.waitMinutes).toBeGreaterThan(60);
  });

  it('says why stops could not fit: closed all day, open only outside working hours, window missed, day full', () => {
    const stops = [
      stop(at(0.01), []), //                                  closed on this date
      stop(at(0.02), [[20 * 60, 1440]]), //                   a KTV: evenings only
      stop(at(0.5), [[8 * 60 + 30, 9 * 60 + 10]]), //         opens 08:30–09:10, but ~75 km away
      ...Array.from({ length: 30 }, (_, i) => stop(at(0.01 * (i + 3), 0.02))), // more than a day's work
    ];
    const r = planTimedRoute(day, stops, all(stops.length), 40);
    const reasons = Object.fromEntries(r.unplaced.map((u) => [u.index, u.reason]));
    expect(reasons[0]).toBe('closed_all_day');
    expect(reasons[1]).toBe('outside_working_hours');
    expect(reasons[2]).toBe('window_missed');
    expect(Object.values(reasons).filter((x) => x === 'beyond_working_hours').length).toBeGreaterThan(5);
    expect(r.finishAt).toBeLessThanOrEqual(day.endMinutes);
    assertFeasible(stops, r);
  });

  it('misses a window because of the other stops: two stops open only 09:00–09:40 cannot both be done', () => {
    const stops = [stop(at(0.01), [[540, 580]]), stop(at(-0.2), [[540, 580]])];
    const r = planTimedRoute(day, stops, [0, 1], 8);
    expect(r.visits.map((v) => v.index)).toEqual([0]);
    expect(r.unplaced).toEqual([{ index: 1, reason: 'window_missed' }]);
  });

  it('gives the day to the most urgent: the first candidates are placed before later ones', () => {
    const stops = Array.from({ length: 30 }, (_, i) => stop(at(0.02 * (i % 6), 0.02 * Math.floor(i / 6))));
    const r = planTimedRoute(day, stops, all(30), 30);
    const placed = new Set(r.visits.map((v) => v.index));
    // Whatever fits, the first candidates are in.
    expect([0, 1, 2, 3, 4].every((i) => placed.has(i))).toBe(true);
    assertFeasible(stops, r);
  });

  it('stops at maxStops and reports nothing it did not try', () => {
    const stops = Array.from({ length: 10 }, (_, i) => stop(at(0.01 * (i + 1))));
    const r = planTimedRoute(day, stops, all(10), 3);
    expect(r.visits).toHaveLength(3);
    expect(r.unplaced).toEqual([]);
  });

  it('never returns a route that simulate() rejects, and 2-opt does not end the day later than insertion order', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 20; k++) {
      const stops = Array.from({ length: 12 }, () => {
        const a = Math.round(480 + rnd() * 480);
        return stop(at(rnd() * 0.3 - 0.15, rnd() * 0.3 - 0.15), rnd() < 0.5 ? ALL_DAY : [[a, a + 90 + Math.round(rnd() * 180)]]);
      });
      const r = planTimedRoute(day, stops, all(12), 12);
      expect(simulate(day, stops, r.visits.map((v) => v.index))).not.toBeNull();
      assertFeasible(stops, r);
      expect(r.visits.length + r.unplaced.length).toBe(12);
    }
  });
});
