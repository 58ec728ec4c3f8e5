/** The import record of an office: imports by users whose jurisdiction lies within the viewer's. */
import type { Queryable } from 'db';
import type { SessionUser } from '../http/env.js';
import type { ImportRecord } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export async function importHistory(db: Queryable, user: SessionUser, layer: string | null, limit = 100) {
  return db.query<ImportRecord>(
    `SELECT i.id, i.layer, i.filename, i.sha256, i.bytes, i.format, i.encoding, i.datum, i.valid_from AS "validFrom", i.status,
            i.features, i.n_new AS "new", i.n_changed AS "changed", i.n_unchanged AS "unchanged", i.n_problems AS "problems",
            i.username, i.started_at AS "startedAt", i.finished_at AS "finishedAt"
     FROM data_import i LEFT JOIN app_user u ON u.id = i.user_id
     WHERE ($2::text IS NULL OR i.layer = $2) AND ${inScopeSql('coalesce(u.jurisdiction_code, \'\')', '$1')}
     ORDER BY i.id DESC LIMIT $3`,
    [user.scopePrefix, layer, limit],
  );
}
