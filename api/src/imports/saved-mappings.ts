/** Column mappings saved per office (the user's jurisdiction) and layer, reused for the next file of the same kind. */
import type { Queryable } from 'db';
import type { SessionUser } from '../http/env.js';
import type { Mapping } from './mapping.js';
import type { SavedMapping } from './schemas.js';

export type { SavedMapping };

export async function savedMappings(db: Queryable, user: SessionUser, layer: string): Promise<SavedMapping[]> {
  return db.query<SavedMapping>(
    `SELECT name, mapping, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM import_mapping
     WHERE office_code = $1 AND layer = $2 ORDER BY updated_at DESC`,
    [user.jurisdictionCode, layer],
  );
}

export async function saveMapping(db: Queryable, user: SessionUser, layer: string, name: string, mapping: Mapping): Promise<SavedMapping> {
  const [row] = await db.query<SavedMapping>(
    `INSERT INTO import_mapping (office_code, layer, name, mapping, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (office_code, layer, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING name, mapping, updated_by AS "updatedBy", updated_at AS "updatedAt"`,
    [user.jurisdictionCode, layer, name, JSON.stringify(mapping), user.username],
  );
  return row!;
}
