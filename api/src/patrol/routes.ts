/**
 * The inspector's day, mounted at /api: GET /patrols/due (what is due or risky), GET /patrols/plan (a day's route)
 * and POST /inspections (recording what was found). Parse, call repository + plan, format.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AVERAGE_SPEED_KMH,
  DAY_START_MINUTES,
  isDueOrRisky,
  MINUTES_PER_STOP,
  minutesToClock,
  ROAD_FACTOR,
  scoreAll,
  scoreTarget,
  type LonLat,
  type ScoredTarget,
} from 'domain/patrol';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { body, describe, json, query } from '../http/openapi.js';
import { intString, isoDate, isoInstant } from '../http/params.js';
import { badRequest, notFound, ProblemError } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import { flaggedCheckIns, recordInspection } from './checkin.js';
import { planDay, round } from './day-plan.js';
import { countySeat, patrolTargets, type PatrolRow } from './repository.js';
import { dueAnswer, flaggedAnswer, inspectionAnswer, planAnswer } from './schemas.js';

export const startParam = z.string().transform((s, ctx) => {
  const m = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,2}(?:\.\d+)?)\s*$/.exec(s);
  const lon = m ? Number(m[1]) : NaN;
  const lat = m ? Number(m[2]) : NaN;
  if (!m || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    ctx.addIssue({ code: 'custom', message: 'must be lon,lat in WGS84 degrees' });
    return z.NEVER;
  }
  return [lon, lat] as LonLat;
});

/** A clock time HH:MM (24:00 allowed for the end of the day), as minutes after midnight. */
export const clockParam = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

/** The default working day: 08:30 to 17:30. */
export const DAY_END_MINUTES = 17 * 60 + 30;

export const dueQuery = z.object({ as_of: isoDate.optional(), within_days: intString(0, 366).optional() });
export const planQuery = z
  .object({ date: isoDate.optional(), max_stops: intString(1, 30).optional(), start: startParam.optional(), day_start: clockParam.optional(), day_end: clockParam.optional() })
  .refine((q) => (q.day_end ?? DAY_END_MINUTES) - (q.day_start ?? DAY_START_MINUTES) >= MINUTES_PER_STOP, {
    message: `must be at least ${MINUTES_PER_STOP} minutes after day_start`,
    path: ['day_end'],
  });

const id = z.number().int().min(1).max(2 ** 31 - 1);
export const inspectionBody = z.object({
  firm_id: id.optional(),
  venue_id: id.optional(),
  inspected_on: isoDate,
  outcome: z.enum(['ok', 'issues', 'violation']),
  findings: z.string().max(4000).optional().default(''),
  /** A UUID the form makes once per inspection: the same form sent twice is recorded once. */
  client_id: z.uuid().optional(),
  /** The phone's position (WGS84) when the form was sent; null: the phone had no fix (accepted, marked). */
  position: z
    .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), accuracy_m: z.number().min(0).max(100_000) })
    .strict()
    .nullable()
    .optional(),
});

export const checkInsQuery = z.object({ since: isoInstant, until: isoInstant.optional(), limit: intString(1, 500).optional() });

function item(s: ScoredTarget<PatrolRow>) {
  const t = s.target;
  return {
    kind: t.kind,
    id: t.id,
    name: t.name,
    address: t.address,
    townshipName: t.townshipName,
    category: t.category ?? null,
    risk: t.risk ?? null,
    subKind: t.subKind,
    openingHours: t.openingHours,
    licenceExpiry: t.licenceExpiry ?? null,
    licenceState: s.licenceState,
    lon: t.lon,
    lat: t.lat,
    lastInspectedOn: t.lastInspectedOn,
    lastOutcome: t.lastOutcome,
    nextDue: s.nextDue,
    overdue: s.overdue,
    overdueDays: s.overdueDays,
    score: s.score,
  };
}

