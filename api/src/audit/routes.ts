/** GET /api/audit (administrators): the audit log, newest first, by user, action and date; GET /api/audit/actions. */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { intString, isoDate, limitParam, parseQuery } from '../http/params.js';
import { auditActions, auditPage } from './repository.js';

export const auditQuery = z
  .object({
    user: z.string().min(1).max(64).optional(),
    action: z.string().min(1).max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    before: intString(1, 2 ** 53 - 1).optional(),
    limit: limitParam(100, 500),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export function auditRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin'));

  app.get('/', async (c) => {
    const q = parseQuery(c, auditQuery);
    const entries = await auditPage(db, c.get('user').scopePrefix, { username: q.user, action: q.action, from: q.from, to: q.to, beforeId: q.before, limit: q.limit });
    const next = entries.length === q.limit ? entries.at(-1)!.id : null;
    return c.json({ count: entries.length, entries, next });
  });

  app.get('/actions', async (c) => c.json({ actions: await auditActions(db) }));
  return app;
}
