/** GET /api/labels/{layer}?bbox=&limit= — label points of areas and grids, biggest first, for the map's text. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { bboxParam, limitParam, parseQuery } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { findLayer } from '../layers/registry.js';
import { inScopeSql } from '../users/scope.js';

export const labelQuery = z.object({ bbox: bboxParam.optional(), limit: limitParam(500, 5000) });

export function labelRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:layer', async (c) => {
    const def = findLayer(c.req.param('layer'));
    if (!def || !def.labels) throw notFound(`Layer '${c.req.param('layer')}' has no labels.`, 'layer');
    const { bbox, limit } = parseQuery(c, labelQuery);
    const [w, s, e, n] = bbox ?? [-180, -90, 180, 90];
    const rows = await c.var.reads.query<{ code: string; name: string; lon: number; lat: number }>(
      `SELECT t.code, t.name, round(ST_X(t.label_point)::numeric, 6)::float8 AS lon, round(ST_Y(t.label_point)::numeric, 6)::float8 AS lat
       FROM ${def.table} t
       WHERE ${def.where ?? 'true'} AND ${inScopeSql(def.scopeColumn ?? 't.code', '$1')}
         AND t.label_point && ST_MakeEnvelope($2, $3, $4, $5, 4326)
       ORDER BY t.population DESC, t.code LIMIT $6`,
      [c.get('user').scopePrefix, w, s, e, n, limit],
    );
    return c.json(rows);
  });
  return app;
}
