/** `pnpm migrate`: apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { loadConfig } from '../config.js';
import { openDatabase } from './connect.js';
import { migrate, schemaVersion } from './migrate.js';

const cfg = loadConfig();
const db = await openDatabase(cfg);
const applied = await migrate(db, { log: (m) => console.log(`[migrate] ${m}`) });
console.log(`[migrate] ${applied.length} applied; schema version ${await schemaVersion(db)} (${db.kind})`);
await db.close();
