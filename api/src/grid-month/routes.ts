/**
 * /api/grid-months: the grid officer's monthly figures and the office's view of who reported.
 *   GET  /mine?month=YYYY-MM                       the officer's grids: figures on file (with version), last month's, report, draft
 *   PUT  /:grid/:month/draft                        save a draft (counts may be missing)
 *   POST /:grid/:month/submissions                  submit: {submission_id, base_version, figures, confirm_warnings}
 *   PUT  /:grid/:month                              office correction: {base_version, figures, reason}
 *   GET  /status?month=YYYY-MM                      office: reported grids, and the reminder list of those that have not
 * Request bodies name counts as grid_month's columns (under_control, …); answers use camelCase like the other routes.
 * The month to report is the current month in China (UTC+8); the previous one may still be sent late.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { FIELD_PARAM, FIGURE_FIELDS, monthStart, previousMonth } from 'domain/figures';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { limitParam, parseBody, parseParams, parseQuery } from '../http/params.js';
import { badRequest, ProblemError } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import { officerForms, reportingStatus } from './repository.js';
import { correctFigures, saveFiguresDraft, submitFigures } from './service.js';

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const gridParam = z.string().regex(/^[1-9]\d{14}$/, 'must be a 15-digit grid code');
const pathParams = z.object({ grid: gridParam, month: monthParam });
const version = z.number().int().min(0).max(2 ** 31 - 1);
/** Counts stay `unknown` here: domain/figures words what is wrong with each (negative, not whole, …). */
const figuresBody = z.object(Object.fromEntries(FIGURE_FIELDS.map((f) => [FIELD_PARAM[f], z.unknown().optional()]))).strict();

export const submitBody = z.object({
  submission_id: z.uuid('must be a UUID made by the client for this form'),
  base_version: version,
  figures: figuresBody,
  confirm_warnings: z.boolean().optional().default(false),
});
export const draftBody = z.object({ base_version: version, figures: figuresBody });
export const correctBody = z.object({ base_version: version, figures: figuresBody, reason: z.string().trim().min(1, 'say why the office changes the figures').max(2000) });
export const mineQuery = z.object({ month: monthParam.optional() });
export const statusQuery = z.object({ month: monthParam.optional(), limit: limitParam(500, 10_000) });

/** Body (snake_case) → the domain's camelCase keys. */
const fromBody = (f: Record<string, unknown>) => Object.fromEntries(FIGURE_FIELDS.map((k) => [k, f[FIELD_PARAM[k]]]));

export function gridMonthRoutes({ db }: AppDeps, opts: { today?: () => string } = {}): Hono<AppEnv> {
  const today = opts.today ?? chinaToday;
  const app = new Hono<AppEnv>();
  // The officer's routes read their input before the role: a malformed request is a 400 whoever sends it.
  const onlyOfficer = (c: Context<AppEnv>) => {
    if (c.get('user').role !== 'grid_officer') throw new ProblemError(403, 'Forbidden', { detail: 'Only grid officers report figures for their grids.' });
  };
  const office = requireRole('office', 'admin');

  /** The months an officer may report: this one, and last one late. */
  const openMonths = () => {
    const current = today().slice(0, 7);
    return [current, previousMonth(current)];
  };
  const reportable = (month: string) => {
    if (!openMonths().includes(month)) throw badRequest('month', `Figures can be reported for ${openMonths().join(' or ')}, not ${month}.`);
  };

  app.get('/mine', async (c) => {
    const months = openMonths();
    const q = parseQuery(c, mineQuery);
    onlyOfficer(c);
    const month = q.month ?? months[0]!;
    const grids = await officerForms(db, c.get('user').id, monthStart(month), monthStart(previousMonth(month)));
    return c.json({ month, months, grids });
  });

  app.put('/:grid/:month/draft', async (c) => {
    const p = parseParams(c, pathParams);
    const b = await parseBody(c, draftBody);
    onlyOfficer(c);
    reportable(p.month);
    return c.json(await saveFiguresDraft(db, c.get('user'), { gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures) }));
  });

  app.post('/:grid/:month/submissions', async (c) => {
    const p = parseParams(c, pathParams);
    const b = await parseBody(c, submitBody);
    onlyOfficer(c);
    reportable(p.month);
    const r = await submitFigures(db, c.get('user'), {
      submissionId: b.submission_id, gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures), confirmWarnings: b.confirm_warnings,
    });
    return c.json(r, r.replayed ? 200 : 201);
  });

  app.put('/:grid/:month', office, async (c) => {
    const p = parseParams(c, pathParams);
    const b = await parseBody(c, correctBody);
    return c.json(await correctFigures(db, c.get('user'), { gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures), reason: b.reason }));
  });

  app.get('/status', office, async (c) => {
    const q = parseQuery(c, statusQuery);
    const month = q.month ?? openMonths()[0]!;
    const rows = await reportingStatus(db, c.get('user').scopePrefix, monthStart(month));
    const reported = rows.filter((r) => r.submittedAt);
    const missing = rows.filter((r) => !r.submittedAt);
    return c.json({
      month,
      total: rows.length,
      reportedCount: reported.length,
      notReportedCount: missing.length,
      // The reminder list first: who still has to report, with who walks the grid and how to reach them.
      notReported: missing.slice(0, q.limit).map(({ submittedAt: _, ...r }) => r),
      reported: reported.slice(0, q.limit).map(({ officers: _, ...r }) => r),
      truncated: missing.length > q.limit || reported.length > q.limit,
    });
  });

  return app;
}
