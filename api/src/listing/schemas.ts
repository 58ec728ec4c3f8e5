/** The listings API's answers, for the OpenAPI document and the typed handlers (see routes.ts). */
import { z } from 'zod';
import { AREA_LEVELS, BODIES, CATEGORIES, CONDITIONS, GRADES, STATUSES } from 'domain/listing';
import { bbox, geometry } from '../http/schemas.js';

const date = z.string().describe('YYYY-MM-DD');
const conditionMap = <T extends z.ZodType>(v: T) => z.object(Object.fromEntries(CONDITIONS.map((c) => [c, v])) as Record<(typeof CONDITIONS)[number], T>);

export const listingFlags = z.object({
  assessmentOverdue: z.boolean(),
  nextAssessmentDue: date.nullable(),
  termExpired: z.boolean(),
  extensionUsedUp: z.boolean(),
  continuing: z.boolean(),
});

export const listingSummary = z.object({
  id: z.number().int(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  areaLevel: z.enum(AREA_LEVELS).nullable(),
  grade: z.enum(GRADES),
  categories: z.array(z.enum(CATEGORIES)),
  body: z.enum(BODIES),
  status: z.enum(STATUSES),
  listedOn: date,
  termEndsOn: date,
  extended: z.boolean(),
  delistedOn: date.nullable(),
  relistedFrom: z.number().int().nullable(),
  lastEventOn: date,
  decidedOn: date,
  flags: listingFlags,
});

export const listingEvent = z.object({
  id: z.number().int(),
  kind: z.enum(['listed', 'assessed', 'extended', 'downgraded', 'delisted', 'relisted']),
  onDate: date,
  grade: z.enum(GRADES),
  status: z.enum(STATUSES),
  termEndsOn: date,
  detail: z.record(z.string(), z.unknown()),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const assessment = z.object({
  id: z.number().int(),
  listingId: z.number().int(),
  year: z.number().int(),
  assessedOn: date,
  conditions: conditionMap(z.boolean()),
  notes: conditionMap(z.string()).partial(),
});

const dueKind = z.enum(['term_ending', 'term_expired', 'continuing', 'assessment_due', 'assessment_overdue', 'extension_used_up']);
export const dueItem = z.object({ kind: dueKind, dueOn: date, days: z.number().int() });

export const listingDetail = z.object({
  listing: listingSummary,
  events: z.array(listingEvent),
  assessments: z.array(assessment),
  due: z.array(dueItem),
});

export const listingPage = z.object({ as_of: date, count: z.number().int(), listings: z.array(listingSummary) });

export const dueRow = dueItem.extend({
  listingId: z.number().int(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  grade: z.enum(GRADES),
  status: z.string(),
});
export const duePage = z.object({ as_of: date, within_days: z.number().int(), count: z.number().int(), items: z.array(dueRow) });

export const listingOutline = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  bbox,
  geometry,
  properties: z.object({ code: z.string(), name: z.string().nullable() }),
});

/** What would change an area's listing colour next (evidence.ts). */
export const listingChange = z.discriminatedUnion('code', [
  z.object({ code: z.literal('listing_decision') }),
  z.object({ code: z.literal('assessment_due'), on: date, conditionsMet: z.number().int().nullable() }),
  z.object({ code: z.literal('term_ends'), on: date, extensionLeft: z.boolean() }),
  z.object({ code: z.literal('delisted_colour_ends'), on: date }),
]);

/** The evidence behind an area's listing colour on a date (evidence.ts; GET /api/areas/{code}/evidence). */
export const listingEvidence = z.object({
  asOf: date,
  class: z.string().describe('The class the map paints'),
  listing: listingSummary.pick({ id: true, grade: true, status: true, body: true, categories: true, listedOn: true, termEndsOn: true, delistedOn: true, extended: true }).nullable(),
  events: z.array(listingEvent.pick({ kind: true, onDate: true, grade: true, status: true, termEndsOn: true })),
  assessments: z.array(z.object({ year: z.number().int(), assessedOn: date, conditionsMet: z.number().int(), conditions: z.record(z.string(), z.boolean()) })),
  flags: listingFlags.nullable(),
  changes: z.array(listingChange),
});
export type ListingEvidence = z.output<typeof listingEvidence>;
export type ListingChange = z.output<typeof listingChange>;
