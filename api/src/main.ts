/** The server: `pnpm start`. Serves the API and the built console; prepares the database in the background. */
import { openDatabase } from 'db/connect';
import { createApp, createBootApp, type CreatedApp } from './app.js';
import { loadConfig } from './config.js';
import type { StartupState } from './http/env.js';
import { startServer } from './server.js';
import { prepareDatabase } from './startup/start.js';

const config = loadConfig();
const startup: StartupState = { phase: 'starting' };
const replicas = config.readDatabaseUrls.length ? `, reads also from ${config.readDatabaseUrls.length} replica(s) (READ_DATABASE_URLS)` : '';
console.log(config.databaseUrl ? `[db] PostgreSQL server (DATABASE_URL)${replicas}` : `[db] embedded PostGIS in ${config.dataDir}`);
// Listen at once: until the database is open, a boot app serves the page and a health that says "starting".
let current = createBootApp(config, startup);
let created: CreatedApp | undefined;
const server = await startServer({ fetch: (req) => current.fetch(req) }, config.port, config.host, {
  fastPath: (req, res, app) => (created ? created.fastPath(req, res, app) : app()),
});
console.log(`[api] console at ${server.url}/`);

const db = await openDatabase(config).catch((err) => {
  startup.phase = 'failed';
  startup.error = (err as Error).message;
  console.error('[startup] cannot open the database:', err);
  return null;
});
if (db) {
  created = createApp({ db, config, startup });
  current = created.app;
  prepareDatabase(db, config, startup).catch((err) => {
    startup.phase = 'failed';
    startup.error = (err as Error).message;
    console.error('[startup] failed:', err);
  });
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void server
      .close()
      .then(() => created?.close())
      .then(() => db?.close())
      .finally(() => process.exit(0));
  });
}
