/**
 * The read pool: streaming replicas of the primary, probed in the background for where they are.
 *
 * Every `probeIntervalMs` the primary is asked its written WAL position and each replica whether it is in recovery
 * and how far it has replayed (one short statement each, on a connection of the probe's own, so a busy pool cannot
 * make a healthy server look dead). A replica is in the read pool while it answers, is a standby, and is no more
 * than `maxLagMs` behind. Lag is measured in time, not guessed from timestamps: the probe keeps the primary's
 * positions over the last minute, and a replica's lag is the age of the oldest of them it has not replayed yet
 * (zero when it has replayed them all; an idle primary does not make a replica look late).
 *
 * Reads choose among the replicas in the pool that have replayed a given position (`pick`); when none has, and
 * one is merely a little behind, the probe runs again at once (`nudge`) so that reads return to the replicas
 * within milliseconds of a write rather than a probe interval. A replica whose connection fails is taken out at
 * once (`markDown`) and comes back when a probe finds it healthy.
 */
import type { Database, ServerStatus } from './database.js';
import { walBytesBetween, walReached, type WalPosition } from './wal.js';

export interface ReplicaOptions {
  /** A replica further behind than this leaves the read pool (default 2000 ms). */
  maxLagMs?: number;
  /** How often the servers are probed (default 500 ms). */
  probeIntervalMs?: number;
  /**
   * How long a probe waits for an answer before counting the server unreachable (default 2 × interval, at least
   * 3 s: a busy server on a loaded machine can take a second to answer, and must not leave the pool for that).
   */
  probeTimeoutMs?: number;
  log?: (msg: string) => void;
}

/** A server as the set knows it: `db` serves reads (replicas), `probe` answers the probe (one connection). */
export interface Member {
  name: string;
  db: Database;
  probe: Database;
}

interface ReplicaState extends Member {
  status: ServerStatus;
  /** Replayed position at the last probe. */
  replay: WalPosition | null;
  /** Probe results arrive out of order when a nudge overlaps the regular probe: only the newest counts. */
  applied: number;
}

interface Sample {
  at: number;
  lsn: WalPosition;
}

/** Primary positions older than this are forgotten; a replica behind all that are kept is far too late anyway. */
const KEEP_SAMPLES_MS = 60_000;
/** A nudge waits this long, so that the reads of one request share one probe. */
const NUDGE_DELAY_MS = 5;