export function patrolRoutes(deps: AppDeps, opts: { today?: () => string } = {}): Hono<AppEnv> {
  const { db } = deps;
  const today = opts.today ?? chinaToday;
  const app = new Hono<AppEnv>();

  const tags = ['patrol'];
  const due = 'Firms and venues due or risky: next due date, overdue flag, score, last outcome (most urgent first)';
  app.get('/patrols/due', describe({ summary: due, tags, response: dueAnswer }), query(dueQuery), async (c) => {
    const q = c.req.valid('query');
    const asOf = q.as_of ?? today();
    const withinDays = q.within_days ?? 14;
    const scored = scoreAll(await patrolTargets(c.var.reads, c.get('user').scopePrefix), asOf).filter((s) => isDueOrRisky(s, withinDays));
    return json(c, dueAnswer, { as_of: asOf, within_days: withinDays, count: scored.length, overdue: scored.filter((s) => s.overdue).length, items: scored.map(item) });
  });

  const plan =
    "A day's patrol: stops by urgency, visited while open (opening hours) within the working hours (day_start, day_end), from start (default: the county seat); ETAs, waits, a GeoJSON LineString, and the stops that could not fit with the reason";
  app.get('/patrols/plan', describe({ summary: plan, tags, response: planAnswer, also: { '422': 'No start point (problem details)' } }), query(planQuery), async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    const date = q.date ?? today();
    let start: { lon: number; lat: number; source: 'given' | 'county_seat'; name: string | null };
    if (q.start) start = { lon: q.start[0], lat: q.start[1], source: 'given', name: null };
    else {
      const seat = await countySeat(c.var.reads, user.jurisdictionCode);
      if (!seat) throw new ProblemError(422, 'No start point', { param: 'start', detail: 'Your jurisdiction has no label point; give start=lon,lat.' });
      start = { lon: seat.lonLat[0], lat: seat.lonLat[1], source: 'county_seat', name: seat.name };
    }
    const dayStart = q.day_start ?? DAY_START_MINUTES;
    const dayEnd = q.day_end ?? DAY_END_MINUTES;
    const p = planDay(await patrolTargets(c.var.reads, user.scopePrefix), { date, start: [start.lon, start.lat], dayStart, dayEnd, maxStops: q.max_stops ?? 8 }, item);
    const coordinates = [[start.lon, start.lat], ...p.stops.map((s) => [s.lon, s.lat])];
    return json(c, planAnswer, {
      date,
      start,
      workingHours: { from: minutesToClock(dayStart), to: minutesToClock(dayEnd) },
      count: p.stops.length,
      totalKm: round(p.route.totalKm, 1),
      totalMinutes: p.totalMinutes,
      driveMinutes: Math.round(p.route.driveMinutes),
      waitMinutes: p.waitMinutes,
      finishAt: p.finishAt,
      assumptions: { roadFactor: ROAD_FACTOR, averageSpeedKmh: AVERAGE_SPEED_KMH, minutesPerStop: MINUTES_PER_STOP },
      stops: p.stops,
      unplaced: p.unplaced,
      unplacedCount: p.unplacedCount,
      path: { type: 'Feature', properties: { date, count: p.stops.length }, geometry: { type: 'LineString', coordinates } },
    });
  });

  const record =
    'Record an inspection with its check-in (position + accuracy, or null for no fix; flagged beyond INSPECTION_FAR_M from the site); the same client_id twice is recorded once (200, duplicate: true)';
  app.post('/inspections', describe({ summary: record, tags, response: inspectionAnswer, status: 201, also: { '409': 'client_id already used (problem details)' } }), requireRole('inspector', 'office', 'admin'), body(inspectionBody), async (c) => {
    const input = c.req.valid('json');
    if (input.firm_id != null && input.venue_id != null) throw badRequest('venue_id', 'Give firm_id or venue_id, not both.');
    if (input.firm_id == null && input.venue_id == null) throw badRequest('firm_id', 'Give the inspected firm_id or venue_id.');
    if (input.inspected_on > today()) throw badRequest('inspected_on', `inspected_on ${input.inspected_on} is in the future (today is ${today()}).`);
    const findings = input.findings.trim();
    if (input.outcome !== 'ok' && !findings) throw badRequest('findings', `An outcome of ${input.outcome} needs findings: what was wrong.`);
    const kind = input.firm_id != null ? 'firm' : 'venue';
    const targetId = (input.firm_id ?? input.venue_id)!;
    const user = c.get('user');
    const position = input.position === undefined ? undefined : input.position && { lon: input.position.lon, lat: input.position.lat, accuracyM: input.position.accuracy_m };
    const saved = await recordInspection(
      db,
      user,
      { kind, id: targetId, inspectedOn: input.inspected_on, outcome: input.outcome, findings, clientId: input.client_id ?? null, position },
      deps.config.inspection.farFromSiteM,
    );
    if (saved.status === 'not_found') throw notFound(`There is no ${kind} ${targetId} in your jurisdiction.`, kind === 'firm' ? 'firm_id' : 'venue_id');
    if (saved.status === 'client_id_reused') throw new ProblemError(409, 'client_id already used', { param: 'client_id', detail: 'This client_id was sent before with another inspection; make a new one per form.' });
    return json(
      c,
      inspectionAnswer,
      { id: saved.id, kind, duplicate: saved.status === 'duplicate', checkIn: { ...saved.checkIn, limitM: deps.config.inspection.farFromSiteM }, target: item(scoreTarget(saved.target, today())) },
      saved.status === 'created' ? 201 : 200,
    );
  });

  // The office's list of check-ins recorded far from their site.
  const flagged = 'Check-ins recorded far from their site (office/admin)';
  app.get('/inspections/flagged', describe({ summary: flagged, tags, response: flaggedAnswer }), requireRole('office', 'admin'), query(checkInsQuery), async (c) => {
    const q = c.req.valid('query');
    const until = q.until ? new Date(q.until) : new Date();
    const items = await flaggedCheckIns(c.var.reads, c.get('user').scopePrefix, new Date(q.since), until, q.limit ?? 100);
    return json(c, flaggedAnswer, { since: new Date(q.since).toISOString(), until: until.toISOString(), limitM: deps.config.inspection.farFromSiteM, count: items.length, items });
  });

  return app;
}

