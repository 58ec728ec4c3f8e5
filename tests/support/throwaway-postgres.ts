/**
 * A PostgreSQL server of the test's own — initdb into a temporary folder, its own port and socket folder — that a
 * test may stop, kill and restart without touching the shared cluster other tests run on. Removed by destroy().
 * Runs the server as the `postgres` OS user (initdb refuses root); local connections are trusted.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './global-setup-server.js';

const BIN = '/usr/lib/postgresql/15/bin';

function asPostgres(cmd: string, args: string[]) {
  const argv = process.getuid?.() === 0 ? ['-u', 'postgres', '--', join(BIN, cmd), ...args] : null;
  return argv ? execFileSync('runuser', argv, { stdio: 'pipe' }) : execFileSync(join(BIN, cmd), args, { stdio: 'pipe' });
}

export interface ThrowawayPostgres {
  port: number;
  url(database: string): string;
  start(): void;
  /** fast: disconnect clients and shut down cleanly; immediate: like a crash (recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  restart(): void;
  /** psql as the superuser, for set-up. */
  psql(database: string, sql: string): string;
  destroy(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync('/tmp/gc-pg-');
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  const port = await freePort();
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const pgctl = (...args: string[]) => asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', ...args]);
  const pg: ThrowawayPostgres = {
    port,
    url: (database) => `postgres://postgres@localhost/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
    start: () => void pgctl('-o', opts, 'start'),
    stop: (mode = 'fast') => void pgctl('-m', mode, 'stop'),
    restart() {
      pg.stop('fast');
      pg.start();
    },
    psql: (database, sql) => execFileSync(join(BIN, 'psql'), ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-tAc', sql], { encoding: 'utf8' }),
    destroy() {
      try {
        pg.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
