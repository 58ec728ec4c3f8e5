/** The answer of GET /api/search. */
import { z } from 'zod';
import { bbox } from '../http/schemas.js';

export const searchHit = z.object({
  kind: z.enum(['area', 'grid', 'checkpoint', 'firm', 'venue', 'wastewater_site']),
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.string().nullable(),
  parentName: z.string().nullable(),
  layer: z.string().describe('The map layer it is drawn in'),
  bbox,
});
export type SearchHit = z.output<typeof searchHit>;

export const searchPage = z.object({ query: z.string(), results: z.array(searchHit) });
