/**
 * One import, start to end, used alike by POST /api/imports and `pnpm import`:
 * open the file → choose the datum → map columns → read, convert and stage (read-stage.ts) → checks in SQL
 * (checks.ts) → diff (diff.ts) → the report (dry run), or the write in the same transaction (writer.ts), all or
 * nothing, with an import record and an audit entry. A write with problems left is refused with the same report
 * and recorded as refused.
 */
import { chinaToday } from 'domain/time';
import type { FeatureCollection } from 'geojson';
import { openSource, FormatError, type TextEncoding } from 'geodata/formats';
import { recordAudit } from '../audit/audit.js';
import type { Database, Queryable } from 'db';
import type { SessionUser } from '../http/env.js';
import * as checks from './checks.js';
import { chooseDatum } from './datum-choice.js';
import { diffAgainstCurrent, listChanges, type Change, type DiffCounts } from './diff.js';
import { checkMapping, suggestMapping, type Mapping } from './mapping.js';
import type { Lang } from './messages.js';
import { ACCEPTABLE_RULES, ProblemLog, reportProblem, type ReportedProblem } from './problems.js';
import { IMPORT_RECOMPUTE_SHARES, IMPORT_SHARES, ImportProgress, type ProgressState } from './progress.js';
import { readIntoStaging } from './read-stage.js';
import { recordImport, recordRefused } from './record.js';
import { feedsDrugSignals, importSpec, type ImportSpec } from './specs.js';
import { recomputeAfterDataChange } from '../wastewater/recompute.js';
import { CREATE_STAGING, INDEX_STAGING, SET_NO_JIT } from './staging.js';
import { previewGeometries } from './preview.js';
import { writeStaged } from './writer.js';

export interface ImportFile {
  path: string;
  filename: string;
  bytes: number;
  sha256: string;
}

export interface ImportOptions {
  layer: string;
  datum?: string;
  encoding?: TextEncoding;
  mapping?: Mapping;
  dryRun: boolean;
  /** Rules the office accepts knowingly (only ACCEPTABLE_RULES count). */
  accept?: readonly string[];
  /** The date new versions start; today (China) by default. */
  validFrom?: string;
  lang?: Lang;
  /** Keep the converted features and problem places for the map (the page asks; scripts need not). */
  preview?: boolean;
  onProgress?: (p: ProgressState) => void;
}

export type ImportStatus = 'clean' | 'has_problems' | 'imported' | 'unchanged' | 'refused';

export interface ImportReport {
  status: ImportStatus;
  dryRun: boolean;
  layer: string;
  file: { name: string; sha256: string; bytes: number; format: string; encoding: string | null; encodingSource: string };
  datum: { id: string; source: 'file' | 'given' | 'default'; declared: string | null };
  mapping: Mapping;
  validFrom: string;
  counts: DiffCounts & { read: number; staged: number; problems: number; blocking: number };
  problems: ReportedProblem[];
  problemCounts: Record<string, number>;
  repairs: ReportedProblem[];
  changes: Change[];
  importId: number | null;
  seconds: number;
  /** Seconds per step: reading (with conversion and staging), each check, diff, write. */
  timings: Record<string, number>;
}

export interface ImportResult {
  report: ImportReport;
  preview: FeatureCollection | null;
}

/** The file was read and checked, but problems remain: nothing was written. */
export class ImportRefused extends Error {
  constructor(readonly result: ImportResult) {
    super(`import refused: ${result.report.counts.blocking} problem(s)`);
  }
}

/** May this user write this layer? An office writes the areas below its own level, never its own boundary. */
export function assertMayWrite(user: SessionUser, spec: ImportSpec | undefined, layer: string): ImportSpec {
  if (!spec) throw new FormatError(layer === 'roads' ? 'layer_not_importable' : 'unknown_layer', { layer });
  if (user.role !== 'admin' && user.role !== 'office') throw new FormatError('forbidden_layer', { layer });
  const maxPrefix = { county: 4, township: 6, village: 9 } as const;
  if (spec.level && user.scopePrefix.length > maxPrefix[spec.level]) throw new FormatError('forbidden_layer', { layer });
  return spec;
}

/** Every check that applies to the layer, timed (the report carries the seconds of each, for the benchmark). */
async function runChecks(tx: Queryable, ctx: checks.CheckContext, log: ProblemLog, timings: Record<string, number>, progress: ImportProgress): Promise<void> {
  const areas = ctx.spec.store === 'admin_area' || ctx.spec.store === 'grid_cell';
  const steps: [string, boolean, () => Promise<void>][] = [
    ['repair', true, () => checks.repairGeometry(tx, ctx, log)],
    ['duplicates', true, () => checks.duplicateCodes(tx, log)],
    ['jurisdiction', true, () => checks.jurisdiction(tx, ctx, log)],
    ['parents', areas, () => checks.parentNesting(tx, ctx, log)],
    ['pointAreas', ctx.spec.store === 'point', () => checks.pointAreas(tx, ctx, log)],
    ['sites', ctx.spec.table === 'wastewater_site', () => checks.siteReferences(tx, ctx, log)],
    ['overlaps', areas, () => checks.overlaps(tx, ctx, log)],
    ['gaps', ctx.spec.store === 'admin_area' && ctx.spec.level !== 'county', () => checks.gaps(tx, ctx, log)],
    ['datumOffset', true, () => checks.datumOffset(tx, ctx, log)],
  ];
  const applicable = steps.filter(([, applies]) => applies);
  for (const [i, [name, , run]] of applicable.entries()) {
    const t0 = performance.now();
    await run();
    timings[name] = Math.round(performance.now() - t0) / 1000;
    progress.within((i + 1) / (applicable.length + 1));
  }
}

