/**
 * Bring the database to a usable state: migrate; with the demo on, seed the demo region into an empty database
 * and make the demo accounts work; with it off, make sure no demo account does. Progress is written into
 * StartupState for /api/health and the page, and to the log.
 */
import type { Database } from 'db';
import { migrate } from 'db/migrate';
import type { Config } from '../config.js';
import type { StartupState } from '../http/env.js';
import { chinaToday } from 'domain/time';
import { disableDemoAccounts, ensureDemoAccounts } from '../users/demo-accounts.js';
import { Eta } from './eta.js';

export async function prepareDatabase(db: Database, config: Config, state: StartupState, log = console.log): Promise<void> {
  state.phase = 'migrating';
  await migrate(db, { log: (m) => log(`[migrate] ${m}`) });
  if (config.seedDemo) {
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_area')) as [{ n: number }];
    if (n === 0) await seedWithProgress(db, config, state, log);
    const created = await ensureDemoAccounts(db, { seed: config.demoSeed });
    if (created) log(`[demo] ${created} demo accounts created (password 'demo')`);
  } else {
    const off = await disableDemoAccounts(db);
    if (off) log(`[demo] the demo is off (SEED_DEMO): ${off} demo accounts deactivated and their tokens revoked`);
  }
  state.phase = 'ready';
}

async function seedWithProgress(db: Database, config: Config, state: StartupState, log: (m: string) => void) {
  state.phase = 'seeding';
  const eta = new Eta();
  // Imported lazily: the generator is only needed on a first start with the demo.
  const { seedDemo } = await import('../seeding/seed-demo.js');
  const asOf = chinaToday();
  log(`[seed] generating the demo region (size ${config.demoSize}, seed ${config.demoSeed}, as of ${asOf}) ...`);
  let lastLog = 0;
  await seedDemo(db, {
    seed: config.demoSeed,
    size: config.demoSize,
    asOf,
    onProgress: (p) => {
      const etaSeconds = eta.update(p.step, p.done, p.total);
      state.progress = { ...p, etaSeconds };
      if (Date.now() - lastLog > 1000 || p.done === p.total) {
        lastLog = Date.now();
        log(`[seed] ${p.step}: ${p.done}/${p.total}${etaSeconds != null ? `, about ${etaSeconds} s left` : ''}`);
      }
    },
  });
  state.progress = undefined;
  log('[seed] done');
}
