/** GET /api/checkpoints/{id} and /api/checkpoints/{id}/days?days=30 — a checkpoint and its daily figures. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { intString, parseParams, parseQuery } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { checkpointDays, findCheckpoint } from './repository.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
export const daysQuery = z.object({ days: intString(1, 366).optional().transform((v) => v ?? 30) });

export function checkpointRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:id', async (c) => {
    const { id } = parseParams(c, idParam);
    const cp = await findCheckpoint(db, id, c.get('user').scopePrefix);
    if (!cp) throw notFound(`There is no checkpoint ${id} in your jurisdiction.`, 'id');
    return c.json(cp);
  });
  app.get('/:id/days', async (c) => {
    const { id } = parseParams(c, idParam);
    const { days } = parseQuery(c, daysQuery);
    const cp = await findCheckpoint(db, id, c.get('user').scopePrefix);
    if (!cp) throw notFound(`There is no checkpoint ${id} in your jurisdiction.`, 'id');
    return c.json({ checkpoint: cp, days: await checkpointDays(db, id, days) });
  });
  return app;
}
