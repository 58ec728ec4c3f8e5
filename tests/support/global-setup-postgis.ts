/**
 * vitest globalSetup of the db and e2e projects: a fresh TEST_DATABASE_URL database (dropped and created via
 * the admin connection), migrated and seeded with TEST_REGION, with progress printed. Once per vitest run: when
 * both projects run together, the second call finds the marker and leaves the database as it is.
 */
import { ADMIN_DATABASE_URL, TEST_DATABASE_URL, TEST_REGION } from './env.js';
import { createSeededDatabase } from './seed-region.js';

const MARKER = '__GRID_CONSOLE_TEST_DB_SEEDED';

export default async function setup(): Promise<void> {
  const key = `${TEST_DATABASE_URL}#${TEST_REGION.seed}/${TEST_REGION.size}/${TEST_REGION.asOf}`;
  const g = globalThis as Record<string, unknown>;
  if (g[MARKER] === key) return;
  // Concurrent callers in one process share the same preparation.
  const pending = (g[`${MARKER}_pending`] as Promise<void> | undefined) ?? createSeededDatabase(TEST_DATABASE_URL, ADMIN_DATABASE_URL, TEST_REGION);
  g[`${MARKER}_pending`] = pending;
  await pending;
  g[MARKER] = key;
}
