/**
 * Jurisdiction scoping as a drizzle predicate: the code lies inside the scope (its prefix). The comparison is SQL,
 * so the database does the limiting whatever the caller does with the rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const inScope = (code: AnyPgColumn | SQL, scope: string): SQL => sql`left(${code}, length(${scope}::text)) = ${scope}::text`;
