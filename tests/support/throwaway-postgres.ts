/**
 * A PostgreSQL server of the test's own — initdb into a temporary folder, its own port and socket folder — that a
 * test may stop, kill and restart without touching the shared cluster other tests run on. Removed by destroy(),
 * and at the latest when the test process exits. Runs the server as the `postgres` OS user (initdb refuses
 * root); local connections, replication ones included, are trusted.
 *
 * startThrowawayStandby(primary) adds a hot standby of such a server: `pg_basebackup -R -X stream` into a folder of
 * its own (the base backup plus the WAL written meanwhile, and standby.signal with primary_conninfo), started on
 * its own port, streaming from the primary from then on — the set-up the README describes for production.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './global-setup-server.js';

const BIN = '/usr/lib/postgresql/15/bin';

function asPostgres(cmd: string, args: string[]) {
  const argv = process.getuid?.() === 0 ? ['-u', 'postgres', '--', join(BIN, cmd), ...args] : null;
  return argv ? execFileSync('runuser', argv, { stdio: 'pipe' }) : execFileSync(join(BIN, cmd), args, { stdio: 'pipe' });
}

export interface ThrowawayPostgres {
  port: number;
  /** The folder of its socket (and its data and log). */
  dir: string;
  url(database: string): string;
  start(): void;
  /** fast: disconnect clients and shut down cleanly; immediate: like a crash (recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  restart(): void;
  /** psql as the superuser, for set-up. */
  psql(database: string, sql: string): string;
  /** The server's log so far. */
  log(): string;
  /** The postmaster's process id while it runs (its backends are its children). */
  pid(): number | null;
  destroy(): void;
}

export interface ThrowawayOptions {
  /** More server settings (-c name=value), e.g. { shared_preload_libraries: 'pg_stat_statements' }. */
  settings?: Record<string, string>;
}

/** Durability off (a throwaway): fast, and a crash test still sees recovery. Replication needs wal_level replica. */
const BASE_SETTINGS: Record<string, string> = {
  listen_addresses: "''",
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  wal_level: 'replica',
  hot_standby: 'on',
};

function tempDir(): string {
  const dir = mkdtempSync('/tmp/gc-pg-');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  return dir;
}

/** A server on `data` (already initialised), with its socket in `dir`; started by the caller. */
function server(dir: string, port: number, opts: ThrowawayOptions): ThrowawayPostgres {
  const data = join(dir, 'data');
  const logFile = join(dir, 'log');
  const settings = { ...BASE_SETTINGS, ...opts.settings };
  const o = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  const pgctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '30', ...args]);
  let destroyed = false;
  const pg: ThrowawayPostgres = {
    port,
    dir,
    url: (database) => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    start: () => void pgctl('-o', o, 'start'),
    stop: (mode = 'fast') => void pgctl('-m', mode, 'stop'),
    restart() {
      pg.stop('fast');
      pg.start();
    },
    psql: (database, sql) => execFileSync(join(BIN, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8' }),
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    pid() {
      const f = join(data, 'postmaster.pid');
      return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      process.off('exit', pg.destroy);
      try {
        pg.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Even when the run is cut short (a failed hook, a timeout): no server left running, no folder left behind.
  process.once('exit', pg.destroy);
  return pg;
}

export async function startThrowawayPostgres(opts: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const dir = tempDir();
  const port = await freePort();
  asPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const pg = server(dir, port, opts);
  pg.start();
  return pg;
}

/** A hot standby of `primary`, streaming from it (pg_basebackup -R -X stream), with the same settings. */
export async function startThrowawayStandby(primary: ThrowawayPostgres, opts: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  const dir = tempDir();
  const port = await freePort();
  const pg = server(dir, port, opts);
  try {
    asPostgres('pg_basebackup', ['-D', join(dir, 'data'), '-R', '-X', 'stream', '-c', 'fast', '-h', primary.dir, '-p', String(primary.port), '-U', 'postgres']);
    pg.start();
  } catch (err) {
    pg.destroy();
    throw err;
  }
  return pg;
}
