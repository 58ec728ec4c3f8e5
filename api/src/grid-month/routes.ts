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
import { body, describe, json, pathParams, query } from '../http/openapi.js';
import { isoMonth, limitParam } from '../http/params.js';
import { badRequest, ProblemError } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import { officerForms, reportingStatus } from './repository.js';
import { correctionAnswer, draftAnswer, formsAnswer, statusAnswer, submitAnswer } from './schemas.js';
import { correctFigures, saveFiguresDraft, submitFigures } from './service.js';

const monthParam = isoMonth.meta({ example: '2026-11' });
const gridParam = z.string().regex(/^[1-9]\d{14}$/, 'must be a 15-digit grid code').meta({ example: '438002001001001' });
const gridMonth = z.object({ grid: gridParam, month: monthParam });
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

  const tags = ['grid'];
  const formSummary = "A grid officer's monthly figures form: per grid the month's counts on file with their version, last month's, whether reported, the draft";
  app.get('/mine', describe({ summary: formSummary, tags, response: formsAnswer }), query(mineQuery), async (c) => {
    const months = openMonths();
    const q = c.req.valid('query');
    onlyOfficer(c);
    const month = q.month ?? months[0]!;
    const grids = await officerForms(db, c.get('user').id, monthStart(month), monthStart(previousMonth(month)));
    return json(c, formsAnswer, { month, months, grids });
  });

  const draft = 'Save a draft of the figures (grid officer; counts may be missing; audited)';
  app.put('/:grid/:month/draft', describe({ summary: draft, tags, response: draftAnswer }), pathParams(gridMonth), body(draftBody), async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    onlyOfficer(c);
    reportable(p.month);
    return json(c, draftAnswer, await saveFiguresDraft(db, c.get('user'), { gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures) }));
  });

  const submit = "Submit a grid's figures for a month (grid officer; counted once per submission_id: 200 when already counted; 409 with both sides when base_version is stale; audited)";
  const refusals = { '409': 'Changed meanwhile: both sides (problem details)', '422': 'Refused figures, or warnings to confirm (problem details)' };
  app.post('/:grid/:month/submissions', describe({ summary: submit, tags, response: submitAnswer, status: 201, also: refusals }), pathParams(gridMonth), body(submitBody), async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    onlyOfficer(c);
    reportable(p.month);
    const r = await submitFigures(db, c.get('user'), {
      submissionId: b.submission_id, gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures), confirmWarnings: b.confirm_warnings,
    });
    return json(c, submitAnswer, r, r.replayed ? 200 : 201);
  });

  const correct = "Office correction of a grid's figures (office/admin; version checked; audited)";
  app.put('/:grid/:month', describe({ summary: correct, tags, response: correctionAnswer, also: refusals }), office, pathParams(gridMonth), body(correctBody), async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    return json(c, correctionAnswer, await correctFigures(db, c.get('user'), { gridCode: p.grid, month: p.month, baseVersion: b.base_version, figures: fromBody(b.figures), reason: b.reason }));
  });

  const status = 'Which grids have reported a month, and the reminder list of those that have not (office/admin)';
  app.get('/status', describe({ summary: status, tags, response: statusAnswer }), office, query(statusQuery), async (c) => {
    const q = c.req.valid('query');
    const month = q.month ?? openMonths()[0]!;
    const rows = await reportingStatus(db, c.get('user').scopePrefix, monthStart(month));
    const reported = rows.filter((r) => r.submittedAt);
    const missing = rows.filter((r) => !r.submittedAt);
    return json(c, statusAnswer, {
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
