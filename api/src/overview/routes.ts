/**
 * GET /api/overview?as_of= — key figures of the user's jurisdiction for the wall display and the start page.
 * People aggregates: office/admin/grid officers get counts and rates; the wall display gets the rates only
 * (a room full of visitors sees it); other roles get neither.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES_SEEING_COUNTS } from 'domain/codes';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { asOfParam } from '../http/params.js';
import { chinaToday } from 'domain/time';
import { checkpointFigures, inspectionFigures, listingFigures, peopleFigures, signalFigures } from './repository.js';
import { overviewAnswer } from './schemas.js';

export function overviewRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const summary = 'Key figures of the jurisdiction (wall display): listings, signals, checkpoints, due inspections, people rates';
  app.get('/', describe({ summary, tags: ['overview'], response: overviewAnswer }), query(z.object({ as_of: asOfParam })), async (c) => {
    const { as_of } = c.req.valid('query');
    const asOf = as_of ?? chinaToday();
    const user = c.get('user');
    const p = user.scopePrefix;
    const db = c.var.reads;
    const [listings, signals, checkpoints, inspections] = await Promise.all([
      listingFigures(db, p, asOf),
      signalFigures(db, p),
      checkpointFigures(db, p, asOf),
      inspectionFigures(db, p, asOf),
    ]);
    let people: z.input<typeof overviewAnswer>['people'] = null;
    if (ROLES_SEEING_COUNTS.has(user.role) && user.role !== 'grid_officer') people = await peopleFigures(db, p, asOf);
    else if (user.role === 'wall') {
      const { month, controlRate, rehabExecutionRate } = await peopleFigures(db, p, asOf);
      people = { month, controlRate, rehabExecutionRate };
    }
    return json(c, overviewAnswer, { asOf, jurisdiction: user.jurisdictionCode, listings, signals, checkpoints, inspections, people, generatedAt: new Date().toISOString() });
  });
  return app;
}
