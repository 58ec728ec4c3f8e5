/**
 * `pnpm --filter geodata bench:generate [-- --sizes tiny,demo,province] [--embedded]`
 *
 * Time to generate each region size on the real PostGIS server (BENCH_DATABASE_URL, dropped and recreated via
 * BENCH_ADMIN_DATABASE_URL for every size) or, with --embedded, on an in-memory PGlite database; per-step
 * times and rows per table, printed as tables.
 */
import { parseArgs } from 'node:util';
import { openEmbedded } from 'db/embedded';
import { type Database, quoteIdent } from 'db';
import { migrate } from 'db/migrate';
import { openPostgres } from 'db/postgres';
import { seedDemoRegion } from '../src/demo/seed.js';
import { progressPrinter } from '../src/demo/progress.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: 'tiny,demo,province' },
    seed: { type: 'string', default: '4304' },
    embedded: { type: 'boolean', default: false },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://root@localhost/gc_h1_b?host=/var/run/postgresql';
const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://root@localhost/postgres?host=/var/run/postgresql';

async function freshDatabase(): Promise<Database> {
  if (values.embedded) return openEmbedded('memory://');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${quoteIdent(name)}`);
  await admin.close();
  return openPostgres(url, { max: 2 });
}

const summary: Record<string, Record<string, string | number>> = {};
const rows: Record<string, Record<string, number>> = {};
for (const size of values.sizes!.split(',')) {
  const db = await freshDatabase();
  await migrate(db);
  const stepTimes: Record<string, number> = {};
  let step = '';
  let stepStart = Date.now();
  const started = Date.now();
  const printer = progressPrinter();
  await seedDemoRegion(db, {
    size, seed: Number(values.seed), asOf: '2026-11-01',
    onProgress: (p) => {
      if (p.step !== step) {
        if (step) stepTimes[step] = (Date.now() - stepStart) / 1000;
        step = p.step;
        stepStart = Date.now();
      }
      printer.update(p);
    },
  });
  stepTimes[step] = (Date.now() - stepStart) / 1000;
  const total = (Date.now() - started) / 1000;
  printer.done(`[bench] ${size}: ${total.toFixed(1)} s on ${db.kind}`);
  const [info] = await db.query<{ value: { counts: Record<string, number> } }>(`SELECT value FROM dataset_info WHERE key = 'region'`);
  rows[size] = info!.value.counts;
  summary[size] = { 'total s': Number(total.toFixed(1)), ...Object.fromEntries(Object.entries(stepTimes).map(([k, v]) => [`${k} s`, Number(v.toFixed(1))])) };
  await db.close();
}

console.log(`\nGeneration time (${values.embedded ? 'embedded PGlite' : 'PostgreSQL + PostGIS'}, seed ${values.seed})`);
console.table(summary);
console.log('Rows per table');
console.table(rows);
