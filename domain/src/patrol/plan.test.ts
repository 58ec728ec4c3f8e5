import { describe, expect, it } from 'vitest';
import {
  etaIso,
  greatCircleKm,
  MINUTES_PER_STOP,
  nearestNeighbour,
  nextDueDate,
  pathKm,
  pickStops,
  planRoute,
  ROAD_FACTOR,
  scoreAll,
  scoreTarget,
  twoOpt,
  type LonLat,
  type PatrolTarget,
} from './plan';

const base = { name: 'x', lon: 112.6, lat: 26.9, everyDays: 90, lastOutcome: null } as const;
const firm = (id: number, p: Partial<PatrolTarget> = {}): PatrolTarget => ({ ...base, kind: 'firm', id, category: 3, lastInspectedOn: '2026-10-01', ...p });
const venue = (id: number, p: Partial<PatrolTarget> = {}): PatrolTarget => ({ ...base, kind: 'venue', id, risk: 'low', everyDays: 60, lastInspectedOn: '2026-10-01', ...p });

function permutations(a: number[]): number[][] {
  if (a.length <= 1) return [a];
  return a.flatMap((x, i) => permutations([...a.slice(0, i), ...a.slice(i + 1)]).map((p) => [x, ...p]));
}

let seed = 42;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const randomPoints = (n: number): LonLat[] => Array.from({ length: n }, () => [112 + rnd() * 1.2, 26.5 + rnd() * 1.0]);

describe('due dates and scores', () => {
  it('next due is the last inspection plus the interval', () => {
    expect(nextDueDate('2026-10-01', 90)).toBe('2026-12-30');
    expect(scoreTarget(firm(1), '2026-12-31')).toMatchObject({ nextDue: '2026-12-30', overdueDays: 1, overdue: true });
    expect(scoreTarget(firm(1), '2026-12-30').overdue).toBe(false);
  });

  it('ranks category 1 over 2 over 3, and high risk over medium over low, all else equal', () => {
    const order = scoreAll([firm(3, { category: 3 }), firm(1, { category: 1 }), firm(2, { category: 2 })], '2026-11-01').map((s) => s.target.id);
    expect(order).toEqual([1, 2, 3]);
    const venues = scoreAll([venue(1, { risk: 'low' }), venue(2, { risk: 'high' }), venue(3, { risk: 'medium' })], '2026-11-01').map((s) => s.target.id);
    expect(venues).toEqual([2, 3, 1]);
  });

  it('adds for days overdue, an expired or expiring licence and a bad last outcome', () => {
    const asOf = '2027-01-09'; // firm(…) with the defaults is 10 days overdue
    const plain = scoreTarget(firm(1), asOf).score;
    expect(scoreTarget(firm(1, { lastInspectedOn: '2026-10-05' }), asOf).score).toBe(plain - 4);
    expect(scoreTarget(firm(1, { licenceExpiry: '2027-01-01' }), asOf)).toMatchObject({ licenceState: 'expired', score: plain + 25 });
    expect(scoreTarget(firm(1, { licenceExpiry: '2027-01-20' }), asOf)).toMatchObject({ licenceState: 'expiring', score: plain + 10 });
    expect(scoreTarget(firm(1, { licenceExpiry: '2028-01-01' }), asOf)).toMatchObject({ licenceState: 'valid', score: plain });
    expect(scoreTarget(firm(1, { lastOutcome: 'violation' }), asOf).score).toBe(plain + 25);
    expect(scoreTarget(firm(1, { lastOutcome: 'issues' }), asOf).score).toBe(plain + 12);
  });

  it('caps the overdue part so a never-inspected target does not drown every risk', () => {
    const never = scoreTarget(firm(1, { lastInspectedOn: null, category: 3 }), '2026-11-01');
    const riskyRecent = scoreTarget(firm(2, { category: 1, lastOutcome: 'violation', licenceExpiry: '2026-01-01', lastInspectedOn: '2026-07-01' }), '2026-11-01');
    expect(never.overdue).toBe(true);
    expect(riskyRecent.score).toBeGreaterThan(never.score);
  });

  it('picks only due, expired-licence or violation targets, most urgent first, at most N', () => {
    const date = '2026-11-01';
    const targets = [
      firm(1, { lastInspectedOn: '2026-10-20' }), // due 2027-01-18: not yet
      firm(2, { lastInspectedOn: '2026-08-01' }), // due 2026-10-30: overdue
      firm(3, { lastInspectedOn: '2026-10-20', lastOutcome: 'violation' }),
      venue(4, { lastInspectedOn: '2026-09-05' }), // due 2026-11-04: within the week ahead
      venue(5, { lastInspectedOn: '2026-07-01', risk: 'high' }),
    ];
    const picked = pickStops(targets, date, 10).map((s) => s.target.id);
    expect(picked).not.toContain(1);
    expect(picked.sort()).toEqual([2, 3, 4, 5]);
    expect(pickStops(targets, date, 2).map((s) => s.target.id)).toEqual([5, 3]);
  });
});

