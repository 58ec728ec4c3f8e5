/**
 * GET /api/overview?as_of= — key figures of the user's jurisdiction for the wall display and the start page.
 * People aggregates: office/admin/grid officers get counts and rates; the wall display gets the rates only
 * (a room full of visitors sees it); other roles get neither.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES_SEEING_COUNTS } from 'domain/codes';
import type { AppDeps, AppEnv } from '../http/env.js';
import { asOfParam, parseQuery } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { checkpointFigures, inspectionFigures, listingFigures, peopleFigures, signalFigures } from './repository.js';

export function overviewRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const { as_of } = parseQuery(c, z.object({ as_of: asOfParam }));
    const asOf = as_of ?? chinaToday();
    const user = c.get('user');
    const p = user.scopePrefix;
    const [listings, signals, checkpoints, inspections] = await Promise.all([
      listingFigures(db, p, asOf),
      signalFigures(db, p),
      checkpointFigures(db, p, asOf),
      inspectionFigures(db, p, asOf),
    ]);
    let people: unknown = null;
    if (ROLES_SEEING_COUNTS.has(user.role) && user.role !== 'grid_officer') people = await peopleFigures(db, p, asOf);
    else if (user.role === 'wall') {
      const { month, controlRate, rehabExecutionRate } = await peopleFigures(db, p, asOf);
      people = { month, controlRate, rehabExecutionRate };
    }
    return c.json({ asOf, jurisdiction: user.jurisdictionCode, listings, signals, checkpoints, inspections, people, generatedAt: new Date().toISOString() });
  });
  return app;
}
