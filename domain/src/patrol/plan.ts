/**
 * The inspector's day, as pure rules (no database, no HTTP): how urgent each precursor-chemical firm and key venue
 * is, which of them make the day's patrol, in what order to drive to them, and how long that takes.
 *
 * Scoring (higher = visit sooner), each part a named constant so the order can be explained to a user:
 *   overdue        1 point per day past the next due date, capped at OVERDUE_CAP (never inspected counts as the cap);
 *   firm category  1 → 30, 2 → 20, 3 → 10 (category 1 chemicals are the main raw materials of drugs);
 *   venue risk     high → 30, medium → 20, low → 10 (on the same scale as the firm categories);
 *   licence        expired → 25, expiring within LICENCE_WARN_DAYS → 10 (firms only; venues hold no licence here);
 *   last outcome   violation → 25, issues → 12, ok or none → 0.
 * Routing: nearest neighbour from the start, then 2-opt until no reversal shortens the open path (the day ends at
 * the last stop, so there is no edge back to the start). Distances are great-circle; road km ≈ ROAD_FACTOR × that.
 */
import { nextDueDate } from '../inspection/schedule.js';

export type TargetKind = 'firm' | 'venue';
export type Outcome = 'ok' | 'issues' | 'violation';
export type Risk = 'low' | 'medium' | 'high';
export type LonLat = [number, number];

export interface PatrolTarget {
  kind: TargetKind;
  id: number;
  name: string;
  lon: number;
  lat: number;
  everyDays: number;
  lastInspectedOn: string | null;
  lastOutcome: Outcome | null;
  /** Firms: precursor category 1–3. */
  category?: 1 | 2 | 3 | null;
  /** Firms: licence expiry date. */
  licenceExpiry?: string | null;
  /** Venues: risk grade. */
  risk?: Risk | null;
}

export interface ScoredTarget<T extends PatrolTarget = PatrolTarget> {
  target: T;
  nextDue: string;
  /** Days past due on the as-of date; negative while not yet due. */
  overdueDays: number;
  overdue: boolean;
  licenceState: 'expired' | 'expiring' | 'valid' | 'none';
  score: number;
}

export const OVERDUE_CAP = 90;
export const CATEGORY_POINTS: Record<1 | 2 | 3, number> = { 1: 30, 2: 20, 3: 10 };
export const RISK_POINTS: Record<Risk, number> = { high: 30, medium: 20, low: 10 };
export const LICENCE_EXPIRED_POINTS = 25;
export const LICENCE_EXPIRING_POINTS = 10;
export const LICENCE_WARN_DAYS = 30;
export const OUTCOME_POINTS: Record<Outcome, number> = { violation: 25, issues: 12, ok: 0 };

/** Road km per great-circle km: county roads wind; 1.3 is the usual detour index for rural China road networks. */
export const ROAD_FACTOR = 1.3;
/** Average driving speed on county and township roads, km/h. */
export const AVERAGE_SPEED_KMH = 40;
/** Time spent at one stop (checking ledgers, storage, signing the record), minutes. */
export const MINUTES_PER_STOP = 30;
/** When the patrol leaves, local time (UTC+8), minutes after midnight: 08:30. */
export const DAY_START_MINUTES = 8 * 60 + 30;
/** A target joins a day's candidates when due within this many days after the day (or already overdue). */
export const PICK_AHEAD_DAYS = 7;

const DAY_MS = 86_400_000;
const EARTH_RADIUS_KM = 6371.0088;

const dayNumber = (iso: string) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The schedule rule belongs to inspection/; re-exported because patrol scoring is built on it. */
export { nextDueDate };

export function scoreTarget<T extends PatrolTarget>(t: T, asOf: string): ScoredTarget<T> {
  const nextDue = nextDueDate(t.lastInspectedOn, t.everyDays);
  const overdueDays = dayNumber(asOf) - dayNumber(nextDue);
  let score = t.lastInspectedOn ? Math.min(Math.max(overdueDays, 0), OVERDUE_CAP) : OVERDUE_CAP;
  let licenceState: ScoredTarget['licenceState'] = 'none';
  if (t.kind === 'firm') {
    if (t.category) score += CATEGORY_POINTS[t.category];
    if (t.licenceExpiry) {
      const left = dayNumber(t.licenceExpiry) - dayNumber(asOf);
      licenceState = left < 0 ? 'expired' : left <= LICENCE_WARN_DAYS ? 'expiring' : 'valid';
      if (licenceState === 'expired') score += LICENCE_EXPIRED_POINTS;
      if (licenceState === 'expiring') score += LICENCE_EXPIRING_POINTS;
    }
  } else if (t.risk) {
    score += RISK_POINTS[t.risk];
  }
  if (t.lastOutcome) score += OUTCOME_POINTS[t.lastOutcome];
  return { target: t, nextDue, overdueDays, overdue: overdueDays > 0, licenceState, score };
}

/** Most urgent first; ties by next due date, then kind and id, so the order is stable. */
export function byUrgency(a: ScoredTarget, b: ScoredTarget): number {
  return b.score - a.score || a.nextDue.localeCompare(b.nextDue) || a.target.kind.localeCompare(b.target.kind) || a.target.id - b.target.id;
}

