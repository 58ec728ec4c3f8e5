/**
 * /api/listings: parse (zod), call ListingService, format. Reads are scoped to the user's jurisdiction and may be
 * taken as of any date; writes need the office or admin role and are refused by the rules with a problem that
 * names the rule (see service.ts refusalProblem).
 */
import { Hono } from 'hono';
import type { Queryable } from 'db';
import { z } from 'zod';
import { scopePrefix } from 'domain/codes';
import { CATEGORIES, CONDITIONS, GRADES, STATUSES } from 'domain/listing';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { areaCode, asOfParam, intString, isoDate } from '../http/params.js';
import { body, describe, json, jsonAs, pathParams, query } from '../http/openapi.js';
import { duePage, listingDetail, listingOutline, listingPage } from './schemas.js';
import { listingsCsv, listingsXlsx } from './export.js';
import { ListingService, type Reader } from './service.js';

export const filterQuery = z.object({
  as_of: asOfParam,
  grade: z.enum(GRADES).optional(),
  status: z.enum([...STATUSES, 'active']).optional(),
  area: areaCode.optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
const categories = z.array(z.enum(CATEGORIES)).min(1, 'needs at least one of the seven categories');
const onField = isoDate.optional();

export const listBody = z.object({
  area_code: areaCode,
  grade: z.enum(GRADES),
  categories,
  listed_on: isoDate.optional(),
  term_ends_on: isoDate.optional(),
});
export const assessBody = z.object({
  assessed_on: isoDate.optional(),
  conditions: z.object(Object.fromEntries(CONDITIONS.map((c) => [c, z.boolean()])) as Record<(typeof CONDITIONS)[number], z.ZodBoolean>).strict(),
  notes: z.partialRecord(z.enum(CONDITIONS), z.string().max(2000)).optional(),
});
export const decisionBody = z.object({ on: onField });
export const downgradeBody = z.object({ on: onField, grade: z.enum(GRADES) });
export const dueQuery = z.object({ as_of: asOfParam, within_days: intString(0, 3660).optional() });
export const detailQuery = z.object({ as_of: asOfParam });
export const relistBody = z.object({ on: onField, grade: z.enum(GRADES), categories: categories.optional(), reason: z.string().max(2000).optional() });

export function listingRoutes(deps: AppDeps, opts: { today?: () => string } = {}): Hono<AppEnv> {
  const svc = new ListingService(deps.db, opts);
  const app = new Hono<AppEnv>();
  const writer = requireRole('office', 'admin');

  const search = (user: Reader, q: z.output<typeof filterQuery>, reads: Queryable) => {
    const asOf = q.as_of ?? svc.today();
    return { asOf, rows: svc.search(user, { asOf, grade: q.grade, status: q.status, areaPrefix: q.area && scopePrefix(q.area) }, reads) };
  };
  const tags = ['listing'];
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  app.get('/', describe({ summary: 'Listings as of a date, filtered by grade, status, area', tags, response: listingPage }), query(filterQuery), async (c) => {
    const { asOf, rows } = search(c.get('user'), c.req.valid('query'), c.var.reads);
    const listings = await rows;
    return json(c, listingPage, { as_of: asOf, count: listings.length, listings });
  });

  app.get('/due', describe({ summary: 'Due work: terms ending soon, assessments overdue, extensions used up', tags, response: duePage }), query(dueQuery), async (c) => {
    const q = c.req.valid('query');
    const asOf = q.as_of ?? svc.today();
    const withinDays = q.within_days ?? 30;
    const items = await svc.due(c.get('user'), asOf, withinDays);
    return json(c, duePage, { as_of: asOf, within_days: withinDays, count: items.length, items });
  });

  app.get('/export.csv', describe({ summary: 'Listings as CSV', tags, response: { media: 'text/csv', schema: { type: 'string' } } }), query(filterQuery), async (c) => {
    const q = c.req.valid('query');
    const { asOf, rows } = search(c.get('user'), q, c.var.reads);
    const body = listingsCsv(await rows, q.lang ?? 'zh');
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="listings-${asOf}.csv"`,
    });
  });

  app.get('/export.xlsx', describe({ summary: 'Listings as Excel', tags, response: { media: XLSX } }), query(filterQuery), async (c) => {
    const q = c.req.valid('query');
    const { asOf, rows } = search(c.get('user'), q, c.var.reads);
    const bytes = await listingsXlsx(await rows, q.lang ?? 'zh', asOf);
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="listings-${asOf}.xlsx"`,
    });
  });

  app.get('/:id{[0-9]+}', describe({ summary: 'A listing with its events and assessments', tags, response: listingDetail }), pathParams(idParam), query(detailQuery), async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return json(c, listingDetail, await svc.detail(c.get('user'), id, q.as_of ?? svc.today(), c.var.reads));
  });

  app.get('/:id{[0-9]+}/outline', describe({ summary: 'The listed area as GeoJSON', tags, response: { media: 'application/geo+json', schema: listingOutline } }), pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    return jsonAs(c, 'application/geo+json', listingOutline, await svc.outline(c.get('user'), id));
  });

  app.post('/', describe({ summary: 'List an area (office/admin)', tags, response: listingDetail, status: 201 }), writer, body(listBody), async (c) => {
    const b = c.req.valid('json');
    const out = await svc.list(c.get('user'), {
      areaCode: b.area_code, grade: b.grade, categories: b.categories, listedOn: b.listed_on ?? svc.today(), termEndsOn: b.term_ends_on,
    });
    return json(c, listingDetail, out, 201);
  });

  app.post('/:id{[0-9]+}/assessments', describe({ summary: 'Record a yearly assessment', tags, response: listingDetail, status: 201 }), writer, pathParams(idParam), body(assessBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return json(c, listingDetail, await svc.assess(c.get('user'), id, { assessedOn: b.assessed_on ?? svc.today(), conditions: b.conditions, notes: b.notes }), 201);
  });

  app.post('/:id{[0-9]+}/extend', describe({ summary: 'Extend the term (once)', tags, response: listingDetail }), writer, pathParams(idParam), body(decisionBody), async (c) => {
    const { id } = c.req.valid('param');
    return json(c, listingDetail, await svc.extend(c.get('user'), id, c.req.valid('json').on ?? svc.today()));
  });

  app.post('/:id{[0-9]+}/downgrade', describe({ summary: 'Downgrade the grade', tags, response: listingDetail }), writer, pathParams(idParam), body(downgradeBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return json(c, listingDetail, await svc.downgrade(c.get('user'), id, b.on ?? svc.today(), b.grade));
  });

  app.post('/:id{[0-9]+}/delist', describe({ summary: 'Delist (409 with the unmet conditions unless all six are met)', tags, response: listingDetail, also: { '409': 'Refused by the listing rules (problem details)' } }), writer, pathParams(idParam), body(decisionBody), async (c) => {
    const { id } = c.req.valid('param');
    return json(c, listingDetail, await svc.delist(c.get('user'), id, c.req.valid('json').on ?? svc.today()));
  });

  app.post('/:id{[0-9]+}/relist', describe({ summary: 'Relist after a rebound', tags, response: listingDetail, status: 201 }), writer, pathParams(idParam), body(relistBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return json(c, listingDetail, await svc.relist(c.get('user'), id, { on: b.on ?? svc.today(), grade: b.grade, categories: b.categories, reason: b.reason }), 201);
  });

  return app;
}
