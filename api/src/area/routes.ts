/** GET /api/areas/{code}?as_of= — one area's details, within the user's jurisdiction. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES_SEEING_COUNTS } from 'domain/codes';
import type { AppDeps, AppEnv } from '../http/env.js';
import { areaCode, asOfParam, parseParams, parseQuery, todayIso } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { areaPeopleCounts, findArea } from './repository.js';

export function areaRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:code', async (c) => {
    const { code } = parseParams(c, z.object({ code: areaCode }));
    const { as_of } = parseQuery(c, z.object({ as_of: asOfParam }));
    const user = c.get('user');
    const area = await findArea(c.var.reads, code, as_of ?? todayIso(), user.scopePrefix);
    // Outside the jurisdiction reads as "not found": the API does not confirm what exists elsewhere.
    if (!area) throw notFound(`There is no area with code ${code} in your jurisdiction.`, 'code');
    const people = ROLES_SEEING_COUNTS.has(user.role)
      ? await areaPeopleCounts(c.var.reads, code, user.role === 'grid_officer' ? user.gridCodes : null)
      : null;
    return c.json({ ...area, people });
  });
  return app;
}
