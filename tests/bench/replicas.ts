/**
 * Benchmark (not a test): the read-heavy mix of `pnpm bench` (tiles, OGC features, details, search; api/bench/mixed.ts)
 * against the primary alone and against the primary plus one hot standby (READ_DATABASE_URLS), with the tile cache
 * off so that every request reaches a database — the load replicas are for. Both servers are throwaway clusters of
 * this run (initdb, then pg_basebackup -R -X stream; tests/support/throwaway-postgres.ts), removed afterwards.
 *
 *   pnpm --filter tests bench:replicas
 *   BENCH_SIZE=city BENCH_SECONDS=20 BENCH_CLIENTS=4,16 pnpm --filter tests bench:replicas
 *
 * Besides throughput and latency it prints the CPU time each part used (the API process, the primary's and the
 * standby's server processes) and where the statements ran (pg_stat_statements on each). On one machine the two
 * servers share the same cores: read what moved where, not only the requests per second.
 */
import { loadavg } from 'node:os';
import { AS_OF, benchUser } from 'api/bench/region.js';
import { load, type LoadResult } from 'api/bench/clients.js';
import { mixedRequests } from 'api/bench/mixed.js';
import { cpuMs, startApi } from 'api/bench/servers.js';
import { walReached } from 'db';
import { openPostgres } from 'db/postgres';
import { createSeededDatabase, progressLogger } from '../support/seed-region.js';
import { startThrowawayPostgres, startThrowawayStandby, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

const SIZE = process.env.BENCH_SIZE ?? 'demo';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '4,16').split(',').map(Number);
const DB = 'bench';
const SETTINGS = { shared_preload_libraries: 'pg_stat_statements', max_connections: '200' };

const one = (pg: ThrowawayPostgres, sql: string) => pg.psql(DB, sql).trim();
const statements = (pg: ThrowawayPostgres) =>
  Number(one(pg, "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%wal_%lsn%' AND query NOT LIKE '%pg_is_in_recovery%'"));
const reset = (pg: ThrowawayPostgres) => pg.psql(DB, 'SELECT pg_stat_statements_reset()');

async function caughtUp(primary: ThrowawayPostgres, standby: ThrowawayPostgres) {
  const target = one(primary, 'SELECT pg_current_wal_lsn()');
  while (!walReached(one(standby, 'SELECT pg_last_wal_replay_lsn()'), target)) await new Promise((r) => setTimeout(r, 100));
}

interface Row {
  setup: string;
  clients: number;
  result: LoadResult;
  cpu: { api: number; primary: number; standby: number };
  statements: { primary: number; standby: number };
}

async function measure(setup: string, primary: ThrowawayPostgres, standby: ThrowawayPostgres, env: Record<string, string>, paths: string[], auth: Record<string, string>): Promise<Row[]> {
  const api = await startApi(primary.url(DB), { TILE_CACHE_ENTRIES: '1', DB_POOL_MAX: '16', ...env });
  const rows: Row[] = [];
  try {
    await load(api.url, paths.slice(0, 200), 2, 2, auth); // warm: connections open, statements prepared
    for (const clients of CLIENTS) {
      [primary, standby].forEach(reset);
      const before = { api: cpuMs(api.pid), primary: cpuMs(primary.pid()!), standby: cpuMs(standby.pid()!) };
      const result = await load(api.url, paths, clients, SECONDS, auth);
      // cpuMs counts the server processes alive now: a backend that exits takes its time with it (hence ≥ 0).
      const used = (now: number, then: number) => Math.max(0, now - then);
      const cpu = { api: used(cpuMs(api.pid), before.api), primary: used(cpuMs(primary.pid()!), before.primary), standby: used(cpuMs(standby.pid()!), before.standby) };
      const row = { setup, clients, result, cpu, statements: { primary: statements(primary), standby: statements(standby) } };
      rows.push(row);
      const perReq = (ms: number) => (ms / Math.max(1, result.requests)).toFixed(2);
      console.log(
        `${setup.padEnd(18)} ${String(clients).padStart(3)} clients: ${result.rps.toFixed(0).padStart(5)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  ` +
          `${result.non2xx} non-2xx ${result.errors} errors | CPU ms/req: API ${perReq(cpu.api)}, primary ${perReq(cpu.primary)}, standby ${perReq(cpu.standby)} | ` +
          `statements: primary ${row.statements.primary}, standby ${row.statements.standby}  (load average ${loadavg()[0]!.toFixed(2)})`,
      );
    }
  } finally {
    await api.stop();
  }
  return rows;
}

async function main() {
  console.log(`[bench] primary and standby of their own; region '${SIZE}', ${SECONDS} s per level, clients ${CLIENTS.join(', ')}`);
  const primary = await startThrowawayPostgres({ settings: SETTINGS });
  let standby: ThrowawayPostgres | undefined;
  try {
    await createSeededDatabase(primary.url(DB), primary.url('postgres'), { seed: 4304, size: SIZE, asOf: AS_OF }, progressLogger(`seed ${SIZE}`));
    primary.psql(DB, 'CREATE EXTENSION pg_stat_statements');
    primary.psql(DB, 'ANALYZE');
    const db = await openPostgres(primary.url(DB), { max: 2 });
    const { token } = await benchUser(db);
    const { paths, mix } = await mixedRequests(db);
    await db.close();
    console.log(`[bench] ${mix.tile} tiles, ${mix.features} feature queries, ${mix.details} details, ${mix.search} searches, cycled; tile cache off`);
    standby = await startThrowawayStandby(primary, { settings: SETTINGS });
    await caughtUp(primary, standby);
    const auth = { Authorization: `Bearer ${token}` };
    // Alternating, so that a change in the machine's other load does not fall on one setup only.
    for (const round of [1, 2]) {
      console.log(`\n== round ${round} ==`);
      await measure('primary alone', primary, standby, {}, paths, auth);
      await measure('primary + replica', primary, standby, { READ_DATABASE_URLS: standby.url(DB) }, paths, auth);
    }
  } finally {
    standby?.destroy();
    primary.destroy();
  }
}

await main();
