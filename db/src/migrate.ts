/**
 * Applies migrations/NNN_name.sql in order, each in its own transaction, and records it in schema_migration
 * with a checksum. Safe to run twice: applied files are skipped; an applied file whose text has changed is an
 * error (write a new migration instead of editing an old one).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** migrations/ stays at the repository root, beside the packages (db/src/ → ../../migrations). */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return { version: Number(f.slice(0, 3)), name: f, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(db: Database, opts: { dir?: string; log?: (msg: string) => void } = {}): Promise<number[]> {
  const log = opts.log ?? (() => {});
  if (db.kind === 'postgres') {
    // A standby refuses every write; say what to change rather than fail on the first CREATE TABLE.
    const [r] = await db.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    if (r?.standby) throw new Error('DATABASE_URL is a hot standby (read-only replica): set DATABASE_URL to the primary and list standbys in READ_DATABASE_URLS');
  }
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Map(
    (await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migration')).map((r) => [r.version, r.checksum]),
  );
  const done: number[] = [];
  for (const m of readMigrations(opts.dir)) {
    const seen = applied.get(m.version);
    if (seen) {
      if (seen !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied; add a new migration instead`);
      continue;
    }
    log(`applying ${m.name}`);
    await db.transaction(async (tx) => {
      // Two API processes starting together on one server: the second waits here, then skips.
      await tx.query('SELECT pg_advisory_xact_lock(4304)');
      // A migration may rewrite large tables: the API's statement_timeout is not meant for it.
      await tx.exec('SET LOCAL statement_timeout = 0');
      const again = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [m.version]);
      if (again.length) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
    });
    done.push(m.version);
  }
  return done;
}

export async function schemaVersion(db: Database): Promise<number> {
  const [row] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migration');
  return row?.v ?? 0;
}
