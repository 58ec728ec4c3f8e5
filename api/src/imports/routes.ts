/**
 * /api/imports (office and admin only; everything within the user's jurisdiction, in SQL):
 *   POST   /api/imports?layer=&datum=&dry_run=1[&encoding=&accept=&valid_from=&async=1&preview=1]
 *            multipart `file` (+ optional `mapping` JSON), or `upload_id=` of an earlier upload (JSON body {mapping})
 *            → the report; without dry_run the write, or 400 with the same report when problems remain
 *   POST   /api/imports/uploads            multipart `file` → {uploadId, sample}  (kept an hour for the next steps)
 *   GET    /api/imports/uploads/{id}?layer=&encoding=   the sample again (another layer or encoding)
 *   GET    /api/imports/{id}               progress (done/total/eta) and, once finished, the report
 *   GET    /api/imports/{id}/preview.geojson   converted features and problem places of a dry run
 *   GET    /api/imports/mappings/{layer}   saved column mappings of the office
 *   PUT    /api/imports/mappings/{layer}/{name}   save one (JSON {mapping})
 *   GET    /api/imports?layer=             the import record of the office
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { FormatError, parseEncodingName } from 'geodata/formats';
import { recordAudit } from '../audit/audit.js';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { describe, json, pathParams, query } from '../http/openapi.js';
import { isoDate, parseBody } from '../http/params.js';
import { featureCollection } from '../http/schemas.js';
import { ProblemError } from '../http/problem.js';
import { ImportJobs, jobView } from './jobs.js';
import { mappingSchema, type Mapping } from './mapping.js';
import { message, requestLang, type Lang } from './messages.js';
import { importHistory } from './history.js';
import { sampleFile } from './sample.js';
import { saveMapping, savedMappings } from './saved-mappings.js';
import { ImportRefused, assertMayWrite, runImport, type ImportFile } from './service.js';
import { DATUM_CHOICES, describeSpecs, importSpec } from './specs.js';
import { ACCEPTABLE_RULES } from './problems.js';
import { receiveUpload, UploadStore, type Upload } from './upload.js';
import { historyAnswer, importAnswer, importLayers, jobAnswer, mappingsAnswer, savedMapping, uploadAnswer } from './schemas.js';

const flag = z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true');
const encodingParam = z.string().max(20).optional().transform((v, ctx) => {
  if (v === undefined) return undefined;
  const e = parseEncodingName(v);
  if (!e) ctx.addIssue({ code: 'custom', message: 'must be utf-8, gbk or gb18030' });
  return e ?? undefined;
});
const layerParam = z.string().regex(/^[a-z_]{2,40}$/, 'must be a layer id as in /api/layers').meta({ example: 'firms' });
const jobParam = z.object({ id: z.uuid().meta({ example: '00000000-0000-4000-8000-000000000000' }) });
/** The language of refusal messages (the Accept-Language header otherwise). */
const langParam = z.string().max(10).optional();
const sampleQuery = z.object({ layer: layerParam.optional(), encoding: encodingParam, lang: langParam });
const tags = ['imports'];

export const importQuery = z.object({
  layer: layerParam,
  datum: z.string().max(40).optional(),
  dry_run: flag,
  encoding: encodingParam,
  accept: z.string().max(200).optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [])),
  valid_from: isoDate.optional(),
  upload_id: z.uuid().optional(),
  async: flag,
  preview: flag,
  lang: langParam,
});

const STATUS: Record<string, 400 | 403 | 404 | 413 | 415 | 429> = {
  file_too_large: 413, forbidden_layer: 403, not_multipart: 415, upload_not_found: 404, import_busy: 429,
};
const PARAM: Record<string, string> = {
  unknown_layer: 'layer', layer_not_importable: 'layer', forbidden_layer: 'layer', datum_required: 'datum', datum_conflict: 'datum',
  unknown_datum: 'datum', unsupported_datum: 'datum', unknown_projection: 'datum', unreadable_prj: 'datum', bad_mapping: 'mapping',
  upload_not_found: 'upload_id', unknown_encoding: 'encoding',
};

/** A refused file as problem+json: the rule, its message in the request's language, the parameter at fault. */
export function formatProblem(err: FormatError, lang: Lang): ProblemError {
  const detail = message(err.rule, err.params, lang);
  return new ProblemError(STATUS[err.rule] ?? 400, lang === 'zh' ? '无法导入' : 'Cannot import', {
    param: PARAM[err.rule] ?? 'file', detail, rule: err.rule, params: err.params, ...(err.index !== null ? { feature: err.index } : {}),
  });
}

