/** GET /{id} for an inspected target (firm or venue): details, recent inspections and the next due date. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Queryable } from 'db';
import { nextDueDate } from 'domain/inspection';
import type { AppEnv } from '../http/env.js';
import { intString, parseParams } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { inspectionsOf, type InspectedKind } from './repository.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });

type Finder = (db: Queryable, id: number, scopePrefix: string) => Promise<Record<string, unknown> | null>;

export function inspectedTargetRoutes(kind: InspectedKind, find: Finder) {
  const app = new Hono<AppEnv>();
  app.get('/:id', async (c) => {
    const { id } = parseParams(c, idParam);
    const row = await find(c.var.reads, id, c.get('user').scopePrefix);
    if (!row) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    const inspections = await inspectionsOf(c.var.reads, kind, id);
    return c.json({ ...row, lastInspection: inspections[0] ?? null, nextDue: nextDueDate(inspections[0]?.inspectedOn ?? null, Number(row.inspectionEveryDays)), inspections });
  });
  return app;
}
