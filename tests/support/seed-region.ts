/**
 * Test databases holding the demo region: a PostGIS database created fresh from the admin connection, or an
 * embedded (PGlite) one in memory. Both are migrated, then seeded with the API's seedDemo (generator, wastewater
 * recompute, demo accounts).
 */
import { openEmbedded } from 'db/embedded';
import { type Database, quoteIdent } from 'db';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { seedDemo } from 'api/src/seeding/seed-demo.js';
import type { SeedRunProgress } from 'geodata/demo';

export interface Region {
  seed: number;
  size: string;
  asOf: string;
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`no database name in ${url}`);
  return name;
}

/** A compact progress line every couple of seconds (vitest shows global-setup output as it comes). */
export function progressLogger(label: string, log = console.log) {
  let last = 0;
  const started = Date.now();
  return (p: SeedRunProgress) => {
    const now = Date.now();
    if (now - last < 2000 && p.done !== p.total) return;
    last = now;
    const elapsed = (now - started) / 1000;
    const eta = p.overall > 0.02 ? Math.round((elapsed / p.overall) * (1 - p.overall)) : null;
    log(`[${label}] ${(p.overall * 100).toFixed(0)}% ${p.step} ${p.done}/${p.total}, ${elapsed.toFixed(0)} s${eta === null ? '' : `, about ${eta} s left`}`);
  };
}

/** Drop and create the database named in `url` (via `adminUrl`), migrate it and seed `region` into it. */
export async function createSeededDatabase(url: string, adminUrl: string, region: Region, log = console.log): Promise<void> {
  const name = databaseName(url);
  const admin = await openPostgres(adminUrl, { max: 1 });
  try {
    // FORCE: a test server left running from an earlier run must not block the fresh database.
    await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
  const db = await openPostgres(url, { max: 2 });
  try {
    await migrate(db);
    const started = Date.now();
    await seedDemo(db, { ...region, onProgress: progressLogger(`seed ${name}`, log) });
    log(`[seed ${name}] ${region.size} region (seed ${region.seed}, as of ${region.asOf}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

/** A migrated in-memory embedded database holding `region`. */
export async function seededEmbedded(region: Region): Promise<Database> {
  const db = await openEmbedded('memory://');
  await migrate(db);
  await seedDemo(db, region);
  return db;
}
