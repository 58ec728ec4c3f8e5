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
    orm: drizzle({ client }) as unknown as Queryable['orm'],
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
  // Try it rather than look it up: a PostGIS built without protobuf-c has the function but fails when called.
  // Probed on first use, not at connect time: on a fresh database PostGIS only exists after the migration.
  let mvt: Promise<boolean> | undefined;
  const supportsMvt = () =>
    (mvt ??= pool.query("SELECT ST_AsMVT(q, 'probe') FROM (SELECT 1 AS a, ST_Point(0, 0, 3857) AS geom) q").then(
      () => true,
      (err) => {
        mvt = undefined; // try again next time: the extension may not be installed yet
        console.warn('[db] ST_AsMVT unavailable, tiles are encoded in JS:', (err as Error).message);
        return false;
      },
    ));
  const base = queryable(pool);
  return {
    kind: 'postgres',
    supportsMvt,
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
