/** The answers of GET /api/areas/{code} and /evidence; AreaDetail (repository.ts) follows from `areaDetail`. */
import { z } from 'zod';
import { bbox } from '../http/schemas.js';
import { listingEvidence } from '../listing/schemas.js';
import { signalEvidence } from '../wastewater/signal-schemas.js';

export const areaDetail = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  kind: z.string().nullable(),
  population: z.number(),
  bbox,
  parents: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  listing: z.object({ id: z.number().int(), grade: z.string(), status: z.string(), termEndsOn: z.string(), listedOn: z.string(), body: z.string(), categories: z.array(z.string()) }).nullable(),
  signals: z.array(z.object({ substance: z.string(), trend: z.string(), latestLoad: z.number().nullable(), pctChange: z.number().nullable(), nSamples: z.number().int(), coverage: z.number() })),
  counts: z.object({ villages: z.number().int(), grids: z.number().int(), checkpoints: z.number().int(), firms: z.number().int(), venues: z.number().int(), wastewaterSites: z.number().int() }),
});
export type AreaDetail = z.output<typeof areaDetail>;

/** Monthly people counts summed over the area's grids (roles that may see them; null for the others). */
export const peopleMonth = z.object({
  month: z.string(),
  registered: z.number().int(),
  under_control: z.number().int(),
  risk_high: z.number().int(),
  rehab_due: z.number().int(),
  rehab_done: z.number().int(),
});
export type PeopleMonth = z.output<typeof peopleMonth>;

export const areaAnswer = areaDetail.extend({ people: z.array(peopleMonth).nullable().describe('Only for roles that may see counts of people') });

export const areaEvidence = z.object({
  area: z.object({ code: z.string(), name: z.string(), level: z.string(), population: z.number() }),
  listing: listingEvidence,
  signal: signalEvidence.nullable().describe('Only for townships and above'),
});
