/** GET /api/audit (administrators): the audit log, newest first, by user, action and date; GET /api/audit/actions. */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, query } from '../http/openapi.js';
import { intString, isoDate, limitParam } from '../http/params.js';
import { auditActionsAnswer, auditAnswer } from '../users/schemas.js';
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

  const tags = ['users'];
  app.get('/', describe({ summary: 'The audit log, newest first, by user, action and date (admin)', tags, response: auditAnswer }), query(auditQuery), async (c) => {
    const q = c.req.valid('query');
    const entries = await auditPage(db, c.get('user').scopePrefix, { username: q.user, action: q.action, from: q.from, to: q.to, beforeId: q.before, limit: q.limit });
    const next = entries.length === q.limit ? entries.at(-1)!.id : null;
    return json(c, auditAnswer, { count: entries.length, entries, next });
  });

  const actions = describe({ summary: 'Actions found in the audit log (admin)', tags, response: auditActionsAnswer });
  app.get('/actions', actions, async (c) => json(c, auditActionsAnswer, { actions: await auditActions(db) }));
  return app;
}
