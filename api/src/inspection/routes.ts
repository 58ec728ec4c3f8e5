/**
 * GET /{id} for an inspected target (firm or venue): details, recent inspections and the next due date.
 * PUT /{id}/opening-hours (office, admin): the opening hours the patrol plan respects; null clears them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Queryable } from 'db';
import { nextDueDate } from 'domain/inspection';
import { MAX_OPENING_HOURS_LENGTH, parseOpeningHours } from 'domain/patrol';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../http/env.js';
import { intString, parseBody, parseParams } from '../http/params.js';
import { notFound, ProblemError } from '../http/problem.js';
import { setOpeningHours } from './opening-hours.js';
import { inspectionsOf, type InspectedKind } from './repository.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
export const hoursBody = z.object({ opening_hours: z.string().max(MAX_OPENING_HOURS_LENGTH).nullable() }).strict();
type Writer = { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> };

type Finder = (db: Queryable, id: number, scopePrefix: string) => Promise<Record<string, unknown> | null>;

export function inspectedTargetRoutes(db: Queryable & Writer, kind: InspectedKind, find: Finder) {
  const app = new Hono<AppEnv>();
  app.get('/:id', async (c) => {
    const { id } = parseParams(c, idParam);
    const row = await find(c.var.reads, id, c.get('user').scopePrefix);
    if (!row) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    const inspections = await inspectionsOf(c.var.reads, kind, id);
    return c.json({ ...row, lastInspection: inspections[0] ?? null, nextDue: nextDueDate(inspections[0]?.inspectedOn ?? null, Number(row.inspectionEveryDays)), inspections });
  });
  app.put('/:id/opening-hours', requireRole('office', 'admin'), async (c) => {
    const { id } = parseParams(c, idParam);
    const body = await parseBody(c, hoursBody);
    let canonical: string | null = null;
    if (body.opening_hours !== null && body.opening_hours.trim() !== '') {
      const parsed = parseOpeningHours(body.opening_hours);
      // `rule` and `at` let the page word the error from its catalogue (web/src/patrol/i18n: hoursError.*).
      if (!parsed.ok) throw new ProblemError(400, 'Invalid parameter', { param: 'opening_hours', rule: parsed.error, at: parsed.at, detail: `opening_hours: cannot read "${parsed.at}" (${parsed.error}).` });
      canonical = parsed.canonical;
    }
    if (!(await setOpeningHours(db, c.get('user'), kind, id, canonical))) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    return c.json({ id, openingHours: canonical });
  });
  return app;
}
