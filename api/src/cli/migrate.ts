/**
 * `pnpm migrate` (built: api/dist/migrate.js): apply pending migrations to DATABASE_URL, or to the embedded database
 * in DATA_DIR, with the server's own configuration (validated, same defaults), so both always mean the same database.
 */
import { openDatabase } from 'db/connect';
import { migrate, schemaVersion } from 'db/migrate';
import { ConfigError, loadConfig, type Config } from '../config.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`[migrate] ${err.message}`);
  process.exit(2);
}
const db = await openDatabase(config);
try {
  const applied = await migrate(db, { log: (m) => console.log(`[migrate] ${m}`) });
  console.log(`[migrate] ${applied.length} applied; schema version ${await schemaVersion(db)} (${db.kind})`);
} finally {
  await db.close();
}