export async function runImport(db: Database, user: SessionUser, file: ImportFile, opts: ImportOptions): Promise<ImportResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const spec = assertMayWrite(user, importSpec(opts.layer), opts.layer);
  const lang = opts.lang ?? 'zh';
  const validFrom = opts.validFrom ?? chinaToday();
  const accepted = new Set((opts.accept ?? []).filter((r) => ACCEPTABLE_RULES.has(r)));
  const log = new ProblemLog(accepted);
  const recomputes = !opts.dryRun && feedsDrugSignals(spec);
  const progress = new ImportProgress(opts.onProgress, recomputes ? IMPORT_RECOMPUTE_SHARES : IMPORT_SHARES);
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings[name] = Math.round(performance.now() - t0) / 1000;
    return out;
  };

  const source = await openSource(file.path, { filename: file.filename, encoding: opts.encoding });
  try {
    const datum = chooseDatum(source.info, opts.datum);
    const hasGeometry = source.info.format === 'geojson' || source.info.format === 'shapefile';
    const mapping = opts.mapping ?? suggestMapping(spec, source.info.columns, hasGeometry);
    for (const p of checkMapping(spec, mapping, source.info.columns, hasGeometry)) log.add(p);
    progress.start(source.info.estimatedRecords);

    const base = {
      dryRun: opts.dryRun, layer: spec.layer, mapping, validFrom,
      file: { name: file.filename, sha256: file.sha256, bytes: file.bytes, format: source.info.format, encoding: source.info.encoding, encodingSource: source.info.encodingSource },
      datum: { id: datum.crs.id, source: datum.source, declared: datum.declared?.id ?? null },
    };
    const finish = (status: ImportStatus, counts: DiffCounts & { read: number; staged: number }, changes: Change[], importId: number | null): ImportReport => ({
      ...base, status, importId, changes,
      counts: { ...counts, problems: log.total, blocking: log.blocking },
      problems: log.problems.map((p) => reportProblem(p, lang, log.isAccepted(p.rule))),
      problemCounts: Object.fromEntries(log.counts),
      repairs: log.repairs.map((p) => reportProblem(p, lang, false)),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      timings,
    });

    // A mapping that cannot work stops here: reading every record would only repeat the same problem.
    if (log.total > 0) {
      const report = finish('has_problems', { new: 0, changed: 0, unchanged: 0, read: 0, staged: 0 }, [], null);
      if (opts.dryRun) return { report, preview: null };
      await recordRefused(db, user, { ...report, status: 'refused' }, startedAt);
      throw new ImportRefused({ report: { ...report, status: 'refused' }, preview: null });
    }

    const result = await db.transaction(async (tx) => {
      // One writer per layer at a time; dry runs read only.
      if (!opts.dryRun) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${spec.layer}`]);
      // No JIT: PostGIS prices its functions high, so the checks' statements pass jit_above_cost although each runs
      // in milliseconds, and compiling them took 5 of the 5.6 s of a gap check (more on a busy machine).
      await tx.exec(SET_NO_JIT);
      await tx.exec(CREATE_STAGING);
      const staged = await timed('read', () => readIntoStaging(tx, source, { spec, mapping, crs: datum.crs, scopePrefix: user.scopePrefix, log, onBatch: (n) => progress.read(n) }));
      progress.phase('checking');
      await timed('index', () => tx.exec(INDEX_STAGING));
      await runChecks(tx, { spec, scopePrefix: user.scopePrefix, jurisdictionCode: user.jurisdictionCode, datum: datum.crs.id }, log, timings, progress);
      const counts = { ...(await timed('diff', () => diffAgainstCurrent(tx, spec))), ...staged };
      const changes = await listChanges(tx, spec, 1000);
      const preview = opts.preview ? await previewGeometries(tx, log) : null;
      if (opts.dryRun) return { report: finish(log.blocking ? 'has_problems' : 'clean', counts, changes, null), preview };
      if (log.blocking) return { refused: finish('refused', counts, changes, null), preview };

      progress.phase('writing');
      const status: ImportStatus = counts.new + counts.changed > 0 ? 'imported' : 'unchanged';
      const draft = finish(status, counts, changes, null);
      const importId = await recordImport(tx, user, draft, startedAt);
      const before = await timed('write', () => writeStaged(tx, spec, validFrom, importId));
      const codes = await tx.query<{ code: string; status: string }>(`SELECT code, status FROM import_staging WHERE NOT bad AND status IN ('new', 'changed') ORDER BY n LIMIT 1000`);
      await recordAudit(tx, user, {
        action: 'import',
        entity: 'data_import',
        entityId: importId,
        detail: {
          layer: spec.layer, file: file.filename, sha256: file.sha256, datum: datum.crs.id, validFrom, counts: draft.counts,
          new: codes.filter((c) => c.status === 'new').map((c) => c.code), changed: changes.map((c) => ({ code: c.code, fields: c.fields })),
          before, repairs: draft.repairs.length, accepted: [...accepted],
        },
      });
      if (recomputes && status === 'imported') {
        // In the same transaction: the signals never show a state the data is not in (see recompute.ts).
        progress.phase('recomputing');
        await timed('recompute', () => recomputeAfterDataChange(tx, { onProgress: (part) => progress.within(part) }));
      }
      return { report: { ...draft, importId, seconds: Math.round((Date.now() - started) / 100) / 10, timings: { ...timings } }, preview };
    });
    if ('refused' in result && result.refused) {
      await recordRefused(db, user, result.refused, startedAt);
      throw new ImportRefused({ report: result.refused, preview: result.preview });
    }
    progress.phase('done');
    return result as ImportResult;
  } finally {
    await source.close();
  }
}