describe('routing', () => {
  it('measures great-circle distance (1° of latitude ≈ 111.2 km)', () => {
    expect(greatCircleKm([112, 26], [112, 27])).toBeCloseTo(111.2, 0);
  });

  it('2-opt never lengthens a route, from nearest-neighbour or from any order', () => {
    for (let t = 0; t < 40; t++) {
      const pts = randomPoints(3 + (t % 10));
      const start: LonLat = [112.6, 26.9];
      const shuffled = pts.map((_, i) => i).sort(() => rnd() - 0.5);
      for (const order of [nearestNeighbour(start, pts), shuffled]) {
        const improved = twoOpt(start, pts, order);
        expect([...improved].sort((a, b) => a - b)).toEqual(pts.map((_, i) => i));
        expect(pathKm(start, pts, improved)).toBeLessThanOrEqual(pathKm(start, pts, order) + 1e-9);
      }
    }
  });

  it('finds the known optimal order of a small instance where nearest-neighbour alone goes wrong', () => {
    const start: LonLat = [112.55, 26.85];
    const pts: LonLat[] = [[112.57, 26.86], [112.58, 26.82], [112.54, 26.87], [112.57, 26.81], [112.57, 26.85]];
    const nn = nearestNeighbour(start, pts);
    expect(nn).toEqual([4, 0, 2, 1, 3]);
    const best = permutations([0, 1, 2, 3, 4]).reduce((b, p) => (pathKm(start, pts, p) < pathKm(start, pts, b) ? p : b));
    expect(best).toEqual([2, 0, 4, 1, 3]);
    expect(pathKm(start, pts, nn)).toBeGreaterThan(pathKm(start, pts, best) * 1.2);
    expect(planRoute(start, pts).legs.map((l) => l.index)).toEqual([2, 0, 4, 1, 3]);
  });

  it('estimates road km with the road factor and time with driving plus minutes per stop', () => {
    const start: LonLat = [112, 26];
    const r = planRoute(start, [[112, 26.5], [112, 27]]);
    expect(r.legs.map((l) => l.index)).toEqual([0, 1]);
    expect(r.totalKm).toBeCloseTo(111.2 * ROAD_FACTOR, 0);
    expect(r.legs[1]!.cumulativeKm).toBeCloseTo(r.totalKm, 9);
    expect(r.totalMinutes).toBeCloseTo(r.driveMinutes + 2 * MINUTES_PER_STOP, 9);
    expect(r.legs[1]!.arriveAfterMinutes).toBeCloseTo(r.driveMinutes + MINUTES_PER_STOP, 9);
    expect(planRoute(start, [])).toMatchObject({ legs: [], totalKm: 0, totalMinutes: 0 });
  });

  it('writes arrival times in China local time', () => {
    expect(etaIso('2026-11-02', 0)).toBe('2026-11-02T08:30:00+08:00');
    expect(etaIso('2026-11-02', 95.4)).toBe('2026-11-02T10:05:00+08:00');
    expect(etaIso('2026-11-02', 16 * 60)).toBe('2026-11-03T00:30:00+08:00');
  });
});
