/** The import record (data_import): who imported what, when, which file, in which datum, with what outcome. */
import { recordAudit } from '../audit/audit.js';
import type { Database, Queryable } from 'db';
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
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO data_import (layer, filename, sha256, bytes, format, encoding, datum, valid_from, status, features,
                              n_new, n_changed, n_unchanged, n_problems, user_id, username, started_at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      r.layer, r.file.name, r.file.sha256, r.file.bytes, r.file.format, r.file.encoding, r.datum.id, r.validFrom, STATUS[r.status] ?? 'refused',
      r.counts.read, r.counts.new, r.counts.changed, r.counts.unchanged, r.counts.problems, user.id || null, user.username, startedAt, JSON.stringify(summary),
    ],
  );
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
