/** node-postgres implementation of Database: what production runs on (PostgreSQL 15+ with PostGIS 3). */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PG_OID, keepText, timestampToIso, toNumber, type Database, type QueryOptions, type Queryable } from './database.js';
import { listenPostgres } from './listen-postgres.js';
import { PoolExhausted, unavailableReason } from './unavailable.js';

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

/** The client with `beforeQuery` run before each of its queries (a Proxy, so `instanceof pg.Pool` still holds). */
function admitting<C extends pg.Pool | pg.PoolClient>(client: C, beforeQuery: () => void): C {
  return new Proxy(client, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'query' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        beforeQuery();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function queryable(client: pg.Pool | pg.PoolClient, beforeQuery: () => void = () => {}): Queryable {
  return {
    // drizzle's queries pass the same admission as ours (a bounded wait for a connection).
    orm: drizzle({ client: admitting(client, beforeQuery) }) as unknown as Queryable['orm'],
    async query<T>(text: string, params: readonly unknown[] = [], opts: QueryOptions = {}) {
      beforeQuery();
      const res = await client.query({ text, values: params as unknown[], types, name: opts.name });
      return res.rows as T[];
    },
    async exec(text: string) {
      beforeQuery();
      await client.query(text);
    },
  };
}

export interface PoolOptions {
  /** Connections (default 10). */
  max?: number;
  /** Requests that may wait for a connection (default 200); beyond that a query fails at once with PoolExhausted. */
  maxWaiting?: number;
  /**
   * How long a request waits for a connection before failing; also bounds connecting. The API sets it from
   * DB_POOL_WAIT_MS (5 s); scripts and tests that do not say get 30 s, as a busy machine can be slow to connect.
   */
  waitMs?: number;
  /** Server-side statement_timeout of every connection (default 30000 ms; 0 = none). */
  statementTimeoutMs?: number;
}

export async function openPostgres(url: string, opts: PoolOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    connectionTimeoutMillis: opts.waitMs ?? 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    // No JIT: PostGIS prices its functions high, so short spatial statements cross jit_above_cost and spend
    // seconds compiling for milliseconds of work (measured: an import's gap check 5.1 s JIT, 0.32 s execution).
    options: '-c jit=off',
  });
  const maxWaiting = opts.maxWaiting ?? 200;
  // A bounded queue: when every connection is busy and this many requests already wait, refuse at once (503)
  // rather than let requests pile up behind a stuck database.
  const admit = () => {
    if (pool.waitingCount >= maxWaiting) throw new PoolExhausted(pool.totalCount, pool.waitingCount);
  };
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
        // The server being down is no answer: fail the request (503) rather than switch encoders.
        if (unavailableReason(err)) throw err;
        console.warn('[db] ST_AsMVT unavailable, tiles are encoded in JS:', (err as Error).message);
        return false;
      },
    ));
  const base = queryable(pool, admit);
  return {
    kind: 'postgres',
    supportsMvt,
    ...base,
    async transaction(fn) {
      admit();
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(queryable(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        // A connection that cannot even roll back is dropped, not returned to the pool.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    close: () => pool.end(),
  };
}