export function scoreAll<T extends PatrolTarget>(targets: T[], asOf: string): ScoredTarget<T>[] {
  return targets.map((t) => scoreTarget(t, asOf)).sort(byUrgency);
}

/**
 * The day's stops: targets due by the day + PICK_AHEAD_DAYS, or carrying a risk that cannot wait (expired licence,
 * last visit a violation), the most urgent first, at most maxStops.
 */
export function pickStops<T extends PatrolTarget>(targets: T[], date: string, maxStops: number): ScoredTarget<T>[] {
  return scoreAll(targets, date)
    .filter((s) => isDueOrRisky(s, PICK_AHEAD_DAYS))
    .slice(0, Math.max(0, maxStops));
}

/** Due within `withinDays` of the as-of date (or overdue), or risky regardless of the date. */
export function isDueOrRisky(s: ScoredTarget, withinDays: number): boolean {
  return s.overdueDays >= -withinDays || s.licenceState === 'expired' || s.target.lastOutcome === 'violation';
}

/** Great-circle distance in km (haversine on the mean Earth radius). */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the open path start → points[order[0]] → … (no return leg). */
export function pathKm(start: LonLat, points: LonLat[], order: number[]): number {
  let km = 0;
  let at = start;
  for (const i of order) {
    km += greatCircleKm(at, points[i]!);
    at = points[i]!;
  }
  return km;
}

/** Visiting order by always driving to the nearest stop not yet visited. */
export function nearestNeighbour(start: LonLat, points: LonLat[]): number[] {
  const left = new Set(points.map((_, i) => i));
  const order: number[] = [];
  let at = start;
  while (left.size) {
    let best = -1;
    let bestKm = Infinity;
    for (const i of left) {
      const d = greatCircleKm(at, points[i]!);
      if (d < bestKm) [best, bestKm] = [i, d];
    }
    order.push(best);
    left.delete(best);
    at = points[best]!;
  }
  return order;
}

/**
 * 2-opt on an open path with a fixed start: reverse order[i..j] whenever that shortens the path, until no
 * reversal does. Reversing the tail (j = last) is allowed, since the path's end is free. Never lengthens.
 */
export function twoOpt(start: LonLat, points: LonLat[], order: number[]): number[] {
  const route = [...order];
  const at = (k: number): LonLat => (k < 0 ? start : points[route[k]!]!);
  const n = route.length;
  const EPS = 1e-9;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        // Edges (i-1, i) and (j, j+1) become (i-1, j) and (i, j+1); the last stop has no edge after it.
        const before = greatCircleKm(at(i - 1), at(i)) + (j + 1 < n ? greatCircleKm(at(j), at(j + 1)) : 0);
        const after = greatCircleKm(at(i - 1), at(j)) + (j + 1 < n ? greatCircleKm(at(i), at(j + 1)) : 0);
        if (after < before - EPS) {
          route.splice(i, j - i + 1, ...route.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return route;
}

export interface RouteLeg {
  /** Index into the stops passed to planRoute. */
  index: number;
  /** Road km from the previous stop (or the start). */
  legKm: number;
  cumulativeKm: number;
  /** Minutes after DAY_START_MINUTES when the patrol arrives. */
  arriveAfterMinutes: number;
}

export interface Route {
  legs: RouteLeg[];
  totalKm: number;
  /** Driving plus time at the stops, minutes. */
  totalMinutes: number;
  driveMinutes: number;
}

const driveMinutes = (roadKm: number) => (roadKm / AVERAGE_SPEED_KMH) * 60;

/** Order the stops (nearest neighbour, then 2-opt) and estimate road km and arrival times. */
export function planRoute(start: LonLat, stops: LonLat[]): Route {
  const order = twoOpt(start, stops, nearestNeighbour(start, stops));
  const legs: RouteLeg[] = [];
  let cumulativeKm = 0;
  let minutes = 0;
  let at = start;
  for (const index of order) {
    const legKm = greatCircleKm(at, stops[index]!) * ROAD_FACTOR;
    cumulativeKm += legKm;
    minutes += driveMinutes(legKm);
    legs.push({ index, legKm, cumulativeKm, arriveAfterMinutes: minutes });
    minutes += MINUTES_PER_STOP;
    at = stops[index]!;
  }
  return { legs, totalKm: cumulativeKm, totalMinutes: minutes, driveMinutes: driveMinutes(cumulativeKm) };
}

/** Local clock time (UTC+8) of an arrival, as an ISO 8601 timestamp with offset on the given date. */
export function etaIso(date: string, afterMinutes: number): string {
  return localIso(date, DAY_START_MINUTES + afterMinutes);
}

/** Minutes after local midnight (UTC+8) on a date, as an ISO 8601 timestamp with offset (may roll to the next day). */
export function localIso(date: string, minutesAfterMidnight: number): string {
  const m = Math.round(minutesAfterMidnight);
  const day = isoOfDay(dayNumber(date) + Math.floor(m / 1440));
  const hh = String(Math.floor((m % 1440) / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00+08:00`;
}
