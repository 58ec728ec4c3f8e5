/**
 * GET /api/grids/locate?lon=&lat=[&datum=]: "am I inside my grid?" — the grid, village and township at a position,
 * and for a grid officer whether it is one of theirs and how far their grids are.
 * GET /api/grids/mine: a grid officer's grids with boundary, due inspections and the latest monthly counts.
 * Phone browsers report WGS84 (W3C Geolocation); apps built on AMap/Tencent SDKs report GCJ-02 and Baidu's BD-09,
 * so `datum` says which one the position is in and it is converted before any spatial test.
 */
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { convertPoint } from 'domain/datum';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { asOfParam, intString } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { ProblemError } from '../http/problem.js';
import { distancesToGrids, gridAt, gridsWithDueWork } from './repository.js';
import { locateAnswer, myGrids } from './schemas.js';

const coordinate = (min: number, max: number) =>
  z.string().regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number').transform(Number).pipe(z.number().min(min).max(max));

export const mineQuery = z.object({ as_of: asOfParam, within_days: intString(0, 365).optional().transform((v) => v ?? 14) });
export const locateQuery = z.object({
  lon: coordinate(-180, 180),
  lat: coordinate(-90, 90),
  datum: z.enum(['wgs84', 'gcj02', 'bd09']).optional().transform((d) => d ?? 'wgs84'),
});

/** The role is checked before the query is read (a wrong role is a 403 whatever it sends). */
const onlyOfficers = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('user').role !== 'grid_officer') throw new ProblemError(403, 'Forbidden', { detail: 'Only grid officers have grids of their own.' });
  await next();
});

const DATUM = { wgs84: 'WGS84', gcj02: 'GCJ02', bd09: 'BD09' } as const;

export function gridRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const tags = ['grid'];
  const locate = 'Am I inside my grid? The grid, village and township at a position (datum wgs84, gcj02 or bd09)';
  app.get('/locate', describe({ summary: locate, tags, response: locateAnswer }), query(locateQuery), async (c) => {
    const q = c.req.valid('query');
    const [lon, lat] = q.datum === 'wgs84' ? [q.lon, q.lat] : convertPoint([q.lon, q.lat], DATUM[q.datum], 'WGS84');
    const user = c.get('user');
    const here = await gridAt(c.var.reads, lon, lat, user.scopePrefix);
    const mine = await distancesToGrids(c.var.reads, lon, lat, user.gridCodes);
    return json(c, locateAnswer, {
      position: { lon, lat, datum: 'wgs84' },
      grid: here,
      insideMyGrid: user.gridCodes.length ? mine.some((g) => g.metres === 0) : null,
      myGrids: mine,
    });
  });

  app.get('/mine', describe({ summary: "A grid officer's grids: boundary, due inspections, latest monthly counts", tags, response: myGrids }), onlyOfficers, query(mineQuery), async (c) => {
    const user = c.get('user');
    const q = c.req.valid('query');
    return json(c, myGrids, { grids: await gridsWithDueWork(c.var.reads, user.gridCodes, q.as_of ?? chinaToday(), q.within_days) });
  });
  return app;
}
