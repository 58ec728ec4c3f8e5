/**
 * The one database interface the rest of the API talks to.
 *
 * Two implementations: `postgres.ts` (node-postgres, production) and `embedded.ts` (PGlite + PostGIS in WASM,
 * the zero-install demo). Both return rows with the same JS types, so no caller branches on the driver:
 *   bigint/int8 → number, numeric → number, date → 'YYYY-MM-DD', timestamp(tz) → ISO-8601 string, json → parsed.
 * The one capability they differ in is `supportsMvt()`: PGlite's PostGIS is built without protobuf-c, so ST_AsMVT is
 * missing there and tiles are encoded in JS instead (see tiles/).
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export type DatabaseKind = 'postgres' | 'embedded';

/**
 * `name`: a prepared statement (PostgreSQL plans it once per connection, then only binds and executes; the hot
 * tile path uses it). One name, one text, for the life of the process. Ignored by PGlite.
 */
export interface QueryOptions {
  name?: string;
}

export interface Queryable {
  /** Run one statement with $1.. parameters and return its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[], opts?: QueryOptions): Promise<T[]>;
  /** Run several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * drizzle-orm over the same connection (inside `transaction`, over the transaction's): typed CRUD on the tables
   * declared in ./schema. Spatial and tile SQL goes through `query`.
   */
  readonly orm: Orm;
}

export type Orm = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Whether the server's PostGIS can encode MVT (ST_AsMVT needs protobuf-c); probed on first call. */
  supportsMvt(): Promise<boolean>;
  /** Run `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Receive NOTIFY payloads on `channel` (LISTEN on a dedicated connection that reconnects by itself; in-process
   * on PGlite). `onState(true)` each time listening (re)starts, `onState(false)` when the connection drops:
   * notifications sent in between are lost. `applicationName` labels the connection (pg_stat_activity).
   */
  listen(channel: string, handlers: { onNotify: (payload: string) => void; onState?: (up: boolean) => void; applicationName?: string }): Promise<Listener>;
  close(): Promise<void>;
}

export interface Listener {
  /** Whether notifications are being received now. */
  readonly up: boolean;
  close(): Promise<void>;
}

/** OIDs of the types whose JS form we normalise (pg_type.oid). */
export const PG_OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

export const toNumber = (v: string) => (v === null ? null : Number(v));
export const keepText = (v: string) => v;
/** Both drivers hand us the server's text form; PostgreSQL's `2024-01-02 03:04:05+00` → ISO 8601. */
export const timestampToIso = (v: string) => (v === null ? null : new Date(v.includes('T') ? v : v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString());
