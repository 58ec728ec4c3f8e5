/**
 * /api/wastewater/imports: lab files.
 *   POST /imports?dry_run=1[&accept_skipping=1][&encoding=gbk|utf-8][&lab=...][&filename=...][&async=1]
 *        multipart/form-data with a `file` field, or the raw file (text/csv, application/vnd.openxml…, octet-stream)
 *        → the report (201 imported, 200 dry run or unchanged), or 400 with it when the file has problems.
 *        async=1: 202 at once with the job (Location: /api/wastewater/imports/{id}); the import, its write and the
 *        recompute of the drug signals run behind it, and the page polls for progress and an estimate.
 *   GET  /imports/{id}   the job: state, progress (phase, fraction, ETA), the report once finished
 * Jobs are this process's (imports/jobs.ts), per user; the lasting record is wastewater_import and the audit log.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { FormatError } from 'geodata/formats';
import { requireRole } from '../../auth/middleware.js';
import type { AppDeps, AppEnv } from '../../http/env.js';
import { describe, json, pathParams, query } from '../../http/openapi.js';
import { ProblemError } from '../../http/problem.js';
import { ImportJobs, jobView } from '../../imports/jobs.js';
import { jobOf } from '../../imports/schemas.js';
import { labImportReport } from '../schemas.js';
import { ImportRejected, importLabFile, type ImportReport } from './service.js';

const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');

export const importQuery = z.object({
  dry_run: flag,
  accept_skipping: flag,
  encoding: z.enum(['gbk', 'utf-8']).optional(),
  lab: z.string().min(1).max(200).optional(),
  filename: z.string().min(1).max(255).optional(),
  async: flag,
});

/** A refused or unreadable file as the problem the client gets (at once, or as the finished job's error). */
function labImportProblem(err: unknown): ProblemError | null {
  if (err instanceof FormatError) return new ProblemError(400, 'Unreadable file', { param: 'file', detail: err.message });
  if (err instanceof ImportRejected) {
    const first = err.report.problems[0];
    return new ProblemError(400, 'The file has problems; nothing was imported', {
      param: 'file',
      detail: `${err.report.problems.length} problem(s)${first ? `, first at row ${first.row}, column ${first.column ?? '-'}: ${first.message}` : ''}. Fix the file, or send accept_skipping=1 to import only the good rows.`,
      report: err.report,
    });
  }
  return null;
}

/** The file of the request: a multipart `file` field or the raw body, within the configured size. */
async function receiveLabFile(c: Context<AppEnv>, maxBytes: number, named: string | undefined): Promise<{ bytes: Uint8Array; filename: string }> {
  let bytes: Uint8Array;
  let filename = named ?? 'upload.csv';
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch((err: unknown) => {
      if ((err as { status?: number }).status === 413 || err instanceof ProblemError) throw err; // the upload limit
      throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'The multipart/form-data body is malformed.' });
    });
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'Send the lab file in a form field named "file".' });
    bytes = new Uint8Array(await file.arrayBuffer());
    filename = named ?? (file.name || filename);
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  }
  if (!bytes.length) throw new ProblemError(400, 'Invalid body', { param: 'file', detail: 'The file is empty.' });
  if (bytes.length > maxBytes) throw new ProblemError(413, 'File too large', { param: 'file', detail: `Lab files are limited to ${maxBytes} bytes.` });
  return { bytes, filename };
}

const tags = ['wastewater'];
const labJob = jobOf(labImportReport);
const jobId = z.object({ id: z.uuid().meta({ example: '5b0f0f7e-8a4c-4f5e-9b7e-2f1c3d4e5f60' }) });

export function labImportRoutes(deps: AppDeps, jobs = new ImportJobs<ImportReport>()): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('office', 'admin'));

  const labImport = describe({
    summary: 'Import lab results from CSV or Excel (dry run lists every row problem); 201 when rows were imported; async=1 answers 202 with the job',
    tags, upload: true, response: labImportReport, also: { '201': 'Rows imported (the same report)', '202': 'Started in the background (async=1): the job, polled at Location' },
  });
  app.post('/', labImport, query(importQuery), async (c) => {
    const q = c.req.valid('query');
    const user = c.get('user');
    const { bytes, filename } = await receiveLabFile(c, deps.config.importMaxBytes, q.filename);
    if (q.async && !jobs.canStart(user.id)) {
      throw new ProblemError(429, 'Import busy', { param: 'file', detail: 'You already have imports running; wait for one to finish.' });
    }
    const job = q.async ? jobs.create(user.id, 'wastewater_lab', q.dry_run) : null;
    const run = importLabFile(db, user, bytes, {
      dryRun: q.dry_run, acceptSkipping: q.accept_skipping, filename, encoding: q.encoding, defaultLab: q.lab,
      onProgress: job ? (p) => (job.progress = p) : undefined,
    });
    if (!job) {
      const report = await run.catch((err: unknown) => {
        throw labImportProblem(err) ?? err;
      });
      return json(c, labImportReport, report, report.rowsImported > 0 ? 201 : 200);
    }
    run.then(
      (report) => jobs.finish(job, 'done', { report }),
      (err: unknown) => {
        const p = labImportProblem(err);
        if (p) {
          jobs.finish(job, 'refused', { report: err instanceof ImportRejected ? err.report : null, error: { status: p.status, body: { title: p.title, ...p.extra } } });
        } else {
          console.error('[wastewater] lab import failed', err);
          jobs.finish(job, 'failed', { error: { status: 500, body: { title: 'Import failed', detail: 'The error was logged on the server.' } } });
        }
      },
    );
    c.header('Location', `/api/wastewater/imports/${job.id}`);
    return c.json(jobView(job) satisfies z.input<typeof labJob>, 202);
  });

  app.get('/:id', describe({ summary: 'A background lab import of yours: state, progress and estimate, the report once finished', tags, response: labJob }), pathParams(jobId), (c) => {
    const { id } = c.req.valid('param');
    const job = jobs.get(id, c.get('user').id);
    if (!job) throw new ProblemError(404, 'Not found', { param: 'id', detail: 'No such lab import of yours (they are kept for an hour).' });
    return json(c, labJob, jobView(job));
  });

  return app;
}
