/**
 * The OGC API – Features Part 3 query parameters `filter`, `filter-lang` and `filter-crs`, shared by OGC items
 * and tiles: CQL2 text only, compiled against the layer's fields; a bad expression is a 400 naming `filter`.
 */
import { z } from 'zod';
import { ProblemError } from '../http/problem.js';
import type { LayerDefinition } from '../layers/types.js';
import { Cql2Error, CQL2_LIMITS } from './cql2-parse.js';
import { compileCql2, type CompiledFilter } from './cql2-sql.js';

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const filterParams = {
  filter: z.string().max(CQL2_LIMITS.length, `must be at most ${CQL2_LIMITS.length} characters`).optional(),
  'filter-lang': z.enum(['cql2-text'], { message: "only 'cql2-text' is supported" }).optional(),
  // No spatial operators are supported, so the CRS of geometries in the filter does not arise; accept the default.
  'filter-crs': z.literal(CRS84, { message: `only ${CRS84} is supported` }).optional(),
};

export function parseFilter(q: { filter?: string }, def: LayerDefinition): CompiledFilter | undefined {
  if (q.filter === undefined) return undefined;
  try {
    return compileCql2(q.filter, def.fields);
  } catch (err) {
    if (err instanceof Cql2Error) throw new ProblemError(400, 'Invalid parameter', { param: 'filter', detail: `filter: ${err.message}` });
    throw err;
  }
}