const REPLICA_PROBE = 'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay';
/** Flushed, not written or inserted: a standby is sent only what the primary has flushed. */
const PRIMARY_PROBE = 'SELECT pg_current_wal_flush_lsn()::text AS lsn';

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class ReplicaSet {
  readonly maxLagMs: number;
  readonly probeIntervalMs: number;
  private readonly probeTimeoutMs: number;
  private readonly log: (msg: string) => void;
  readonly replicas: ReplicaState[];
  private readonly primaryStatus: ServerStatus;
  private samples: Sample[] = [];
  private seq = 0;
  private rr = 0;
  private timer: NodeJS.Timeout | undefined;
  private nudging: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly primary: Member,
    replicas: Member[],
    opts: ReplicaOptions = {},
  ) {
    this.maxLagMs = opts.maxLagMs ?? 2000;
    this.probeIntervalMs = opts.probeIntervalMs ?? 500;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? Math.max(3000, 2 * this.probeIntervalMs);
    this.log = opts.log ?? ((m) => console.warn(m));
    const blank = (name: string, role: ServerStatus['role']): ServerStatus => ({ name, role, state: 'unprobed', lagMs: null, lagBytes: null, walPosition: null, checkedAt: null });
    this.primaryStatus = blank(primary.name, 'primary');
    this.replicas = replicas.map((m) => ({ ...m, status: { ...blank(m.name, 'replica'), inReadPool: false, reads: 0 }, replay: null, applied: 0 }));
  }

  /** Probe now and then every interval, until stop(). Reads go to the primary until a replica has answered. */
  start(): Promise<void> {
    const first = this.probe();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.probe().finally(loop), this.probeIntervalMs);
      this.timer.unref();
    };
    void first.finally(loop);
    return first;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The primary's position and every replica's, and the read pool from them. */
  async probe(): Promise<void> {
    await Promise.all([this.probePrimary(), this.probeReplicas()]);
  }

  /** A replica in the read pool that has replayed `after` (round robin among them), or null: read from the primary. */
  pick(after: WalPosition | null): ReplicaState | null {
    const inPool = this.replicas.filter((r) => r.status.inReadPool);
    const ready = after === null ? inPool : inPool.filter((r) => r.replay !== null && walReached(r.replay, after));
    if (ready.length === 0) {
      // Behind by a moment (a write just committed): look again now rather than at the next interval.
      if (inPool.length > 0) this.nudge();
      return null;
    }
    return ready[this.rr++ % ready.length]!;
  }

  /** A replica's connection failed: out of the read pool until a probe finds it healthy again. */
  markDown(r: ReplicaState, err: Error): void {
    if (r.status.inReadPool) this.log(`[db] replica ${r.name} left the read pool: ${err.message}`);
    r.status.inReadPool = false;
    r.status.state = 'unreachable';
    r.status.error = err.message;
  }

  servers(): ServerStatus[] {
    return [{ ...this.primaryStatus }, ...this.replicas.map((r) => ({ ...r.status }))];
  }

  private nudge(): void {
    if (this.nudging || this.stopped) return;
    this.nudging = new Promise<void>((resolve) => setTimeout(resolve, NUDGE_DELAY_MS))
      .then(() => this.probeReplicas())
      .finally(() => (this.nudging = null));
  }

  private async probePrimary(): Promise<void> {
    const s = this.primaryStatus;
    try {
      const [row] = await withTimeout(this.primary.probe.query<{ lsn: string }>(PRIMARY_PROBE), this.probeTimeoutMs);
      const now = Date.now();
      this.samples.push({ at: now, lsn: row!.lsn });
      this.samples = this.samples.filter((x, i, all) => x.at >= now - KEEP_SAMPLES_MS || i === all.length - 1);
      Object.assign(s, { state: 'ok', walPosition: row!.lsn, lagMs: 0, lagBytes: 0, checkedAt: new Date(now).toISOString(), error: undefined });
    } catch (err) {
      // Replicas are still judged against the positions seen so far: with the primary down they keep serving reads
      // of what they have (nothing newer can have been committed).
      Object.assign(s, { state: 'unreachable', checkedAt: new Date().toISOString(), error: (err as Error).message });
    }
  }

  private async probeReplicas(): Promise<void> {
    await Promise.all(this.replicas.map((r) => this.probeReplica(r)));
  }

  private async probeReplica(r: ReplicaState): Promise<void> {
    const seq = ++this.seq;
    let row: { standby: boolean; replay: string | null } | undefined;
    let error: Error | undefined;
    try {
      [row] = await withTimeout(r.probe.query<{ standby: boolean; replay: string | null }>(REPLICA_PROBE), this.probeTimeoutMs);
    } catch (err) {
      error = err as Error;
    }
    if (seq < r.applied) return; // a newer probe has already answered
    r.applied = seq;
    const s = r.status;
    const was = s.inReadPool;
    s.checkedAt = new Date().toISOString();
    if (error || !row) {
      Object.assign(s, { state: 'unreachable', inReadPool: false, error: error?.message ?? 'no answer' });
    } else if (!row.standby || row.replay === null) {
      // Not in recovery: a promoted standby or the primary itself; either way not a copy we can reason about.
      r.replay = null;
      Object.assign(s, { state: 'not_standby', inReadPool: false, walPosition: null, lagMs: null, lagBytes: null, error: 'the server is not a standby (pg_is_in_recovery() is false)' });
    } else {
      r.replay = row.replay;
      const { lagMs, lagBytes } = this.lagOf(row.replay);
      const late = lagMs > this.maxLagMs;
      Object.assign(s, { state: late ? 'lagging' : 'ok', inReadPool: !late, walPosition: row.replay, lagMs, lagBytes, error: undefined });
    }
    if (was !== s.inReadPool) {
      this.log(s.inReadPool ? `[db] replica ${r.name} is in the read pool (lag ${s.lagMs} ms)` : `[db] replica ${r.name} left the read pool: ${s.state}${s.lagMs != null ? `, lag ${s.lagMs} ms` : ''}${s.error ? `, ${s.error}` : ''}`);
    }
  }

  /** How long ago the primary was at a position this replica has not replayed yet, and how many bytes behind it is. */
  private lagOf(replay: WalPosition): { lagMs: number; lagBytes: number } {
    const newest = this.samples.at(-1);
    if (!newest) return { lagMs: 0, lagBytes: 0 };
    const oldestMissed = this.samples.find((x) => !walReached(replay, x.lsn));
    return { lagMs: oldestMissed ? Date.now() - oldestMissed.at : 0, lagBytes: walBytesBetween(replay, newest.lsn) };
  }
}
