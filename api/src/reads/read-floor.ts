/**
 * Which server this process's reads may use, so that replicas never give a stale answer for a change the API
 * processes know of.
 *
 * The floor is a WAL position every read must see: the newest change this process has heard of. Reads go to a
 * replica that has replayed up to it (db `reader(floor)`), else to the primary. It rises in two ways:
 *  - an API write: after the request, the writing process takes the primary's WAL position (every commit of the
 *    request is at or before it) and sends it with the write barrier (tiles/change-feed.ts); every process raises
 *    its floor before it acknowledges, and the write answers only once all have. So the writer's next read — on
 *    any process — and everyone else's see the write. (Keyed by process rather than by user: a write is a handful
 *    a day, and the tile cache, which all users share, needs the process-wide floor anyway.)
 *  - a change notification from the database triggers (a write from anywhere: an importer, psql): it arrives
 *    after the commit, without a position; the process asks the primary for its position then, which is past the
 *    commit, and reads go to the primary until the answer is in ("unsettled"). A tile dropped by that change is
 *    therefore re-rendered from the primary, or from a replica that has replayed it — never from one that has not.
 * While the change feed is not listening (starting, or its connection lost) changes may go unheard: every read
 * goes to the primary, and when it listens again the floor is taken afresh.
 *
 * Without replicas (embedded, or none configured) the primary is the only server and all of this is a no-op:
 * `walPosition()` is null and every reader is the database itself.
 */
import type { Database, Queryable, WalPosition } from 'db';
import { laterWal } from 'db';

const RETRY_MS = 250;

export class ReadFloor {
  private position: WalPosition | null = null;
  private live = false;
  /** A change was heard whose position is not known yet. */
  private unsettled = false;
  private settling: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly log: (msg: string) => void = console.warn,
  ) {}

  /** Where this request's (or this tile's) reads go now. */
  reads(): Queryable {
    return !this.live || this.unsettled ? this.db : this.db.reader(this.position);
  }

  /** The position reads must have reached (null: none yet), and whether a heard change still lacks one. */
  get state(): { position: WalPosition | null; unsettled: boolean; live: boolean } {
    return { position: this.position, unsettled: this.unsettled, live: this.live };
  }

  /** The change feed hears every change (true), or may miss some (false). */
  setLive(up: boolean): void {
    this.live = up;
    // Anything may have been committed while it was not listening.
    if (up) this.changed();
  }

  /** A write whose position is known (the barrier after an API write). */
  raise(position: WalPosition | null): void {
    this.position = laterWal(this.position, position);
  }

  /** A change has committed, position unknown: reads go to the primary until the primary's position after it is in. */
  changed(): void {
    this.unsettled = true;
    if (this.settling) {
      this.again = true; // the position being fetched may be from before this change
      return;
    }
    this.settling = this.settle().finally(() => (this.settling = null));
  }

  close(): void {
    this.closed = true;
  }

  private async settle(): Promise<void> {
    do {
      this.again = false;
      try {
        this.raise(await this.db.walPosition());
      } catch (err) {
        if (this.closed) return;
        this.log(`[reads] cannot read the primary's WAL position (${(err as Error).message}); reads stay on the primary`);
        await new Promise((r) => setTimeout(r, RETRY_MS));
        this.again = true;
      }
    } while (this.again && !this.closed);
    this.unsettled = false;
  }
}
