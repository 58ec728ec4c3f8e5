/** The answers of /api/grids (locate, mine); the repository's row types follow from these schemas. */
import { z } from 'zod';
import { bbox, geometry } from '../http/schemas.js';

export const gridHit = z.object({ code: z.string(), name: z.string(), villageCode: z.string(), villageName: z.string(), townshipCode: z.string(), townshipName: z.string() });
export type GridHit = z.output<typeof gridHit>;

export const gridDistance = z.object({ code: z.string(), name: z.string(), metres: z.number().describe('0 inside') });
export type GridDistance = z.output<typeof gridDistance>;

export const locateAnswer = z.object({
  position: z.object({ lon: z.number(), lat: z.number(), datum: z.literal('wgs84') }).describe('The position converted to WGS84'),
  grid: gridHit.nullable().describe('The grid at the position within your jurisdiction'),
  insideMyGrid: z.boolean().nullable().describe('null for users without grids'),
  myGrids: z.array(gridDistance).describe('Your grids, nearest first'),
});

export const myGrid = z.object({
  code: z.string(),
  name: z.string(),
  households: z.number().int().nullable(),
  population: z.number().int().nullable(),
  boundary: geometry,
  bbox,
  due: z.array(z.object({ kind: z.enum(['firm', 'venue']), id: z.number().int(), name: z.string(), due: z.string().describe('YYYY-MM-DD') })),
  latestMonth: z.object({ month: z.string(), rehabDue: z.number().int(), rehabDone: z.number().int(), registered: z.number().int(), underControl: z.number().int() }).nullable(),
});
export type MyGrid = z.output<typeof myGrid>;

export const myGrids = z.object({ grids: z.array(myGrid) });
