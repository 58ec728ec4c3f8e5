/** GET /api/firms/{id} and GET /api/venues/{id}: details with recent inspections and the next due date. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/env.js';
import { intString, parseParams } from '../http/params.js';
import { notFound } from '../http/problem.js';
import { findFirm, findVenue, inspectionsOf, nextDue, type InspectedKind } from './repository.js';

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });

function inspectedRoutes({ db }: AppDeps, kind: InspectedKind) {
  const app = new Hono<AppEnv>();
  app.get('/:id', async (c) => {
    const { id } = parseParams(c, idParam);
    const row = kind === 'firm' ? await findFirm(db, id, c.get('user').scopePrefix) : await findVenue(db, id, c.get('user').scopePrefix);
    if (!row) throw notFound(`There is no ${kind} ${id} in your jurisdiction.`, 'id');
    const inspections = await inspectionsOf(db, kind, id);
    const due = nextDue(inspections[0]?.inspectedOn ?? null, Number(row.inspectionEveryDays));
    return c.json({ ...row, lastInspection: inspections[0] ?? null, nextDue: due, inspections });
  });
  return app;
}

export const firmRoutes = (deps: AppDeps) => inspectedRoutes(deps, 'firm');
export const venueRoutes = (deps: AppDeps) => inspectedRoutes(deps, 'venue');
