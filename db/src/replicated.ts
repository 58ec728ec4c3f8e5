/**
 * A primary with streaming replicas (DATABASE_URL + READ_DATABASE_URLS), as one Database.
 *
 * Everything of the Database interface runs on the primary — query, exec, orm, transaction, listen — except
 * `reader(after)`: statements that only read, sent to a replica of the read pool (replica-set.ts) that has replayed
 * the WAL up to `after`, else to the primary. A reader keeps the server it chose for all its statements (one
 * request sees one server). A replica that fails under a statement — connection refused or cut, the server
 * shutting down — leaves the pool and the statement runs again on the primary, so a stopped replica costs no
 * request an error; so does a replica whose pool is full, or one that cancelled the statement for a conflict with
 * recovery (a hot standby cancels queries that hold back WAL replay; SQLSTATE 40001). A statement timeout is not
 * retried: the statement is slow, and running it twice would double the load.
 *
 * Replica pools are read-only (default_transaction_read_only), so a write sent to a reader by mistake fails
 * loudly (25006) instead of going anywhere.
 */
import type { Database, Queryable, QueryOptions } from './database.js';
import { describeUrl, openPostgres, type PoolOptions } from './postgres.js';
import { ReplicaSet, type Member, type ReplicaOptions } from './replica-set.js';
import { unavailableReason } from './unavailable.js';
import type { WalPosition } from './wal.js';

/**
 * The floor a read must reach has to be (a) at or past the commit record of every transaction committed so far and
 * (b) flushed on the primary, because a standby receives only flushed WAL. The insert position satisfies (a) but
 * not (b): records after the last commit (heap pruning by a read, say) may sit on a half-filled page, unflushed,
 * until the next commit or the next standby snapshot (15 s); a floor there keeps reads off the replicas that long.
 * The flushed position satisfies (b) but not (a) under synchronous_commit = off (a commit may not be flushed yet).
 * So: a tiny transaction that writes one WAL record and commits synchronously — its commit record follows every
 * earlier commit and is flushed before COMMIT returns — and then the flushed position, past that record.
 * It must write a record: PostgreSQL flushes at COMMIT only for a transaction that wrote WAL, and one that merely
 * took an xid commits asynchronously whatever synchronous_commit says (RecordTransactionCommit), which left the
 * floor short of a write committed just before (tests/db/replicas.test.ts caught it). pg_logical_emit_message
 * writes a record at any wal_level and needs no privilege or table. One record and one WAL flush per call; called
 * once per write request and once per change heard, a handful a day.
 */
const FLUSH_MARK = "SELECT pg_logical_emit_message(true, 'grid-console', 'read-floor')";
const FLUSHED_POSITION = 'SELECT pg_current_wal_flush_lsn()::text AS lsn';

/** Why a failed statement on a replica may run again on the primary; null: it may not (the error is the answer). */
function retryOnPrimary(err: unknown): 'down' | 'busy' | null {
  const reason = unavailableReason(err);
  if (reason === 'database_unreachable') return 'down';
  if (reason === 'pool_exhausted') return 'busy';
  const code = (err as { code?: unknown } | null)?.code;
  // 40001: canceled for a conflict with recovery; 57P04: database dropped while replaying.
  if (code === '40001' || code === '57P04') return 'busy';
  return null;
}

export interface ReplicatedOptions extends ReplicaOptions {
  /** Pool of the primary and of each replica (connections per server). */
  pool?: PoolOptions;
}

export async function openReplicated(primaryUrl: string, replicaUrls: readonly string[], opts: ReplicatedOptions = {}): Promise<Database> {
  const pool = opts.pool ?? {};
  const primary = await openPostgres(primaryUrl, pool);
  // The probe's own timeout (replica-set.ts) decides when a server counts as unreachable; these only bound a hang.
  const probeOf = (url: string) => openPostgres(url, { max: 1, waitMs: 10_000, statementTimeoutMs: 10_000, applicationName: 'grid-console-probe' });
  const member = async (url: string, db: Database): Promise<Member> => ({ name: describeUrl(url), db, probe: await probeOf(url) });
  const replicas = await Promise.all(
    replicaUrls.map(async (url) => member(url, await openPostgres(url, { ...pool, readOnly: true, applicationName: 'grid-console-read' }))),
  );
  const primaryMember = await member(primaryUrl, primary);
  const set = new ReplicaSet(primaryMember, replicas, opts);
  void set.start();

  const reader = (after: WalPosition | null): Queryable => {
    // undefined: not chosen yet; null: the primary.
    let chosen: ReturnType<ReplicaSet['pick']> | undefined;
    const run = async <T>(statement: (q: Queryable) => Promise<T>): Promise<T> => {
      if (chosen === undefined) chosen = set.pick(after);
      const replica = chosen;
      if (!replica) return statement(primary);
      replica.status.reads!++;
      try {
        return await statement(replica.db);
      } catch (err) {
        const why = retryOnPrimary(err);
        if (!why) throw err;
        if (why === 'down') set.markDown(replica, err as Error);
        chosen = null;
        return statement(primary);
      }
    };
    return {
      query: <T>(text: string, params?: readonly unknown[], o?: QueryOptions) => run((q) => q.query<T>(text, params, o)),
      exec: (text: string) => run((q) => q.exec(text)),
      // drizzle's tables are users, sessions, tokens, the audit log and the records written through them: read and
      // written on the primary (sessions must see a sign-in at once), so a reader's ORM is the primary's.
      orm: primary.orm,
    };
  };

  return {
    ...primary,
    reader,
    async walPosition() {
      await primary.transaction(async (tx) => {
        await tx.exec('SET LOCAL synchronous_commit = on');
        await tx.query(FLUSH_MARK);
      });
      const [row] = await primary.query<{ lsn: string }>(FLUSHED_POSITION);
      return row!.lsn;
    },
    servers: () => set.servers(),
    async close() {
      set.stop();
      await Promise.all([...replicas.flatMap((r) => [r.db.close(), r.probe.close()]), primaryMember.probe.close()]);
      await primary.close();
    },
  };
}
