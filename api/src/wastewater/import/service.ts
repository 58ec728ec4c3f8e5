/**
 * Importing a lab file: read → check every row → (dry run: report) → write all new rows in one transaction with
 * the import record, the audit entry and the incremental recompute, or nothing at all.
 *
 * Rows already in the database with the same site, time and substance AND the same values are "already
 * imported" and skipped silently, so importing the same file twice changes nothing. The same key with different
 * values is a problem (duplicate_in_db): a correction must not overwrite a result without anyone deciding so.
 * With problems, nothing is written unless the caller accepts skipping the bad rows (acceptSkipping).
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from 'db';
import { wastewaterImport } from 'db/schema';
import type { SessionUser } from '../../http/env.js';
import { recordAudit } from '../../audit/audit.js';
import { ImportProgress, type PhaseShares, type ProgressState } from '../../imports/progress.js';
import { recomputeTouched } from '../recompute.js';
import { readTable, type Encoding } from './read-table.js';
import { validateRows, type ParsedRow, type Problem } from './validate.js';
import { inScopeSql } from '../../users/scope.js';

export interface ImportOptions {
  dryRun: boolean;
  acceptSkipping: boolean;
  filename: string;
  encoding?: Encoding;
  defaultLab?: string;
  now?: Date;
  /** Progress with an estimate, for the job the page polls (GET /api/wastewater/imports/{id}). */
  onProgress?: (p: ProgressState) => void;
}

/**
 * Where the phases of a lab import lie on its progress bar, from the province-scale benchmark (bench/wastewater.ts:
 * a week of 12,696 results): reading and checking the rows, inserting them, then the incremental recompute.
 */
const LAB_IMPORT_SHARES: PhaseShares = { reading: [0, 0.15], checking: [0.15, 0.45], writing: [0.45, 0.6], recomputing: [0.6, 1], done: [1, 1] };

export interface ImportReport {
  status: 'clean' | 'has_problems' | 'imported' | 'imported_skipping' | 'unchanged';
  dryRun: boolean;
  filename: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  rowsTotal: number;
  rowsValid: number;
  rowsAlreadyImported: number;
  rowsToImport: number;
  rowsImported: number;
  rowsSkipped: number;
  /** Sampling sites of the rows to import. */
  sites: number;
  problems: Problem[];
  /** Rows imported with a correction the lab should know of (a value under the stated LOQ taken as censored). */
  notices: Problem[];
  /** Of the rows to import, how many were censored because their value lay under the stated LOQ. */
  rowsCensoredByLoq: number;
  importId: number | null;
  /** A file with the same SHA-256 was imported before (by whom and when). */
  previousImport: { id: number; importedAt: string; importedBy: string } | null;
  recompute?: { asOf: string | null; areas: number; ms: Record<string, number>; cpuMs?: number };
}

async function sitesInScope(db: Queryable, scopePrefix: string): Promise<Map<string, number>> {
  const rows = await db.query<{ code: string; id: number }>(`SELECT code, id FROM wastewater_site WHERE ${inScopeSql('township_code', '$1')}`, [scopePrefix]);
  return new Map(rows.map((r) => [r.code, r.id]));
}

interface Existing {
  site_id: number;
  sampled_at: string;
  substance: string;
  concentration_ng_l: number;
  below_loq: boolean;
  loq_ng_l: number | null;
  flow_m3_day: number;
  lab: string;
}

/** Split valid rows into new ones and ones already stored identically; report conflicting ones. */
async function checkAgainstDb(db: Queryable, rows: ParsedRow[]): Promise<{ fresh: ParsedRow[]; same: number; problems: Problem[] }> {
  if (!rows.length) return { fresh: [], same: 0, problems: [] };
  const existing = await db.query<Existing>(
    `SELECT s.site_id, s.sampled_at, s.substance, s.concentration_ng_l, s.below_loq, s.loq_ng_l, s.flow_m3_day, s.lab
     FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS k (site_id, sampled_at, substance)
     JOIN wastewater_sample s USING (site_id, sampled_at, substance)`,
    [rows.map((r) => r.siteId), rows.map((r) => r.sampledAt), rows.map((r) => r.substance)],
  );
  const byKey = new Map(existing.map((e) => [`${e.site_id}/${Date.parse(e.sampled_at)}/${e.substance}`, e]));
  const fresh: ParsedRow[] = [];
  const problems: Problem[] = [];
  let same = 0;
  const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-3);
  for (const r of rows) {
    const e = byKey.get(`${r.siteId}/${Date.parse(r.sampledAt)}/${r.substance}`);
    if (!e) fresh.push(r);
    else if (close(e.concentration_ng_l, r.concentrationNgL) && e.below_loq === r.belowLoq && close(e.loq_ng_l, r.loqNgL) && close(e.flow_m3_day, r.flowM3Day) && e.lab === r.lab) same++;
    else {
      problems.push({
        row: r.row, column: null, field: 'sampled_at', code: 'duplicate_in_db',
        message: `A different result for ${r.siteCode}, ${r.substance} at this time is already stored (${e.concentration_ng_l} ng/L, flow ${e.flow_m3_day} m³/day).`,
      });
    }
  }
  return { fresh, same, problems };
}

