/**
 * Keeps this process's tile cache true to the database when several API processes share it.
 *
 * 1. Every write to a table tiles read sends NOTIFY (a trigger, migrations/110), delivered to every process's
 *    listener when the writing transaction commits. Each process drops the tiles the change touched.
 * 2. "No stale tile after the write returns": a NOTIFY reaches the other processes a fraction of a millisecond
 *    after the commit, but a client could still be quicker. So a process that served a write does not answer
 *    until every process has seen it — `sync()`, run by the API after each successful write request:
 *    it sends a second notification, a barrier, and waits until every listening process (found in
 *    pg_stat_activity by its application_name) acknowledges it. PostgreSQL delivers notifications in commit
 *    order, so a process that acknowledges the barrier has already applied every change committed before it.
 *    Why on the write and not on the read: a per-tile check of a data version would add a round trip to every
 *    cached tile (thousands a minute) to save one on each write (a handful a day). The write pays ~1 ms.
 * 3. A process whose listener is down may have missed changes: it serves no cached tile until it listens again,
 *    and then starts from an empty cache. A process that does not acknowledge within `ackTimeoutMs` is logged
 *    and the write answers anyway: it is stuck or dying (its listener is alive, or it would not be listed).
 *
 * 4. The same channel carries the ids of users whose tokens changed (sign-out, revocation, a user disabled or
 *    moved; migrations/091): `onUsersChanged` drops them from the process's token cache (auth/sessions.ts), and
 *    the barrier covers them as it covers tiles. Down or up again, the token cache is cleared as the tiles are.
 *
 * On the embedded database (one process) the same code runs with no peers: the barrier only waits for this
 * process's own listener.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Listener } from 'db';
import type { LayerDefinition } from '../layers/types.js';
import { layersChangedBy, parseDataChange } from './invalidation.js';
import type { TileCache } from './tile-cache.js';

export const TILE_CHANNEL = 'grid_console_tiles';
/** application_name of every process's listener connection: how a writer finds the processes to wait for. */
export const LISTENER_NAME_PREFIX = 'grid-console-tiles/';

const PEERS_SQL = `SELECT application_name AS name FROM pg_stat_activity
  WHERE datname = current_database() AND application_name LIKE '${LISTENER_NAME_PREFIX}%' AND application_name <> $1`;

interface Barrier {
  waiting: Set<string>;
  done: () => void;
}

export class TileChangeFeed {
  /** This process's name among its peers. */
  readonly name = LISTENER_NAME_PREFIX + `${process.pid}-${randomBytes(4).toString('hex')}`;
  private listener: Listener | null = null;
  private readonly barriers = new Map<string, Barrier>();
  private seq = 0;
  /** Counts for /api/health-style inspection and tests. */
  readonly stats = { changes: 0, tilesDropped: 0, syncs: 0, syncTimeouts: 0 };

  constructor(
    private readonly db: Database,
    private readonly cache: TileCache,
    private readonly layers: readonly LayerDefinition[],
    private readonly opts: { ackTimeoutMs?: number; log?: (msg: string) => void; onUsersChanged?: (ids: number[] | 'all') => void } = {},
  ) {}

  async start(): Promise<void> {
    this.listener = await this.db.listen(TILE_CHANNEL, {
      applicationName: this.name,
      onNotify: (payload) => this.onNotify(payload),
      // Down: notifications may be lost from now on. Up again: whatever is cached may have missed some.
      onState: () => (this.cache.clear(), this.opts.onUsersChanged?.('all')),
    });
  }

  /** Whether cached tiles may be served: only while this process hears about every change. */
  get live(): boolean {
    return this.listener?.up ?? false;
  }

  /** After a write has committed: returns once every API process has applied every change committed so far. */
  async sync(): Promise<void> {
    if (!this.live) return; // this process serves no cached tile now, and cannot hear acknowledgements
    this.stats.syncs++;
    const id = `${this.name}#${++this.seq}`;
    const peers = this.db.kind === 'postgres' ? (await this.db.query<{ name: string }>(PEERS_SQL, [this.name])).map((r) => r.name) : [];
    const waiting = new Set([this.name, ...peers]);
    const done = new Promise<void>((resolve) => this.barriers.set(id, { waiting, done: resolve }));
    const timeout = this.opts.ackTimeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeout)));
    try {
      await this.db.query('SELECT pg_notify($1, $2)', [TILE_CHANNEL, JSON.stringify({ sync: id })]);
      if ((await Promise.race([done, timedOut])) === 'timeout') {
        this.stats.syncTimeouts++;
        (this.opts.log ?? console.warn)(`[tiles] no acknowledgement within ${timeout} ms from ${[...waiting].join(', ')}`);
      }
    } finally {
      clearTimeout(timer);
      this.barriers.delete(id);
    }
  }

  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
  }

  private onNotify(payload: string) {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(payload) as Record<string, unknown>;
    } catch {
      return;
    }
    if (typeof msg.sync === 'string') return this.onBarrier(msg.sync);
    if (typeof msg.ack === 'string' && typeof msg.by === 'string') return this.acknowledged(msg.ack, msg.by);
    if (msg.users === 'all' || Array.isArray(msg.users)) return this.opts.onUsersChanged?.(msg.users === 'all' ? 'all' : msg.users.map(Number));
    const change = parseDataChange(msg);
    if (!change) return;
    this.stats.changes++;
    for (const layer of layersChangedBy(change, this.layers)) this.stats.tilesDropped += this.cache.invalidate(layer.id, change.boxes);
  }

  /** Every change before the barrier has been applied (delivery is in commit order): say so. */
  private onBarrier(id: string) {
    if (this.barriers.has(id)) return this.acknowledged(id, this.name);
    this.db.query('SELECT pg_notify($1, $2)', [TILE_CHANNEL, JSON.stringify({ ack: id, by: this.name })]).catch((err) => {
      (this.opts.log ?? console.warn)(`[tiles] could not acknowledge ${id}: ${(err as Error).message}`);
    });
  }

  private acknowledged(id: string, by: string) {
    const b = this.barriers.get(id);
    if (!b) return;
    b.waiting.delete(by);
    if (b.waiting.size === 0) b.done();
  }
}
