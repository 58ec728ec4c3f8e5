/** GET /api/labels/{layer}?bbox=&limit= — label points of areas and grids, biggest first, for the map's text. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, pathParams, query } from '../http/openapi.js';
import { bboxParam, limitParam } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { findLayer } from '../layers/registry.js';
import { inScopeSql } from '../users/scope.js';

export const labelQuery = z.object({ bbox: bboxParam.optional(), limit: limitParam(500, 5000) });
const layerParam = z.object({ layer: z.string().max(64).meta({ example: 'townships' }) });

export const labelPoint = z.object({ code: z.string(), name: z.string(), lon: z.number(), lat: z.number() });
export type LabelPoint = z.output<typeof labelPoint>;
const labelPoints = z.array(labelPoint);

export function labelRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:layer', describe({ summary: 'Label points of areas and grids', tags: ['map'], response: labelPoints }), pathParams(layerParam), query(labelQuery), async (c) => {
    const { layer } = c.req.valid('param');
    const def = findLayer(layer);
    if (!def || !def.labels) throw notFound(`Layer '${layer}' has no labels.`, 'layer');
    const { bbox, limit } = c.req.valid('query');
    const [w, s, e, n] = bbox ?? [-180, -90, 180, 90];
    const rows = await c.var.reads.query<LabelPoint>(
      `SELECT t.code, t.name, round(ST_X(t.label_point)::numeric, 6)::float8 AS lon, round(ST_Y(t.label_point)::numeric, 6)::float8 AS lat
       FROM ${def.table} t
       WHERE ${def.where ?? 'true'} AND ${inScopeSql(def.scopeColumn ?? 't.code', '$1')}
         AND t.label_point && ST_MakeEnvelope($2, $3, $4, $5, 4326)
       ORDER BY t.population DESC, t.code LIMIT $6`,
      [c.get('user').scopePrefix, w, s, e, n, limit],
    );
    return json(c, labelPoints, rows);
  });
  return app;
}
