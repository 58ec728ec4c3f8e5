/** The answers of /api/patrols/* and /api/inspections, for the OpenAPI document and the typed handlers. */
import { z } from 'zod';

const clock = z.string().describe('HH:MM');
const kind = z.enum(['firm', 'venue']);

/** A firm or venue as the patrol lists show it (routes.ts `item`). */
export const patrolItem = z.object({
  kind,
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  townshipName: z.string().nullable(),
  category: z.number().int().nullable().describe('Firms: precursor category 1–3'),
  risk: z.enum(['low', 'medium', 'high']).nullable().describe('Venues: risk grade'),
  subKind: z.string().describe('Venues: hotel, ktv, …; firms: producer, trader, user'),
  openingHours: z.string().nullable(),
  licenceExpiry: z.string().nullable(),
  licenceState: z.enum(['expired', 'expiring', 'valid', 'none']),
  lon: z.number(),
  lat: z.number(),
  lastInspectedOn: z.string().nullable(),
  lastOutcome: z.enum(['ok', 'issues', 'violation']).nullable(),
  nextDue: z.string(),
  overdue: z.boolean(),
  overdueDays: z.number().int().describe('Days past due; negative while not yet due'),
  score: z.number(),
});

export const dueAnswer = z.object({ as_of: z.string(), within_days: z.number().int(), count: z.number().int(), overdue: z.number().int(), items: z.array(patrolItem) });

const window = z.object({ from: clock, to: clock });
export const planStop = patrolItem.extend({
  seq: z.number().int(),
  hoursKnown: z.boolean(),
  legKm: z.number(),
  cumulativeKm: z.number(),
  eta: z.string(),
  beginAt: z.string(),
  waitMinutes: z.number().int(),
  window,
});
export const unplacedStop = patrolItem.extend({
  hoursKnown: z.boolean(),
  reason: z.enum(['closed_all_day', 'outside_working_hours', 'window_missed', 'beyond_working_hours']),
  windows: z.array(window),
});

export const planAnswer = z.object({
  date: z.string(),
  start: z.object({ lon: z.number(), lat: z.number(), source: z.enum(['given', 'county_seat']), name: z.string().nullable() }),
  workingHours: window,
  count: z.number().int(),
  totalKm: z.number(),
  totalMinutes: z.number().int(),
  driveMinutes: z.number().int(),
  waitMinutes: z.number().int(),
  finishAt: z.string(),
  assumptions: z.object({ roadFactor: z.number(), averageSpeedKmh: z.number(), minutesPerStop: z.number() }),
  stops: z.array(planStop),
  unplaced: z.array(unplacedStop).describe('The most urgent stops that could not fit, with the reason'),
  unplacedCount: z.number().int(),
  path: z.object({
    type: z.literal('Feature'),
    properties: z.object({ date: z.string(), count: z.number().int() }),
    geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.array(z.number())) }),
  }),
});

export const checkIn = z.object({
  recordedAt: z.string(),
  positionStatus: z.enum(['fix', 'no_fix', 'not_given']),
  accuracyM: z.number().nullable(),
  distanceM: z.number().nullable(),
  farFromSite: z.boolean(),
});
export type CheckIn = z.output<typeof checkIn>;

export const inspectionAnswer = z.object({
  id: z.number().int(),
  kind,
  duplicate: z.boolean().describe('The same client_id was recorded before: nothing new was written (200, not 201)'),
  checkIn: checkIn.extend({ limitM: z.number() }),
  target: patrolItem,
});

export const flaggedCheckIn = z.object({
  id: z.number().int(),
  kind,
  targetId: z.number().int(),
  targetName: z.string(),
  townshipName: z.string().nullable(),
  inspector: z.string(),
  inspectedOn: z.string(),
  recordedAt: z.string(),
  distanceM: z.number(),
  accuracyM: z.number().nullable(),
});
export type FlaggedCheckIn = z.output<typeof flaggedCheckIn>;

export const flaggedAnswer = z.object({ since: z.string(), until: z.string(), limitM: z.number(), count: z.number().int(), items: z.array(flaggedCheckIn) });
