/** Pick the database from configuration: DATABASE_URL → PostgreSQL server; otherwise the embedded one. */
import type { Database } from './database.js';
import { openPostgres, type PoolOptions } from './postgres.js';

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
  /** Connection pool of the PostgreSQL server (ignored by the embedded database). */
  pool?: PoolOptions;
}

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, cfg.pool);
  // Loaded lazily: the WASM build is large and production never needs it.
  const { openEmbedded } = await import('./embedded.js');
  return openEmbedded(cfg.dataDir);
}
