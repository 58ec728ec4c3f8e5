/**
 * The server: `pnpm start`. Serves the API and the built console; prepares the database in the background.
 * As a worker of `pnpm start:cluster` (cluster.ts) it prepares nothing: the primary has migrated the database and
 * set up (or switched off) the demo before forking, with the same environment.
 */
import cluster from 'node:cluster';
import { openDatabase } from 'db/connect';
import { createApp, createBootApp, type CreatedApp } from './app.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import { describeBasemap } from './basemap/plan.js';
import { loadConfigOrExit } from './config.js';
import type { StartupState } from './http/env.js';
import { startServer } from './server.js';
import { prepareDatabase } from './startup/start.js';

/** Expired sessions are deleted at start and then this often. */
const PURGE_EVERY_MS = 60 * 60_000;

const config = loadConfigOrExit('config');

const startup: StartupState = { phase: 'starting' };
const replicas = config.readDatabaseUrls.length ? `, reads also from ${config.readDatabaseUrls.length} replica(s) (READ_DATABASE_URLS)` : '';
console.log(config.databaseUrl ? `[db] PostgreSQL server (DATABASE_URL)${replicas}` : `[db] embedded PostGIS in ${config.dataDir}`);
console.log(`[config] demo ${config.seedDemo ? 'on (demo region and demo accounts)' : 'off'}; trusted proxies: ${config.trustedProxies.description}`);
if (config.basemap) console.log(`[basemap] ${describeBasemap(config.basemap)}`);
// Listen at once: until the database is open, a boot app serves the page and a health that says "starting".
let current = createBootApp(config, startup);
let created: CreatedApp | undefined;
const server = await startServer({ fetch: (req, env) => current.fetch(req, env) }, config.port, config.host, {
  fastPath: (req, res, app) => (created ? created.fastPath(req, res, app) : app()),
});
console.log(`[api] console at ${server.url}/`);

const db = await openDatabase(config).catch((err) => {
  startup.phase = 'failed';
  startup.error = (err as Error).message;
  console.error('[startup] cannot open the database:', err);
  return null;
});
let purgeTimer: NodeJS.Timeout | undefined;
if (db) {
  created = createApp({ db, config, startup });
  current = created.app;
  const prepare = cluster.isWorker ? async () => void (startup.phase = 'ready') : () => prepareDatabase(db, config, startup);
  prepare()
    .then(async () => {
      const purge = () =>
        purgeExpiredSessions(db)
          .then((n) => n && console.log(`[session] ${n} expired sessions deleted`))
          .catch((err) => console.error('[session] purging expired sessions failed:', (err as Error).message));
      await purge();
      purgeTimer = setInterval(purge, PURGE_EVERY_MS).unref();
    })
    .catch((err) => {
      startup.phase = 'failed';
      startup.error = (err as Error).message;
      console.error('[startup] failed:', err);
    });
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    clearInterval(purgeTimer);
    void server
      .close()
      .then(() => created?.close())
      .then(() => db?.close())
      .finally(() => process.exit(0));
  });
}