const refusedProblem = (e: ImportRefused, lang: Lang) =>
  new ProblemError(400, lang === 'zh' ? '文件有问题，未导入任何数据' : 'The file has problems; nothing was imported', {
    param: 'file',
    detail: e.result.report.problems[0]?.message ?? '',
    report: e.result.report,
  });

export function importRoutes(deps: AppDeps, uploads = new UploadStore(), jobs = new ImportJobs()): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('office', 'admin'));

  const langOf = (c: Context<AppEnv>) => requestLang(c.req.query('lang'), c.req.header('accept-language'));
  const guard = async <T>(c: Context<AppEnv>, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof FormatError) throw formatProblem(err, langOf(c));
      if (err instanceof ImportRefused) throw refusedProblem(err, langOf(c));
      throw err;
    }
  };
  const receive = (c: Context<AppEnv>) => {
    const len = c.req.header('content-length');
    return receiveUpload(c.req.raw.body as never, c.req.header('content-type') ?? '', len ? Number(len) : null, c.get('user').id);
  };
  const mappingFrom = (raw: string | undefined): Mapping | undefined => {
    if (!raw) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new FormatError('bad_mapping', { reason: 'not JSON' });
    }
    const r = mappingSchema.safeParse(parsed);
    if (!r.success) throw new FormatError('bad_mapping', { reason: r.error.issues[0]?.message ?? 'invalid' });
    return r.data;
  };

  const layers = describe({ summary: 'Importable layers with their fields, the datums, and the rules an office may accept', tags, response: importLayers });
  app.get('/layers', layers, (c) => json(c, importLayers, { layers: describeSpecs(), datums: DATUM_CHOICES, acceptable: [...ACCEPTABLE_RULES] }));

  const upload = describe({
    summary: 'Upload a file for the page (kept an hour): format, encoding, columns, first rows, declared or guessed datum, suggested and saved mappings',
    tags, upload: true, response: uploadAnswer, status: 201,
  });
  app.post('/uploads', upload, query(sampleQuery), (c) =>
    guard(c, async () => {
      const q = c.req.valid('query');
      const up = await receive(c);
      await uploads.add(up);
      try {
        const sample = await sampleFile(db, c.get('user'), up.path, { filename: up.filename, layer: q.layer, encoding: q.encoding });
        return json(c, uploadAnswer, { uploadId: up.id, filename: up.filename, bytes: up.bytes, sha256: up.sha256, sample }, 201);
      } catch (err) {
        await uploads.remove(up.id);
        throw err;
      }
    }),
  );

  const again = describe({ summary: 'The first look at an upload again, for another layer or encoding', tags, response: uploadAnswer });
  app.get('/uploads/:id', again, pathParams(jobParam), query(sampleQuery), (c) =>
    guard(c, async () => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const up = uploads.get(id, c.get('user').id);
      if (!up) throw new FormatError('upload_not_found');
      const sample = await sampleFile(db, c.get('user'), up.path, { filename: up.filename, layer: q.layer, encoding: q.encoding });
      return json(c, uploadAnswer, { uploadId: up.id, filename: up.filename, bytes: up.bytes, sha256: up.sha256, sample });
    }),
  );

  const write = describe({
    summary:
      'Import a layer (office/admin): multipart `file` (+ `mapping` JSON) or upload_id; dry_run=1 reports new/changed/unchanged and every problem; without it writes all or nothing (201), or answers 400 with the same report',
    tags, upload: true, response: importAnswer, also: { '201': 'Imported (the same report)', '202': 'async=1: started; the job (GET /api/imports/{id}) is in the body and Location' },
  });
  app.post('/', write, query(importQuery), (c) =>
    guard(c, async () => {
      const q = c.req.valid('query');
      const user = c.get('user');
      const lang = langOf(c);
      assertMayWrite(user, importSpec(q.layer), q.layer);
      if (!jobs.canStart(user.id)) throw new FormatError('import_busy');
      let file: ImportFile;
      let mapping: Mapping | undefined;
      let fresh: Upload | null = null;
      if (q.upload_id) {
        const up = uploads.get(q.upload_id, user.id);
        if (!up) throw new FormatError('upload_not_found');
        file = up;
        const type = c.req.header('content-type') ?? '';
        if (type.includes('json')) mapping = (await parseBody(c, z.object({ mapping: mappingSchema.optional() }))).mapping;
      } else {
        fresh = await receive(c);
        file = fresh;
        mapping = mappingFrom(fresh.fields.mapping);
      }
      const job = jobs.create(user.id, q.layer, q.dry_run);
      const run = runImport(db, user, file, {
        layer: q.layer, datum: q.datum, encoding: q.encoding, mapping, dryRun: q.dry_run, accept: q.accept, validFrom: q.valid_from,
        lang, preview: q.preview, onProgress: (p) => (job.progress = p),
      })
        .then((r) => {
          jobs.finish(job, 'done', { report: r.report, preview: r.preview });
          // Cached tiles: the tables' triggers report the import's rows when it commits (tiles/change-feed.ts).
          return r;
        })
        .catch((err) => {
          if (err instanceof ImportRefused) jobs.finish(job, 'refused', { report: err.result.report, preview: err.result.preview });
          else if (err instanceof FormatError) {
            const p = formatProblem(err, lang);
            jobs.finish(job, 'refused', { error: { status: p.status, body: { title: p.title, ...p.extra } } });
          } else {
            console.error('[imports] import failed', err);
            jobs.finish(job, 'failed', { error: { status: 500, body: { title: 'Import failed', detail: 'The error was logged on the server.' } } });
          }
          throw err;
        })
        .finally(() => (fresh ? uploads.remove(fresh.id) : undefined));
      if (q.async) {
        run.catch(() => undefined);
        c.header('Location', `/api/imports/${job.id}`);
        return c.json(jobView(job) satisfies z.input<typeof jobAnswer>, 202);
      }
      const r = await run;
      return json(c, importAnswer, { id: job.id, ...r.report }, r.report.status === 'imported' ? 201 : 200);
    }),
  );

  const mappings = describe({ summary: 'Column mappings saved by your office for a layer', tags, response: mappingsAnswer });
  app.get('/mappings/:layer', mappings, pathParams(z.object({ layer: layerParam })), async (c) => {
    const { layer } = c.req.valid('param');
    return json(c, mappingsAnswer, { layer, mappings: await savedMappings(db, c.get('user'), layer) });
  });

  const save = describe({ summary: 'Save a column mapping for your office (audited)', tags, response: savedMapping, body: z.object({ mapping: mappingSchema }) });
  app.put('/mappings/:layer/:name', save, pathParams(z.object({ layer: layerParam, name: z.string().min(1).max(80).meta({ example: 'lab' }) })), async (c) => {
    const p = c.req.valid('param');
    if (!importSpec(p.layer)) throw new ProblemError(400, 'Invalid parameter', { param: 'layer', detail: `No importable layer ${p.layer}.` });
    const body = await parseBody(c, z.object({ mapping: mappingSchema }));
    const user = c.get('user');
    const saved = await db.transaction(async (tx) => {
      const s = await saveMapping(tx, user, p.layer, p.name, body.mapping);
      await recordAudit(tx, user, { action: 'save', entity: 'import_mapping', entityId: `${user.jurisdictionCode}/${p.layer}/${p.name}`, detail: { mapping: body.mapping } });
      return s;
    });
    return json(c, savedMapping, saved);
  });

  app.get('/:id', describe({ summary: 'Progress of an import (done, total, ETA) and its report once finished', tags, response: jobAnswer }), pathParams(jobParam), (c) => {
    const { id } = c.req.valid('param');
    const job = jobs.get(id, c.get('user').id);
    if (!job) throw new ProblemError(404, 'Not found', { param: 'id', detail: 'No such import of yours (they are kept for an hour).' });
    return json(c, jobAnswer, jobView(job));
  });

  const preview = describe({ summary: 'Converted features and problem places of a dry run, for the map', tags, response: { media: 'application/geo+json', schema: featureCollection } });
  app.get('/:id/preview.geojson', preview, pathParams(jobParam), (c) => {
    const { id } = c.req.valid('param');
    const job = jobs.get(id, c.get('user').id);
    if (!job?.preview) throw new ProblemError(404, 'Not found', { param: 'id', detail: 'No preview for this import (ask with preview=1).' });
    c.header('Content-Type', 'application/geo+json');
    return c.body(JSON.stringify(job.preview));
  });

  app.get('/', describe({ summary: 'The import record of your office', tags, response: historyAnswer }), query(z.object({ layer: layerParam.optional() })), async (c) => {
    const q = c.req.valid('query');
    return json(c, historyAnswer, { imports: await importHistory(db, c.get('user'), q.layer ?? null) });
  });

  return app;
}
