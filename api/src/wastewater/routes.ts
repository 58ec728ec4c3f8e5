/**
 * /api/wastewater: sites, site and area series, area signals, rising signals, divergent areas, lab-file import and
 * recompute.
 * Handlers parse (zod), call repository.ts / import/service.ts, and format; reads are limited to the user's
 * jurisdiction, writes need office or admin and are audited.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { chinaToday } from 'domain/time';
import { INDEX_SUBSTANCE, SUBSTANCES } from 'domain/wastewater';
import { recordAudit } from '../audit/audit.js';
import { requireRole } from '../auth/middleware.js';
import type { Queryable } from 'db';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, pathParams, query } from '../http/openapi.js';
import { areaCode, isoDate, limitParam, parseBody } from '../http/params.js';
import { ProblemError, notFound } from '../http/problem.js';
import { FormatError } from 'geodata/formats';
import { ImportRejected, importLabFile } from './import/service.js';
import {
  DEFAULT_WINDOW_WEEKS, areaSeries, areaSignals, divergentSignals, findArea, findSite, listSites, recomputeAll, risingSignals, siteSeries,
  type SeriesQuery, type SignalSubstance,
} from './repository.js';
import {
  areaSeriesAnswer, areaSignalsAnswer, divergentAnswer, labImportReport, recomputeAnswer, risingAnswer, siteSeriesAnswer, sitesAnswer,
} from './schemas.js';

const substanceParam = z.enum([...SUBSTANCES, INDEX_SUBSTANCE] as [SignalSubstance, ...SignalSubstance[]]);
const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');
const windowParam = z.string().regex(/^\d{1,3}$/, 'must be a whole number of weeks').transform(Number).pipe(z.number().int().min(4).max(156));

export const divergentQuery = z.object({ level: z.enum(['township', 'county', 'city', 'province', 'all']).default('all'), limit: limitParam(50, 1000) });

export const seriesQuery = z
  .object({
    substance: substanceParam.default(INDEX_SUBSTANCE),
    period: z.enum(['week', 'month']).default('week'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    window_weeks: windowParam.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** Default range: two years back from the latest sample. */
function seriesRange(q: z.infer<typeof seriesQuery>, latest: string | null): SeriesQuery {
  const to = q.to ?? latest ?? chinaToday();
  const from = q.from ?? new Date(Date.parse(to) - 2 * 365 * 86400e3).toISOString().slice(0, 10);
  return { substance: q.substance, period: q.period, from, to, windowWeeks: q.window_weeks ?? DEFAULT_WINDOW_WEEKS };
}

export const sitesQuery = z.object({ substance: substanceParam.default(INDEX_SUBSTANCE) });
export const risingQuery = z.object({
  substance: substanceParam.optional(),
  level: z.enum(['township', 'county', 'city', 'province', 'all']).default('all'),
  limit: limitParam(50, 1000),
});
export const recomputeBody = z.object({ as_of: isoDate.optional(), window_weeks: z.number().int().min(4).max(156).optional() });
export const importQuery = z.object({
  dry_run: flag,
  accept_skipping: flag,
  encoding: z.enum(['gbk', 'utf-8']).optional(),
  lab: z.string().min(1).max(200).optional(),
  filename: z.string().min(1).max(255).optional(),
});

const codeParam = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, 'must be a site code').transform((s) => s.toUpperCase()).meta({ example: 'WWTP-0001' }) });
const areaParam = z.object({ code: areaCode.meta({ description: 'statistical division code (2–12 digits)', example: '430000000000' }) });
const tags = ['wastewater'];

