/** The answers of GET /api/firms/{id}, /api/venues/{id} and their opening hours; finders' rows follow from these. */
import { z } from 'zod';

export const inspectionRow = z.object({ id: z.number().int(), inspectedOn: z.string(), inspector: z.string(), outcome: z.enum(['ok', 'issues', 'violation']), findings: z.string() });
export type InspectionRow = z.output<typeof inspectionRow>;

/** What firms and venues share. */
const site = {
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  inspectionEveryDays: z.number().int(),
  townshipCode: z.string(),
  townshipName: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  openingHours: z.string().nullable(),
};

export const firmRow = z.object({
  ...site,
  creditCode: z.string(),
  category: z.number().int().describe('Precursor category 1–3'),
  business: z.enum(['producer', 'trader', 'user']),
  chemicals: z.array(z.string()),
  licenceNo: z.string().nullable(),
  licenceExpiry: z.string().nullable(),
});
export type FirmRow = z.output<typeof firmRow>;

export const venueRow = z.object({
  ...site,
  code: z.string(),
  kind: z.enum(['hotel', 'bar', 'ktv', 'bathhouse', 'internet_cafe', 'private_club']),
  risk: z.enum(['low', 'medium', 'high']),
});
export type VenueRow = z.output<typeof venueRow>;

const inspected = { lastInspection: inspectionRow.nullable(), nextDue: z.string(), inspections: z.array(inspectionRow).describe('The latest ten, newest first') };
export const firmAnswer = firmRow.extend(inspected);
export const venueAnswer = venueRow.extend(inspected);

export const hoursAnswer = z.object({ id: z.number().int(), openingHours: z.string().nullable().describe('Canonical form; null when cleared') });
