/**
 * The drizzle schema (db/src/schema) declares tables the SQL migrations create. This checks the two agree, column by
 * column, against what the migrated test database holds: the same columns (none missing on either side), the same
 * types, the same nullability, the same primary key, and a default exactly where the database has one (with the
 * same expression where the declaration states it in SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is, SQL } from 'drizzle-orm';
import type { Database } from 'db';
import { openPostgres } from 'db/postgres';
import * as schema from 'db/schema';
import { TEST_DATABASE_URL } from '../support/env.js';

interface DbColumn {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  primaryKey: boolean;
}

let db: Database;
beforeAll(async () => {
  db = await openPostgres(TEST_DATABASE_URL, { max: 1 });
});
afterAll(() => db?.close());

async function columnsOf(table: string): Promise<DbColumn[]> {
  return db.query<DbColumn>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS default,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS "primaryKey"
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [`public.${table}`],
  );
}

/** drizzle's SQL type in the spelling format_type() uses: serials are integers with a sequence default. */
function sqlType(t: string): string {
  return t.replace(/^bigserial$/, 'bigint').replace(/^serial$/, 'integer').replace(/\(\s*(\d+),\s*(\d+)\)/, '($1,$2)');
}

/** The text of a default declared as `sql\`…\``; null for a default drizzle only knows as a JS value. */
function sqlDefault(d: unknown): string | null {
  if (!is(d, SQL)) return null;
  return d.queryChunks.map((c) => (c as { value?: string[] }).value?.join('') ?? '').join('');
}

const tables: PgTable[] = Object.values(schema).filter((v) => is(v, PgTable));

describe('drizzle schema matches the migrated database', () => {
  it('declares the non-spatial tables its CRUD uses', () => {
    expect(tables.map((t) => getTableConfig(t).name).sort()).toEqual(
      ['api_token', 'app_session', 'app_user', 'audit_log', 'data_import', 'grid_assignment', 'import_mapping', 'inspection', 'listing', 'listing_assessment', 'listing_event', 'wastewater_import', 'wastewater_sample'],
    );
  });

  for (const table of tables) {
    const config = getTableConfig(table);
    it(`${config.name}: same columns, types, nullability, keys and defaults`, async () => {
      const actual = await columnsOf(config.name);
      expect(actual.length, `${config.name} exists`).toBeGreaterThan(0);
      const compositeKey = new Set(config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
      const declared = config.columns.map((c) => ({
        name: c.name,
        type: sqlType(c.getSQLType()),
        notNull: c.notNull,
        hasDefault: c.hasDefault,
        primaryKey: c.primary || compositeKey.has(c.name),
      }));
      const found = actual.map((c) => ({ name: c.name, type: c.type, notNull: c.notNull, hasDefault: c.default !== null, primaryKey: c.primaryKey }));
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
      expect(declared.sort(byName)).toEqual(found.sort(byName));

      for (const c of config.columns) {
        const text = sqlDefault(c.default);
        if (text === null) continue;
        expect(actual.find((a) => a.name === c.name)?.default, `${config.name}.${c.name} default`).toBe(text);
      }
      for (const c of config.columns.filter((c) => c.getSQLType().endsWith('serial'))) {
        expect(actual.find((a) => a.name === c.name)?.default).toMatch(/^nextval\(/);
      }
    });
  }
});
