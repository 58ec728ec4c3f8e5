/**
 * Bring the database to a usable state: migrate, then seed the demo region into an empty database (embedded
 * demo and fresh servers). Progress is written into StartupState for /api/health and the page, and to the log.
 */
import type { Database } from 'db';
import { migrate } from 'db/migrate';
import type { Config } from '../config.js';
import type { StartupState } from '../http/env.js';
import { Eta } from './eta.js';

export async function prepareDatabase(db: Database, config: Config, state: StartupState, log = console.log): Promise<void> {
  state.phase = 'migrating';
  await migrate(db, { log: (m) => log(`[migrate] ${m}`) });
  const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_area')) as [{ n: number }];
  if (n === 0 && config.seedDemo) {
    state.phase = 'seeding';
    const eta = new Eta();
    // Imported lazily: the generator is only needed on a first start.
    const { seedDemo } = await import('../seeding/seed-demo.js');
    const asOf = new Date().toISOString().slice(0, 10);
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
  state.phase = 'ready';
}
