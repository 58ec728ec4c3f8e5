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
import { body, describe, json, pathParams } from '../http/openapi.js';
import { intString } from '../http/params.js';
import { notFound, ProblemError } from '../http/problem.js';
import { setOpeningHours } from './opening-hours.js';
import { inspectionsOf, type InspectedKind } from './repository.js';
import { hoursAnswer, type InspectionRow } from './schemas.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
export const hoursBody = z.object({ opening_hours: z.string().max(MAX_OPENING_HOURS_LENGTH).nullable() });
type Writer = { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> };

type Row = { inspectionEveryDays: number };
type Finder<R extends Row> = (db: Queryable, id: number, scopePrefix: string) => Promise<R | null>;
/** The answer's schema: the finder's row with the inspections added. */
type Answer<R extends Row> = z.ZodType<unknown, R & { lastInspection: InspectionRow | null; nextDue: string; inspections: InspectionRow[] }>;

const TITLE = { firm: 'A precursor-chemical firm', venue: 'A key venue' } as const;

export function inspectedTargetRoutes<R extends Row>(db: Queryable & Writer, kind: InspectedKind, find: Finder<R>, answer: Answer<R>) {
  const app = new Hono<AppEnv>();
  const tags = [kind];
  app.get('/:id', describe({ summary: `${TITLE[kind]} with its inspections and next due date`, tags, response: answer }), pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    const row = await find(c.var.reads, id, c.get('user').scopePrefix);
    if (!row) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    const inspections = await inspectionsOf(c.var.reads, kind, id);
    return json(c, answer, { ...row, lastInspection: inspections[0] ?? null, nextDue: nextDueDate(inspections[0]?.inspectedOn ?? null, Number(row.inspectionEveryDays)), inspections });
  });
  const hours = describe({ summary: `Set or clear the opening hours of a ${kind} (office/admin; audited)`, tags, response: hoursAnswer });
  app.put('/:id/opening-hours', hours, requireRole('office', 'admin'), pathParams(idParam), body(hoursBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    let canonical: string | null = null;
    if (b.opening_hours !== null && b.opening_hours.trim() !== '') {
      const parsed = parseOpeningHours(b.opening_hours);
      // `rule` and `at` let the page word the error from its catalogue (web/src/patrol/i18n: hoursError.*).
      if (!parsed.ok) throw new ProblemError(400, 'Invalid parameter', { param: 'opening_hours', rule: parsed.error, at: parsed.at, detail: `opening_hours: cannot read "${parsed.at}" (${parsed.error}).` });
      canonical = parsed.canonical;
    }
    if (!(await setOpeningHours(db, c.get('user'), kind, id, canonical))) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    return json(c, hoursAnswer, { id, openingHours: canonical });
  });
  return app;
}
