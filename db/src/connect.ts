/** Pick the database from configuration: DATABASE_URL → PostgreSQL server; otherwise the embedded one. */
import type { Database } from './database.js';
import { openPostgres } from './postgres.js';

export interface DatabaseConfig {
  databaseUrl?: string;
  dataDir: string;
}

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  // Loaded lazily: the WASM build is large and production never needs it.
  const { openEmbedded } = await import('./embedded.js');
  return openEmbedded(cfg.dataDir);
}
