/**
 * Pick the database from configuration: DATABASE_URL → PostgreSQL server (with READ_DATABASE_URLS: its streaming
 * replicas take the reads, replicated.ts); otherwise the embedded one.
 */
import type { Database } from './database.js';
import { openPostgres, type PoolOptions } from './postgres.js';
import type { ReplicaOptions } from './replica-set.js';

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  /** Connection pool of each PostgreSQL server (ignored by the embedded database). */
  pool?: PoolOptions;
  /** Hot standbys of databaseUrl that serve reads (ignored without databaseUrl). */
  readDatabaseUrls?: readonly string[];
  /** How they are probed and when one is too far behind. */
  readReplicas?: ReplicaOptions;
}

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  if (cfg.databaseUrl && cfg.readDatabaseUrls?.length) {
    const { openReplicated } = await import('./replicated.js');
    return openReplicated(cfg.databaseUrl, cfg.readDatabaseUrls, { ...cfg.readReplicas, pool: cfg.pool });
  }
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, cfg.pool);
  // Loaded lazily: the WASM build is large and production never needs it.
  const { openEmbedded } = await import('./embedded.js');
  return openEmbedded(cfg.dataDir);
}