export function wastewaterRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();

  const latestDay = async (reads: Queryable) => {
    const [r] = await reads.query<{ d: string | null }>(`SELECT (max(sampled_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS d FROM wastewater_sample`);
    return r?.d ?? null;
  };

  app.get('/sites', describe({ summary: 'Wastewater sampling sites', tags, response: sitesAnswer }), query(sitesQuery), async (c) => {
    const q = c.req.valid('query');
    const sites = await listSites(c.var.reads, c.get('user').scopePrefix, q.substance);
    return json(c, sitesAnswer, { substance: q.substance, unit: 'mg/day/1000 inhabitants', sites });
  });

  app.get('/sites/:code/series', describe({ summary: 'Loads of a site per substance, with LOQ flags and trend', tags, response: siteSeriesAnswer }), pathParams(codeParam), query(seriesQuery), async (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const reads = c.var.reads;
    const site = await findSite(reads, code, c.get('user').scopePrefix);
    if (!site) throw notFound(`No sampling site ${code} in your jurisdiction.`, 'code');
    const series = await siteSeries(reads, site.id, seriesRange(q, await latestDay(reads)));
    return json(c, siteSeriesAnswer, { site: { code: site.code, name: site.name, kind: site.kind, populationServed: site.population_served }, ...series });
  });

  app.get('/areas/:code/series', describe({ summary: 'Population-weighted load series of an area', tags, response: areaSeriesAnswer }), pathParams(areaParam), query(seriesQuery), async (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    const reads = c.var.reads;
    const area = await findArea(reads, code, c.get('user').scopePrefix);
    if (!area) throw notFound(`No area ${code} in your jurisdiction.`, 'code');
    const signal = (await areaSignals(reads, area.code)).find((s) => s.substance === q.substance) ?? null;
    const series = await areaSeries(reads, area.code, seriesRange(q, await latestDay(reads)), signal);
    return json(c, areaSeriesAnswer, { area, ...series, signal });
  });

  app.get('/areas/:code/signals', describe({ summary: 'Trends per substance of an area, with confidence', tags, response: areaSignalsAnswer }), pathParams(areaParam), async (c) => {
    const { code } = c.req.valid('param');
    const area = await findArea(c.var.reads, code, c.get('user').scopePrefix);
    if (!area) throw notFound(`No area ${code} in your jurisdiction.`, 'code');
    return json(c, areaSignalsAnswer, { area, signals: await areaSignals(c.var.reads, area.code) });
  });

  app.get('/rising', describe({ summary: 'Rising signals, significant first, with upstream tracing sites', tags, response: risingAnswer }), query(risingQuery), async (c) => {
    const q = c.req.valid('query');
    const levels = q.level === 'all' ? ['township', 'county', 'city', 'province'] : [q.level];
    const signals = await risingSignals(c.var.reads, c.get('user').scopePrefix, { substance: q.substance ?? null, levels, limit: q.limit });
    return json(c, risingAnswer, { signals });
  });

  /** Areas whose drug index rises significantly while enforcement there falls (divergence.ts), for the office. */
  app.get('/divergent', describe({ summary: 'Areas whose drug index rises significantly while enforcement there falls', tags, response: divergentAnswer }), query(divergentQuery), async (c) => {
    const q = c.req.valid('query');
    const levels = q.level === 'all' ? ['township', 'county', 'city', 'province'] : [q.level];
    return json(c, divergentAnswer, { signals: await divergentSignals(c.var.reads, c.get('user').scopePrefix, { levels, limit: q.limit }) });
  });

  // The body is optional, so the route reads it itself (only when one is sent as JSON).
  const recompute = describe({ summary: 'Recompute area series and trends (office/admin); the body is optional', tags, response: recomputeAnswer, body: recomputeBody, bodyOptional: true });
  app.post('/recompute', recompute, requireRole('office', 'admin'), async (c) => {
    const hasBody = (c.req.header('content-type') ?? '').includes('json');
    const body = hasBody ? await parseBody(c, recomputeBody) : {};
    const user = c.get('user');
    const result = await db.transaction(async (tx) => {
      const r = await recomputeAll(tx, { asOf: body.as_of, windowWeeks: body.window_weeks });
      await recordAudit(tx, user, { action: 'recompute', entity: 'area_signal', entityId: null, detail: { asOf: r.asOf, windowWeeks: r.windowWeeks, areas: r.areas, ms: r.ms } });
      return r;
    });
    return json(c, recomputeAnswer, result);
  });

  /**
   * POST /imports?dry_run=1[&accept_skipping=1][&encoding=gbk|utf-8][&lab=...][&filename=...]
   * Body: multipart/form-data with a `file` field, or the raw file (text/csv, application/vnd.openxml…, octet-stream).
   */
  const labImport = describe({
    summary: 'Import lab results from CSV or Excel (dry run lists every row problem); 201 when rows were imported',
    tags, upload: true, response: labImportReport, also: { '201': 'Rows imported (the same report)' },
  });
  app.post('/imports', labImport, requireRole('office', 'admin'), query(importQuery), async (c) => {
    const q = c.req.valid('query');
    let bytes: Uint8Array;
    let filename = q.filename ?? 'upload.csv';
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.formData().catch((err: unknown) => {
        if ((err as { status?: number }).status === 413 || err instanceof ProblemError) throw err; // the upload limit
        throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'The multipart/form-data body is malformed.' });
      });
      const file = form.get('file');
      if (!file || typeof file === 'string') throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'Send the lab file in a form field named "file".' });
      bytes = new Uint8Array(await file.arrayBuffer());
      filename = q.filename ?? (file.name || filename);
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    }
    if (!bytes.length) throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'The file is empty.' });
    if (bytes.length > deps.config.importMaxBytes) {
      throw new ProblemError(413, 'File too large', { param: 'file', detail: `Lab files are limited to ${deps.config.importMaxBytes} bytes.` });
    }
    try {
      const report = await importLabFile(db, c.get('user'), bytes, {
        dryRun: q.dry_run, acceptSkipping: q.accept_skipping, filename, encoding: q.encoding, defaultLab: q.lab,
      });
      return json(c, labImportReport, report, report.rowsImported > 0 ? 201 : 200);
    } catch (err) {
      if (err instanceof FormatError) throw new ProblemError(400, 'Unreadable file', { param: 'file', detail: err.message });
      if (err instanceof ImportRejected) {
        const first = err.report.problems[0];
        throw new ProblemError(400, 'The file has problems; nothing was imported', {
          param: 'file',
          detail: `${err.report.problems.length} problem(s)${first ? `, first at row ${first.row}, column ${first.column ?? '-'}: ${first.message}` : ''}. Fix the file, or send accept_skipping=1 to import only the good rows.`,
          report: err.report,
        });
      }
      throw err;
    }
  });

  return app;
}
