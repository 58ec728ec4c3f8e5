/**
 * /api/listings: parse (zod), call ListingService, format. Reads are scoped to the user's jurisdiction and may be
 * taken as of any date; writes need the office or admin role and are refused by the rules with a problem that
 * names the rule (see service.ts refusalProblem).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { scopePrefix } from 'domain/codes';
import { CATEGORIES, CONDITIONS, GRADES, STATUSES } from 'domain/listing';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { areaCode, asOfParam, intString, isoDate, parseBody, parseParams, parseQuery } from '../http/params.js';
import { listingsCsv, listingsXlsx } from './export.js';
import { ListingService } from './service.js';

const filterQuery = z.object({
  as_of: asOfParam,
  grade: z.enum(GRADES).optional(),
  status: z.enum([...STATUSES, 'active']).optional(),
  area: areaCode.optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
const categories = z.array(z.enum(CATEGORIES)).min(1, 'needs at least one of the seven categories');
const onField = isoDate.optional();

const listBody = z.object({
  area_code: areaCode,
  grade: z.enum(GRADES),
  categories,
  listed_on: isoDate.optional(),
  term_ends_on: isoDate.optional(),
});
const assessBody = z.object({
  assessed_on: isoDate.optional(),
  conditions: z.object(Object.fromEntries(CONDITIONS.map((c) => [c, z.boolean()])) as Record<(typeof CONDITIONS)[number], z.ZodBoolean>).strict(),
  notes: z.partialRecord(z.enum(CONDITIONS), z.string().max(2000)).optional(),
});
const decisionBody = z.object({ on: onField });
const downgradeBody = z.object({ on: onField, grade: z.enum(GRADES) });
const relistBody = z.object({ on: onField, grade: z.enum(GRADES), categories: categories.optional(), reason: z.string().max(2000).optional() });

export function listingRoutes(deps: AppDeps, opts: { today?: () => string } = {}): Hono<AppEnv> {
  const svc = new ListingService(deps.db, opts);
  const app = new Hono<AppEnv>();
  const writer = requireRole('office', 'admin');

  const search = (c: Context<AppEnv>) => {
    const q = parseQuery(c, filterQuery);
    const asOf = q.as_of ?? svc.today();
    return { q, asOf, rows: svc.search(c.get('user'), { asOf, grade: q.grade, status: q.status, areaPrefix: q.area && scopePrefix(q.area) }, c.var.reads) };
  };

  app.get('/', async (c) => {
    const { asOf, rows } = search(c);
    const listings = await rows;
    return c.json({ as_of: asOf, count: listings.length, listings });
  });

  app.get('/due', async (c) => {
    const q = parseQuery(c, z.object({ as_of: asOfParam, within_days: intString(0, 3660).optional() }));
    const asOf = q.as_of ?? svc.today();
    const withinDays = q.within_days ?? 30;
    const items = await svc.due(c.get('user'), asOf, withinDays);
    return c.json({ as_of: asOf, within_days: withinDays, count: items.length, items });
  });

  app.get('/export.csv', async (c) => {
    const { q, asOf, rows } = search(c);
    const body = listingsCsv(await rows, q.lang ?? 'zh');
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="listings-${asOf}.csv"`,
    });
  });

  app.get('/export.xlsx', async (c) => {
    const { q, asOf, rows } = search(c);
    const bytes = await listingsXlsx(await rows, q.lang ?? 'zh', asOf);
    return c.body(bytes as unknown as ArrayBuffer, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="listings-${asOf}.xlsx"`,
    });
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const { id } = parseParams(c, idParam);
    const q = parseQuery(c, z.object({ as_of: asOfParam }));
    return c.json(await svc.detail(c.get('user'), id, q.as_of ?? svc.today(), c.var.reads));
  });

  app.get('/:id{[0-9]+}/outline', async (c) => {
    const { id } = parseParams(c, idParam);
    c.header('Content-Type', 'application/geo+json');
    return c.body(JSON.stringify(await svc.outline(c.get('user'), id)));
  });

  app.post('/', writer, async (c) => {
    const b = await parseBody(c, listBody);
    const out = await svc.list(c.get('user'), {
      areaCode: b.area_code, grade: b.grade, categories: b.categories, listedOn: b.listed_on ?? svc.today(), termEndsOn: b.term_ends_on,
    });
    return c.json(out, 201);
  });

  app.post('/:id{[0-9]+}/assessments', writer, async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, assessBody);
    return c.json(await svc.assess(c.get('user'), id, { assessedOn: b.assessed_on ?? svc.today(), conditions: b.conditions, notes: b.notes }), 201);
  });

  app.post('/:id{[0-9]+}/extend', writer, async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, decisionBody);
    return c.json(await svc.extend(c.get('user'), id, b.on ?? svc.today()));
  });

  app.post('/:id{[0-9]+}/downgrade', writer, async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, downgradeBody);
    return c.json(await svc.downgrade(c.get('user'), id, b.on ?? svc.today(), b.grade));
  });

  app.post('/:id{[0-9]+}/delist', writer, async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, decisionBody);
    return c.json(await svc.delist(c.get('user'), id, b.on ?? svc.today()));
  });

  app.post('/:id{[0-9]+}/relist', writer, async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, relistBody);
    return c.json(await svc.relist(c.get('user'), id, { on: b.on ?? svc.today(), grade: b.grade, categories: b.categories, reason: b.reason }), 201);
  });

  return app;
}
