/**
 * An inspector's day with time windows (a small VRPTW for one vehicle, open path): stops are visited only while
 * they are open, the whole day within the inspector's working hours, the most urgent stops claimed first.
 *
 * Method (Solomon-style cheapest insertion, then 2-opt that keeps every window):
 *   1. candidates in urgency order (overdue and risky first: the due dates decide who gets the day);
 *   2. each is inserted at the position that delays the end of the day least (ties: fewer km), if some position
 *      keeps every stop inside one of its windows and the day inside the working hours; otherwise it is set
 *      aside with the reason;
 *   3. 2-opt over the route, accepting a reversal only when it is feasible and ends the day earlier;
 *   4. the stops set aside are tried once more (2-opt may have freed time), then the reasons are final.
 * A visit needs the place open for its whole duration: it starts at or after a window opens and ends by its close.
 * Waiting for a window to open is allowed and counted in the day.
 */
import type { Window } from './hours.js';
import { AVERAGE_SPEED_KMH, greatCircleKm, ROAD_FACTOR, type LonLat } from './plan.js';

export interface TimedStop {
  point: LonLat;
  /** Opening windows of the day, minutes after midnight, sorted. Empty: closed all day. */
  windows: readonly Window[];
  serviceMinutes: number;
}

export interface WorkingDay {
  start: LonLat;
  /** Minutes after midnight when the inspector sets off and when the working day ends (the last visit ends by then). */
  startMinutes: number;
  endMinutes: number;
}

export type UnplacedReason = 'closed_all_day' | 'outside_working_hours' | 'window_missed' | 'beyond_working_hours';

export interface Visit {
  /** Index into the stops given. */
  index: number;
  legKm: number;
  cumulativeKm: number;
  arriveAt: number;
  /** When the inspection starts (arrival, or the window's opening after a wait). */
  beginAt: number;
  waitMinutes: number;
  endAt: number;
  /** The window the visit falls in. */
  window: Window;
}

export interface TimedRoute {
  visits: Visit[];
  unplaced: { index: number; reason: UnplacedReason }[];
  totalKm: number;
  /** Minutes after midnight when the last visit ends (the start time when there is none). */
  finishAt: number;
  driveMinutes: number;
  waitMinutes: number;
}

const EPS = 1e-6;
export const driveMinutesFor = (roadKm: number) => (roadKm / AVERAGE_SPEED_KMH) * 60;
const roadKm = (a: LonLat, b: LonLat) => greatCircleKm(a, b) * ROAD_FACTOR;

/** The first window in which a visit arriving at `arrive` fits whole, with its start time; null if none. */
export function fitWindow(windows: readonly Window[], arrive: number, service: number): { window: Window; beginAt: number } | null {
  for (const w of windows) {
    const beginAt = Math.max(arrive, w[0]);
    if (beginAt + service <= w[1] + EPS) return { window: w, beginAt };
  }
  return null;
}

/** Times along a given order; null when a window is missed or the day overruns the working hours. */
export function simulate(day: WorkingDay, stops: readonly TimedStop[], order: readonly number[]): Visit[] | null {
  const visits: Visit[] = [];
  let t = day.startMinutes;
  let at = day.start;
  let km = 0;
  for (const index of order) {
    const s = stops[index]!;
    const legKm = roadKm(at, s.point);
    const arriveAt = t + driveMinutesFor(legKm);
    const fit = fitWindow(s.windows, arriveAt, s.serviceMinutes);
    if (!fit) return null;
    const endAt = fit.beginAt + s.serviceMinutes;
    if (endAt > day.endMinutes + EPS) return null;
    km += legKm;
    visits.push({ index, legKm, cumulativeKm: km, arriveAt, beginAt: fit.beginAt, waitMinutes: fit.beginAt - arriveAt, endAt, window: fit.window });
    t = endAt;
    at = s.point;
  }
  return visits;
}

