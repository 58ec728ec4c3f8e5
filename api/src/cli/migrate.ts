/**
 * `pnpm migrate` (built: api/dist/migrate.js): apply pending migrations to DATABASE_URL, or to the embedded database
 * in DATA_DIR, with the server's own configuration (validated, same defaults), so both always mean the same database.
 */
import { openDatabase } from 'db/connect';
import { migrate, schemaVersion } from 'db/migrate';
import { loadConfigOrExit } from '../config.js';

const config = loadConfigOrExit('migrate');
const db = await openDatabase(config);
try {
  const applied = await migrate(db, { log: (m) => console.log(`[migrate] ${m}`) });
  console.log(`[migrate] ${applied.length} applied; schema version ${await schemaVersion(db)} (${db.kind})`);
} finally {
  await db.close();
}
