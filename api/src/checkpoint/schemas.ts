/** The answers of /api/checkpoints; the repository's rows follow from these schemas. */
import { z } from 'zod';

export const checkpointRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['public_security', 'drug_inspection', 'toll_station', 'temporary']),
  roadRef: z.string().nullable(),
  onBorder: z.boolean(),
  borderOf: z.enum(['province', 'city', 'county']).nullable(),
  countyCode: z.string(),
  countyName: z.string().nullable(),
  openedOn: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
});
export type CheckpointRow = z.output<typeof checkpointRow>;

export const checkpointDay = z.object({
  day: z.string(),
  vehicles: z.number().int(),
  people: z.number().int(),
  cases: z.number().int(),
  precursorsKg: z.number(),
  seizures: z.record(z.string(), z.number()).describe('kg per drug'),
});
export type CheckpointDay = z.output<typeof checkpointDay>;

export const checkpointDays = z.object({ checkpoint: checkpointRow, days: z.array(checkpointDay) });
