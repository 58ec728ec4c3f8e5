/**
 * `pnpm seed -- --size province --seed 4304 [--as-of 2026-11-01] [--reset]`
 *
 * Generates the demo region into DATABASE_URL, or into the embedded database in DATA_DIR (as the API does),
 * migrating first. Refuses a database that already holds areas unless --reset, which first empties every table
 * the seed fills (users, sessions and audit included: they belong to the demo). The demo accounts come with it; a
 * server started with the demo off (SEED_DEMO=0, the default with DATABASE_URL) deactivates them.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from 'db/connect';
import { migrate } from 'db/migrate';
import { SIZES, formatDuration, progressPrinter, resetDemoData } from 'geodata/demo';
import { loadConfig } from '../config.js';
import { seedDemo } from '../seeding/seed-demo.js';
import { chinaToday } from 'domain/time';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    size: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '4304' },
    'as-of': { type: 'string', default: chinaToday() },
    reset: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: pnpm seed -- [--size ${Object.keys(SIZES).join('|')}] [--seed N] [--as-of YYYY-MM-DD] [--reset]`);
  process.exit(0);
}

const cfg = loadConfig();
const db = await openDatabase(cfg);
const target = cfg.databaseUrl ? cfg.databaseUrl.replace(/\/\/[^@/]*@/, '//') : `embedded ${cfg.dataDir}`;
try {
  await migrate(db, { log: (m) => console.log(`[migrate] ${m}`) });
  if (values.reset) {
    await resetDemoData(db);
    console.log('[seed] reset: demo data removed');
  }
  console.log(`[seed] size ${values.size}, seed ${values.seed}, as of ${values['as-of']} → ${target}`);
  const started = Date.now();
  const progress = progressPrinter();
  await seedDemo(db, { size: values.size!, seed: Number(values.seed), asOf: values['as-of']!, onProgress: progress.update });
  const [info] = await db.query<{ value: { counts: Record<string, number> } }>(`SELECT value FROM dataset_info WHERE key = 'region'`);
  progress.done(`[seed] done in ${formatDuration((Date.now() - started) / 1000)}: ` +
    Object.entries(info!.value.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', '));
} catch (err) {
  console.error(`\n[seed] failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
