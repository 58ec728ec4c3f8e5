/**
 * `pnpm migrate`: apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR (default
 * .data/pglite at the repository root, as the API uses).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connect.js';
import { migrate, schemaVersion } from './migrate.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: resolve(process.env.DATA_DIR ?? resolve(repoRoot, '.data/pglite')),
});
const applied = await migrate(db, { log: (m) => console.log(`[migrate] ${m}`) });
console.log(`[migrate] ${applied.length} applied; schema version ${await schemaVersion(db)} (${db.kind})`);
await db.close();
