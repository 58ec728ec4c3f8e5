/** Column mappings saved per office (the user's jurisdiction) and layer, reused for the next file of the same kind. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from 'db';
import { importMapping } from 'db/schema';
import type { SessionUser } from '../http/env.js';
import type { Mapping } from './mapping.js';
import type { SavedMapping } from './schemas.js';

export type { SavedMapping };

const columns = { name: importMapping.name, mapping: importMapping.mapping, updatedBy: importMapping.updatedBy, updatedAt: importMapping.updatedAt };

export async function savedMappings(db: Queryable, user: SessionUser, layer: string): Promise<SavedMapping[]> {
  const rows = await db.orm
    .select(columns)
    .from(importMapping)
    .where(and(eq(importMapping.officeCode, user.jurisdictionCode), eq(importMapping.layer, layer)))
    .orderBy(desc(importMapping.updatedAt));
  return rows as SavedMapping[];
}

export async function saveMapping(db: Queryable, user: SessionUser, layer: string, name: string, mapping: Mapping): Promise<SavedMapping> {
  const [row] = await db.orm
    .insert(importMapping)
    .values({ officeCode: user.jurisdictionCode, layer, name, mapping: mapping as unknown as Record<string, unknown>, updatedBy: user.username })
    .onConflictDoUpdate({
      target: [importMapping.officeCode, importMapping.layer, importMapping.name],
      set: { mapping: sql`excluded.mapping`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
    })
    .returning(columns);
  return row as SavedMapping;
}
