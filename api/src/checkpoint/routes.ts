/** GET /api/checkpoints/{id} and /api/checkpoints/{id}/days?days=30 — a checkpoint and its daily figures. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, pathParams, query } from '../http/openapi.js';
import { intString } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { checkpointDays, findCheckpoint } from './repository.js';
import { checkpointDays as daysAnswer, checkpointRow } from './schemas.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
export const daysQuery = z.object({ days: intString(1, 366).optional().transform((v) => v ?? 30) });
const tags = ['checkpoint'];

export function checkpointRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/:id', describe({ summary: 'A checkpoint', tags, response: checkpointRow }), pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    const cp = await findCheckpoint(c.var.reads, id, c.get('user').scopePrefix);
    if (!cp) throw notFound(`There is no checkpoint ${id} in your jurisdiction.`, 'id');
    return json(c, checkpointRow, cp);
  });
  app.get('/:id/days', describe({ summary: 'Daily figures of a checkpoint', tags, response: daysAnswer }), pathParams(idParam), query(daysQuery), async (c) => {
    const { id } = c.req.valid('param');
    const { days } = c.req.valid('query');
    const cp = await findCheckpoint(c.var.reads, id, c.get('user').scopePrefix);
    if (!cp) throw notFound(`There is no checkpoint ${id} in your jurisdiction.`, 'id');
    return json(c, daysAnswer, { checkpoint: cp, days: await checkpointDays(c.var.reads, id, days) });
  });
  return app;
}
