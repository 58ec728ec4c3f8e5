/**
 * GET /api/wall/changes?since=&until=&visitor= — the shift-change view of the wall display: what changed in the
 * user's jurisdiction between two instants (default until: now). `visitor=1` leaves out the names of people and
 * the exact names of sites in SQL (changes.ts), so a wall in visitor mode never receives them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { intString, isoInstant } from '../http/params.js';
import { badRequest } from '../http/problem.js';
import { changesBetween } from './changes.js';
import { changesAnswer } from './schemas.js';

/** The longest window one request may ask for: a shift change looks back days, not years. */
const MAX_WINDOW_DAYS = 31;

export const changesQuery = z.object({
  since: isoInstant,
  until: isoInstant.optional(),
  visitor: z.enum(['0', '1']).optional(),
  limit: intString(1, 100).optional(),
});

export function wallRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  const summary =
    'What changed between since and until (shift change): listings, rising signals, newly overdue inspections, checkpoint cases, flagged check-ins; visitor=1 leaves out names of people and sites';
  app.get('/changes', describe({ summary, tags: ['overview'], response: changesAnswer }), requireRole('wall', 'office', 'admin'), query(changesQuery), async (c) => {
    const q = c.req.valid('query');
    const since = new Date(q.since);
    const until = q.until ? new Date(q.until) : new Date();
    if (until <= since) throw badRequest('until', 'until must be after since.');
    if (until.getTime() - since.getTime() > MAX_WINDOW_DAYS * 86_400_000) throw badRequest('since', `At most ${MAX_WINDOW_DAYS} days between since and until.`);
    const visitor = q.visitor === '1';
    const changes = await changesBetween(db, { prefix: c.get('user').scopePrefix, since, until, visitor, limit: q.limit ?? 12 });
    return json(c, changesAnswer, { since: since.toISOString(), until: until.toISOString(), visitor, ...changes });
  });
  return app;
}
