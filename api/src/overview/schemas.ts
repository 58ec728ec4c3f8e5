/** The answer of GET /api/overview; repository.ts's rows follow from these schemas. */
import { z } from 'zod';

const count = z.number().int();
export const listingFigures = z.object({ key_rectification: count, key_supervision: count, key_attention: count, past_term: count, term_ending_30d: count, delisted_12m: count });
export const risingTownship = z.object({ code: z.string(), name: z.string(), trend: z.string(), pctChange: z.number().nullable(), coverage: z.number() });
export const signalFigures = z.object({ townshipsByTrend: z.record(z.string(), count).describe('Townships per index trend'), topRising: z.array(risingTownship) });
export const checkpointRow = z.object({ checkpoints: count, on_border: count, vehicles: count, people: count, cases: count, precursors_kg: z.number(), seized_kg: z.record(z.string(), z.number()) });
export const checkpointFigures = checkpointRow.extend({ days: count });
export const inspectionFigures = z.object({ firms_overdue: count, firms_due_7d: count, venues_overdue: count, venues_due_7d: count });

const rates = {
  month: z.string().nullable(),
  controlRate: z.number().nullable().describe('管控率: under control / registered'),
  rehabExecutionRate: z.number().nullable().describe('执行率: community rehabilitation done / due'),
};
export const peopleFigures = z.object({ ...rates, counts: z.object({ registered: count, underControl: count, riskHigh: count, rehabDue: count, rehabDone: count }) });

export const overviewAnswer = z.object({
  asOf: z.string(),
  jurisdiction: z.string(),
  listings: listingFigures,
  signals: signalFigures,
  checkpoints: checkpointFigures,
  inspections: inspectionFigures,
  people: z
    .union([peopleFigures, z.object(rates)])
    .nullable()
    .describe('Counts and rates for office and admin; the rates only for the wall; null for other roles'),
  generatedAt: z.string(),
});