/**
 * The samples in one statement over arrays (unnest), not drizzle's multi-row VALUES: a lab file has thousands of
 * rows, and one statement with ten array parameters stays one round trip whatever the file's size.
 */
export async function insertSamples(tx: Queryable, rows: ParsedRow[], importId: number | null): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO wastewater_sample (site_id, sampled_at, substance, concentration_ng_l, below_loq, loq_ng_l, flow_m3_day, lab, censored_by_loq, import_id)
     SELECT * , $10::bigint FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::numeric[], $5::boolean[], $6::numeric[], $7::numeric[], $8::text[], $9::boolean[])
     ON CONFLICT (site_id, sampled_at, substance) DO NOTHING
     RETURNING id`,
    [
      rows.map((r) => r.siteId), rows.map((r) => r.sampledAt), rows.map((r) => r.substance), rows.map((r) => r.concentrationNgL),
      rows.map((r) => r.belowLoq), rows.map((r) => r.loqNgL), rows.map((r) => r.flowM3Day), rows.map((r) => r.lab),
      rows.map((r) => r.censoredByLoq), importId,
    ],
  );
  return inserted.length;
}

export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super(`the file has ${report.problems.length} problem(s); nothing was imported`);
  }
}

export async function importLabFile(db: Database, user: SessionUser, bytes: Uint8Array, opts: ImportOptions): Promise<ImportReport> {
  const progress = new ImportProgress(opts.onProgress, LAB_IMPORT_SHARES);
  progress.start(null);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const table = await readTable(bytes, { filename: opts.filename, encoding: opts.encoding });
  progress.read(table.rows.length);
  progress.phase('checking');
  const sites = await sitesInScope(db, user.scopePrefix);
  const v = validateRows(table.rows, { sites, now: opts.now ?? new Date(), defaultLab: opts.defaultLab }, table.badEncodingRows);
  progress.within(0.5);
  const dbCheck = await checkAgainstDb(db, v.rows);
  const problems = [...v.problems, ...dbCheck.problems].sort((a, b) => a.row - b.row);
  const [prev] = await db.query<{ id: number; imported_at: string; imported_by: string }>(
    'SELECT id, imported_at, imported_by FROM wastewater_import WHERE sha256 = $1 ORDER BY id LIMIT 1',
    [sha256],
  );
  const badRows = new Set(problems.filter((p) => p.row > 1).map((p) => p.row)).size;
  const report: ImportReport = {
    status: problems.length ? 'has_problems' : 'clean',
    dryRun: opts.dryRun,
    filename: opts.filename,
    sha256,
    format: table.format,
    encoding: table.encoding,
    rowsTotal: v.dataRows,
    rowsValid: v.rows.length - dbCheck.problems.length,
    rowsAlreadyImported: dbCheck.same,
    rowsToImport: dbCheck.fresh.length,
    rowsImported: 0,
    rowsSkipped: badRows,
    sites: new Set(dbCheck.fresh.map((r) => r.siteId)).size,
    problems,
    notices: v.notices.filter((n) => dbCheck.fresh.some((r) => r.row === n.row)),
    rowsCensoredByLoq: dbCheck.fresh.filter((r) => r.censoredByLoq).length,
    importId: null,
    previousImport: prev ? { id: prev.id, importedAt: prev.imported_at, importedBy: prev.imported_by } : null,
  };
  if (opts.dryRun) return report;
  const fileLevel = problems.some((p) => p.row <= 1);
  if (problems.length && (!opts.acceptSkipping || fileLevel)) throw new ImportRejected(report);
  if (!dbCheck.fresh.length) return { ...report, status: 'unchanged' };

  progress.phase('writing');
  const done = await db.transaction(async (tx) => {
    const [imp] = await tx.orm
      .insert(wastewaterImport)
      .values({ sha256, filename: opts.filename, lab: dbCheck.fresh[0]!.lab, rowsTotal: v.dataRows, rowsImported: dbCheck.fresh.length, rowsSkipped: badRows, importedBy: user.username })
      .returning({ id: wastewaterImport.id });
    const importId = imp!.id;
    const n = await insertSamples(tx, dbCheck.fresh, importId);
    await recordAudit(tx, user, {
      action: 'import',
      entity: 'wastewater_import',
      entityId: importId,
      detail: {
        filename: opts.filename, sha256, rows: v.dataRows, imported: n, skipped: badRows, alreadyImported: dbCheck.same,
        censoredByLoq: report.rowsCensoredByLoq, problems: problems.slice(0, 50), notices: report.notices.slice(0, 50),
      },
    });
    progress.phase('recomputing');
    const rc = await recomputeTouched(tx, dbCheck.fresh.map((r) => ({ siteId: r.siteId, sampledAt: r.sampledAt })), { onProgress: (part) => progress.within(part) });
    return {
      ...report,
      status: problems.length ? 'imported_skipping' : 'imported',
      rowsImported: n,
      importId,
      recompute: { asOf: rc.asOf, areas: rc.areas, ms: rc.ms, cpuMs: rc.cpuMs },
    } satisfies ImportReport;
  });
  progress.phase('done');
  return done;
}
