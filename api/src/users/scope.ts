/**
 * Jurisdiction scoping in SQL, the one place that says how: a code lies inside the scope when it starts with the
 * scope's prefix (domain/codes scopePrefix). The comparison is SQL, so the database does the limiting whatever
 * the caller does with the rows.
 *
 * Written as a range, `code >= prefix AND code < prefix || 'a'`, not as `left(code, length(prefix)) = prefix`:
 * a range is what a btree index on the code answers (the left() form reads every row of the table, 0.3–1.4 s
 * for a province's details and search), and it stays indexable with the prefix as a parameter of a prepared
 * statement, which `LIKE prefix || '%'` is not. Every scoped column holds a statistical code of digits only
 * (CHECKed in migrations/), and every collation PostgreSQL offers (C, glibc, ICU) sorts the digits before 'a':
 * so the codes from `prefix` up to `prefix || 'a'` are exactly those that start with the prefix.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column` (SQL text) lies under the prefix bound at `param` (`$1`, `$prefix`, …). */
export const inScopeSql = (column: string, param: string): string => `(${column} >= ${param}::text AND ${column} < ${param}::text || 'a')`;

/**
 * The same test for a statement that another index must lead, a tile's (led by its spatial index): written so
 * that no btree index answers it. A tile statement is prepared and, after five runs, executed with a generic plan
 * that does not know the prefix; given the range form, that plan took the code index (which it guessed
 * selective) and read every site of the region to keep the two in the tile: 0.18 ms instead of 0.02.
 */
export const inScopeFilterSql = (column: string, param: string): string => `starts_with(${column}, ${param}::text)`;

/** The same as a drizzle predicate. */
export const inScope = (code: AnyPgColumn | SQL, scope: string): SQL => sql`(${code} >= ${scope}::text AND ${code} < ${scope}::text || 'a')`;
