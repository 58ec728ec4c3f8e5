/** The import record (data_import): who imported what, when, which file, in which datum, with what outcome. */
import { recordAudit } from '../audit/audit.js';
import type { Database, Queryable } from 'db';
import { dataImport } from 'db/schema';
import type { SessionUser } from '../http/env.js';
import type { ImportReport } from './service.js';

const STATUS: Record<string, string> = { imported: 'imported', unchanged: 'unchanged', refused: 'refused', has_problems: 'refused', clean: 'unchanged' };

export async function recordImport(db: Queryable, user: Pick<SessionUser, 'id' | 'username'>, r: ImportReport, startedAt: string): Promise<number> {
  const summary = {
    counts: r.counts,
    problemCounts: r.problemCounts,
    problems: r.problems.slice(0, 50),
    repairs: r.repairs.slice(0, 50),
    mapping: r.mapping,
    datumSource: r.datum.source,
  };
  const [row] = await db.orm
    .insert(dataImport)
    .values({
      layer: r.layer, filename: r.file.name, sha256: r.file.sha256, bytes: r.file.bytes, format: r.file.format, encoding: r.file.encoding,
      datum: r.datum.id, validFrom: r.validFrom, status: STATUS[r.status] ?? 'refused', features: r.counts.read, nNew: r.counts.new,
      nChanged: r.counts.changed, nUnchanged: r.counts.unchanged, nProblems: r.counts.problems, userId: user.id || null,
      username: user.username, startedAt, summary,
    })
    .returning({ id: dataImport.id });
  return row!.id;
}

/** A refused import: recorded and audited (in their own transaction; the import's own was rolled back). */
export async function recordRefused(db: Database, user: Pick<SessionUser, 'id' | 'username'>, r: ImportReport, startedAt: string): Promise<number> {
  return db.transaction(async (tx) => {
    const id = await recordImport(tx, user, r, startedAt);
    await recordAudit(tx, user, {
      action: 'import_refused',
      entity: 'data_import',
      entityId: id,
      detail: { layer: r.layer, file: r.file.name, sha256: r.file.sha256, datum: r.datum.id, counts: r.counts, problemCounts: r.problemCounts },
    });
    return id;
  });
}