const finishOf = (day: WorkingDay, v: Visit[]) => (v.length ? v[v.length - 1]!.endAt : day.startMinutes);
const kmOf = (v: Visit[]) => (v.length ? v[v.length - 1]!.cumulativeKm : 0);
const better = (day: WorkingDay, a: Visit[], b: Visit[] | null) =>
  !b || finishOf(day, a) < finishOf(day, b) - EPS || (Math.abs(finishOf(day, a) - finishOf(day, b)) <= EPS && kmOf(a) < kmOf(b) - EPS);

/** The cheapest feasible insertion of `index` into `order`, or null. */
function bestInsertion(day: WorkingDay, stops: readonly TimedStop[], order: number[], index: number): number[] | null {
  let best: { order: number[]; visits: Visit[] } | null = null;
  for (let pos = 0; pos <= order.length; pos++) {
    const candidate = [...order.slice(0, pos), index, ...order.slice(pos)];
    const visits = simulate(day, stops, candidate);
    if (visits && better(day, visits, best?.visits ?? null)) best = { order: candidate, visits };
  }
  return best?.order ?? null;
}

/** 2-opt on the open path that only accepts feasible reversals ending the day earlier (or as early, shorter). */
export function twoOptTimed(day: WorkingDay, stops: readonly TimedStop[], order: number[]): number[] {
  let route = [...order];
  let current = simulate(day, stops, route);
  if (!current) return route;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < route.length - 1; i++) {
      for (let j = i + 1; j < route.length; j++) {
        const candidate = [...route.slice(0, i), ...route.slice(i, j + 1).reverse(), ...route.slice(j + 1)];
        const visits = simulate(day, stops, candidate);
        if (visits && better(day, visits, current)) {
          [route, current, improved] = [candidate, visits, true];
        }
      }
    }
  }
  return route;
}

/** Why a stop could not join the route (see UnplacedReason). */
export function unplacedReason(day: WorkingDay, stops: readonly TimedStop[], order: number[], index: number): UnplacedReason {
  const s = stops[index]!;
  if (!s.windows.length) return 'closed_all_day';
  // Open long enough for a visit within the working hours at all?
  const usable = s.windows.some(([a, b]) => Math.min(b, day.endMinutes) - Math.max(a, day.startMinutes) >= s.serviceMinutes - EPS);
  if (!usable) return 'outside_working_hours';
  // Alone from the start it may still be out of reach (too far to arrive while open, or to finish by the end).
  const alone = simulate(day, stops, [index]);
  if (!alone) return fitWindow(s.windows, day.startMinutes + driveMinutesFor(roadKm(day.start, s.point)), s.serviceMinutes) ? 'beyond_working_hours' : 'window_missed';
  // It fits alone: with the other stops, is it the window or the length of the day that shuts it out?
  const open: TimedStop[] = stops.map((x, i) => (i === index ? { ...x, windows: [[0, 1440]] } : x));
  return bestInsertion(day, open, order, index) ? 'window_missed' : 'beyond_working_hours';
}

/**
 * Plan the day: `candidates` are indexes into `stops` in urgency order; at most `maxStops` are visited. Stops
 * more urgent than the last one placed that could not fit are reported with their reason.
 */
export function planTimedRoute(day: WorkingDay, stops: readonly TimedStop[], candidates: readonly number[], maxStops: number): TimedRoute {
  let order: number[] = [];
  let setAside: number[] = [];
  for (const index of candidates) {
    if (order.length >= maxStops) break;
    const next = bestInsertion(day, stops, order, index);
    if (next) order = next;
    else setAside.push(index);
  }
  order = twoOptTimed(day, stops, order);
  const stillOut: number[] = [];
  for (const index of setAside) {
    const next = order.length < maxStops ? bestInsertion(day, stops, order, index) : null;
    if (next) order = twoOptTimed(day, stops, next);
    else stillOut.push(index);
  }
  setAside = stillOut;
  const visits = simulate(day, stops, order)!;
  return {
    visits,
    unplaced: setAside.map((index) => ({ index, reason: unplacedReason(day, stops, order, index) })),
    totalKm: kmOf(visits),
    finishAt: finishOf(day, visits),
    driveMinutes: driveMinutesFor(kmOf(visits)),
    waitMinutes: visits.reduce((s, v) => s + v.waitMinutes, 0),
  };
}
