/**
 * A day's patrol from the targets' rows: candidates in urgency order (domain/patrol scoring), their opening windows
 * on that date, the inspector's start place and working hours, planned by domain/patrol/schedule.ts; formatted
 * for the API with clock times in UTC+8 and, for the stops that could not fit, the reason.
 */
import {
  isDueOrRisky,
  localIso,
  minutesToClock,
  MINUTES_PER_STOP,
  parseOpeningHours,
  PICK_AHEAD_DAYS,
  planTimedRoute,
  scoreAll,
  windowsOn,
  type LonLat,
  type ScoredTarget,
  type TimedStop,
  type UnplacedReason,
  type WeeklyHours,
} from 'domain/patrol';
import type { PatrolRow } from './repository.js';

/** At most this many stops that could not fit are listed (the most urgent ones). */
const MAX_UNPLACED_LISTED = 20;

export interface DayPlanRequest {
  date: string;
  start: LonLat;
  /** Minutes after midnight, local time. */
  dayStart: number;
  dayEnd: number;
  maxStops: number;
}

/** The stored hours of a row; text that no longer parses counts as not known (and is said so). */
function hoursOf(row: PatrolRow): { hours: WeeklyHours | null; known: boolean } {
  if (!row.openingHours) return { hours: null, known: false };
  const r = parseOpeningHours(row.openingHours);
  return r.ok ? { hours: r.hours, known: true } : { hours: null, known: false };
}

export function planDay<I>(rows: PatrolRow[], req: DayPlanRequest, item: (s: ScoredTarget<PatrolRow>) => I) {
  const candidates = scoreAll(rows, req.date).filter((s) => isDueOrRisky(s, PICK_AHEAD_DAYS));
  const stops: TimedStop[] = candidates.map((s) => ({
    point: [s.target.lon, s.target.lat],
    windows: windowsOn(hoursOf(s.target).hours, req.date),
    serviceMinutes: MINUTES_PER_STOP,
  }));
  const route = planTimedRoute(
    { start: req.start, startMinutes: req.dayStart, endMinutes: req.dayEnd },
    stops,
    candidates.map((_, i) => i),
    req.maxStops,
  );
  const clockIso = (m: number) => localIso(req.date, m);
  const hoursFields = (s: ScoredTarget<PatrolRow>) => ({ hoursKnown: hoursOf(s.target).known });
  return {
    route,
    stops: route.visits.map((v, i) => ({
      seq: i + 1,
      ...item(candidates[v.index]!),
      ...hoursFields(candidates[v.index]!),
      legKm: round(v.legKm, 2),
      cumulativeKm: round(v.cumulativeKm, 2),
      eta: clockIso(v.arriveAt),
      beginAt: clockIso(v.beginAt),
      waitMinutes: Math.round(v.waitMinutes),
      window: { from: minutesToClock(v.window[0]), to: minutesToClock(v.window[1]) },
    })),
    unplaced: route.unplaced.slice(0, MAX_UNPLACED_LISTED).map((u) => ({
      ...item(candidates[u.index]!),
      ...hoursFields(candidates[u.index]!),
      reason: u.reason satisfies UnplacedReason,
      windows: stops[u.index]!.windows.map(([a, b]) => ({ from: minutesToClock(a), to: minutesToClock(b) })),
    })),
    unplacedCount: route.unplaced.length,
    finishAt: clockIso(route.finishAt),
    waitMinutes: Math.round(route.waitMinutes),
    totalMinutes: Math.round(route.finishAt - req.dayStart),
  };
}

export const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
