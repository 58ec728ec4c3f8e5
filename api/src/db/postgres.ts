/** node-postgres implementation of Database: what production runs on (PostgreSQL 15+ with PostGIS 3). */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PG_OID, keepText, timestampToIso, toNumber, type Database, type Queryable } from './database.js';

const parsers: Record<number, (v: string) => unknown> = {
  [PG_OID.int8]: toNumber,
  [PG_OID.numeric]: toNumber,
  [PG_OID.date]: keepText,
  [PG_OID.timestamp]: timestampToIso,
  [PG_OID.timestamptz]: timestampToIso,
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text');
  },
};

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const res = await client.query({ text, values: params as unknown[], types });
      return res.rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  };
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types });
  // A dropped idle connection must not take the process down (the wall display runs for days).
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  const rows = await pool.query("SELECT to_regproc('st_asmvt') IS NOT NULL AS has_mvt").catch(() => ({ rows: [{ has_mvt: false }] }));
  const base = queryable(pool);
  return {
    kind: 'postgres',
    get hasMvt() {
      return Boolean(rows.rows[0]?.has_mvt);
    },
    orm: drizzle(pool) as unknown as Database['orm'],
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(queryable(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
