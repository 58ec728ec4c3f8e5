/**
 * Several API processes on one port and one PostgreSQL database: `API_WORKERS=2 DATABASE_URL=… pnpm start:cluster`
 * (built: api/dist/cluster.js, as `pnpm start` runs api/dist/server.js).
 * node:cluster forks the workers (each one is main.ts: its own pool, tile cache and change-feed listener) and
 * shares the listening socket among them, connections spread round-robin. The primary prepares the database first
 * — migrations, and the demo exactly as one process would: seeded and its accounts kept only with SEED_DEMO=1,
 * otherwise demo accounts switched off — so that no two workers migrate or seed at once; the workers inherit the
 * same environment and prepare nothing (main.ts). A worker that dies is restarted.
 * Tile caches stay true to the database across workers through LISTEN/NOTIFY (tiles/change-feed.ts).
 * The embedded database is one process: it needs DATABASE_URL.
 */
import cluster from 'node:cluster';

if (cluster.isPrimary) {
  const { loadConfigOrExit } = await import('./config.js');
  const { openDatabase } = await import('db/connect');
  const { prepareDatabase } = await import('./startup/start.js');
  const config = loadConfigOrExit('cluster');
  if (!config.databaseUrl) {
    console.error('[cluster] several processes need a PostgreSQL server: set DATABASE_URL (the embedded database is one process)');
    process.exit(64);
  }
  const workers = config.workers;
  console.log(`[config] demo ${config.seedDemo ? 'on (demo region and demo accounts)' : 'off'}`);
  const db = await openDatabase(config);
  await prepareDatabase(db, config, { phase: 'starting' });
  await db.close();
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  console.log(`[cluster] ${workers} API processes`);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`[cluster] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 5000).unref();
      cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
    });
  }
} else {
  await import('./main.js');
}
