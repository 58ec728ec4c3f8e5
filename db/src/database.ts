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
import type { WalPosition } from './wal.js';

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
  /**
   * Where reads may go. `query`, `exec`, `orm` and `transaction` above always run on the primary (writes, sessions,
   * audit, migrations); `reader(after)` is for statements that only read: each goes to a streaming replica in the
   * read pool that has replayed the WAL up to `after` (so it sees every transaction committed before that
   * position), and to the primary when none has. `after` null: any replica in the pool. Without replicas
   * (embedded, or none configured) it is this database itself. See replicas.ts.
   */
  reader(after: WalPosition | null): Queryable;
  /**
   * The primary's WAL position now: every transaction committed before this call ends at or before it, so a
   * reader given it sees them; it is flushed, so replicas receive it without waiting for more WAL. Null when there
   * are no replicas (there is nothing to wait for).
   */
  walPosition(): Promise<WalPosition | null>;
  /** Each server's role, state and lag as last probed — no query, cheap enough for every /api/health. */
  servers(): ServerStatus[];
  close(): Promise<void>;
}

/** One database server as the read routing sees it (replicas.ts probes them in the background). */
export interface ServerStatus {
  /** Where it is, without credentials: host:port/database. */
  name: string;
  /** What it is configured as: DATABASE_URL is the primary, READ_DATABASE_URLS are replicas. */
  role: 'primary' | 'replica';
  /**
   * ok; lagging (a replica further behind than the bound); unreachable; not_standby (a read URL whose server is not
   * in recovery: not following the primary, so not used); unprobed (no answer yet, or nothing probes it).
   */
  state: 'ok' | 'lagging' | 'unreachable' | 'not_standby' | 'unprobed';
  /** Replicas: whether reads go to it now. */
  inReadPool?: boolean;
  /** Replicas: how far behind the primary, in time (measured against the primary's positions over time) and bytes. */
  lagMs: number | null;
  lagBytes: number | null;
  /** The primary's written WAL position, or the replica's replayed one, at the last probe. */
  walPosition: WalPosition | null;
  checkedAt: string | null;
  error?: string;
  /** Replicas: statements served since the process started. */
  reads?: number;
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
