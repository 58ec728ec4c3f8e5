/** The server: `pnpm start`. Serves the API and the built console; prepares the database in the background. */
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import type { StartupState } from './http/env.js';
import { startServer } from './server.js';
import { prepareDatabase } from './startup/start.js';

const config = loadConfig();
const startup: StartupState = { phase: 'starting' };
console.log(config.databaseUrl ? '[db] PostgreSQL server (DATABASE_URL)' : `[db] embedded PostGIS in ${config.dataDir}`);
const db = await openDatabase(config);
const { app } = createApp({ db, config, startup });

const server = await startServer(app, config.port, config.host);
console.log(`[api] console at ${server.url}/`);

prepareDatabase(db, config, startup).catch((err) => {
  startup.phase = 'failed';
  startup.error = (err as Error).message;
  console.error('[startup] failed:', err);
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void server
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}
