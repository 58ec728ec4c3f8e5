/**
 * The inspector's day, mounted at /api: GET /patrols/due (what is due or risky), GET /patrols/plan (a day's route)
 * and POST /inspections (recording what was found). Parse, call repository + plan, format.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  AVERAGE_SPEED_KMH,
  etaIso,
  isDueOrRisky,
  MINUTES_PER_STOP,
  pickStops,
  planRoute,
  ROAD_FACTOR,
  scoreAll,
  scoreTarget,
  type LonLat,
  type ScoredTarget,
} from 'domain/patrol';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { intString, isoDate, parseBody, parseQuery } from '../http/params.js';
import { badRequest, notFound, ProblemError } from '../http/problem.js';
import { countySeat, patrolTargets, recordInspection, type PatrolRow } from './repository.js';
import { chinaToday } from 'domain/time';

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

export const dueQuery = z.object({ as_of: isoDate.optional(), within_days: intString(0, 366).optional() });
export const planQuery = z.object({ date: isoDate.optional(), max_stops: intString(1, 30).optional(), start: startParam.optional() });

const id = z.number().int().min(1).max(2 ** 31 - 1);
export const inspectionBody = z.object({
  firm_id: id.optional(),
  venue_id: id.optional(),
  inspected_on: isoDate,
  outcome: z.enum(['ok', 'issues', 'violation']),
  findings: z.string().max(4000).optional().default(''),
});

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

  app.get('/patrols/due', async (c) => {
    const q = parseQuery(c, dueQuery);
    const asOf = q.as_of ?? today();
    const withinDays = q.within_days ?? 14;
    const scored = scoreAll(await patrolTargets(db, c.get('user').scopePrefix), asOf).filter((s) => isDueOrRisky(s, withinDays));
    return c.json({ as_of: asOf, within_days: withinDays, count: scored.length, overdue: scored.filter((s) => s.overdue).length, items: scored.map(item) });
  });

  app.get('/patrols/plan', async (c) => {
    const q = parseQuery(c, planQuery);
    const user = c.get('user');
    const date = q.date ?? today();
    let start: { lon: number; lat: number; source: 'given' | 'county_seat'; name: string | null };
    if (q.start) start = { lon: q.start[0], lat: q.start[1], source: 'given', name: null };
    else {
      const seat = await countySeat(db, user.jurisdictionCode);
      if (!seat) throw new ProblemError(422, 'No start point', { param: 'start', detail: 'Your jurisdiction has no label point; give start=lon,lat.' });
      start = { lon: seat.lonLat[0], lat: seat.lonLat[1], source: 'county_seat', name: seat.name };
    }
    const picked = pickStops(await patrolTargets(db, user.scopePrefix), date, q.max_stops ?? 8);
    const route = planRoute([start.lon, start.lat], picked.map((s) => [s.target.lon, s.target.lat] as LonLat));
    const stops = route.legs.map((leg, i) => ({
      seq: i + 1,
      ...item(picked[leg.index]!),
      legKm: round(leg.legKm, 2),
      cumulativeKm: round(leg.cumulativeKm, 2),
      eta: etaIso(date, leg.arriveAfterMinutes),
    }));
    const coordinates = [[start.lon, start.lat], ...stops.map((s) => [s.lon, s.lat])];
    return c.json({
      date,
      start,
      count: stops.length,
      totalKm: round(route.totalKm, 1),
      totalMinutes: Math.round(route.totalMinutes),
      driveMinutes: Math.round(route.driveMinutes),
      finishAt: etaIso(date, route.totalMinutes),
      assumptions: { roadFactor: ROAD_FACTOR, averageSpeedKmh: AVERAGE_SPEED_KMH, minutesPerStop: MINUTES_PER_STOP },
      stops,
      path: { type: 'Feature', properties: { date, count: stops.length }, geometry: { type: 'LineString', coordinates } },
    });
  });

  app.post('/inspections', requireRole('inspector', 'office', 'admin'), async (c) => {
    const body = await parseBody(c, inspectionBody);
    if (body.firm_id != null && body.venue_id != null) throw badRequest('venue_id', 'Give firm_id or venue_id, not both.');
    if (body.firm_id == null && body.venue_id == null) throw badRequest('firm_id', 'Give the inspected firm_id or venue_id.');
    if (body.inspected_on > today()) throw badRequest('inspected_on', `inspected_on ${body.inspected_on} is in the future (today is ${today()}).`);
    const findings = body.findings.trim();
    if (body.outcome !== 'ok' && !findings) throw badRequest('findings', `An outcome of ${body.outcome} needs findings: what was wrong.`);
    const kind = body.firm_id != null ? 'firm' : 'venue';
    const targetId = (body.firm_id ?? body.venue_id)!;
    const user = c.get('user');
    const saved = await recordInspection(db, user, { kind, id: targetId, inspectedOn: body.inspected_on, outcome: body.outcome, findings });
    if (!saved) throw notFound(`There is no ${kind} ${targetId} in your jurisdiction.`, kind === 'firm' ? 'firm_id' : 'venue_id');
    return c.json({ id: saved.id, kind, target: item(scoreTarget(saved.target, today())) }, 201);
  });

  return app;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
