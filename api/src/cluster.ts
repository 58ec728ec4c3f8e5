/**
 * Several API processes on one port and one PostgreSQL database: `API_WORKERS=2 DATABASE_URL=… pnpm start:cluster`.
 * node:cluster forks the workers (each one is main.ts: its own pool, tile cache and change-feed listener) and
 * shares the listening socket among them, connections spread round-robin. The primary prepares the database first
 * (migrations, the demo region into an empty one) so that no two workers seed at once, and restarts a worker that
 * dies. Tile caches stay true to the database across workers through LISTEN/NOTIFY (tiles/change-feed.ts).
 * The embedded database is one process: it needs DATABASE_URL.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

if (cluster.isPrimary) {
  const { loadConfig } = await import('./config.js');
  const { openDatabase } = await import('db/connect');
  const { prepareDatabase } = await import('./startup/start.js');
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('[cluster] several processes need a PostgreSQL server: set DATABASE_URL (the embedded database is one process)');
    process.exit(64);
  }
  const workers = Math.max(1, Number(process.env.API_WORKERS ?? availableParallelism()));
  // Preparing writes to the primary only: no replica is opened here.
  const db = await openDatabase({ ...config, readDatabaseUrls: [] });
  await prepareDatabase(db, config, { phase: 'starting' });
  await db.close();
  let stopping = false;
  const fork = () => cluster.fork({ SEED_DEMO: '0' });
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
