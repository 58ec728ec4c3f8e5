/**
 * Seeding the demo as the server does it: the generator (geodata) writes areas, sites, listings and lab samples;
 * then the server derives from them what it derives from real data too (area_signal, by the wastewater recompute),
 * as the last step of the same transaction. The generator never calls server services. The demo accounts, which
 * belong to the server (users/demo-accounts.ts), are made on the region afterwards.
 */
import type { Database } from 'db';
import { SEED_STEPS, seedDemoRegion, type NamedStep, type SeedOptions } from 'geodata/demo';
import { ensureDemoAccounts } from '../users/demo-accounts.js';
import { recomputeAll } from '../wastewater/recompute.js';

/** The generator's steps, then the recompute (weights: rough shares of the run time, for progress and ETA). */
export const DEMO_STEPS: readonly NamedStep[] = [
  ...SEED_STEPS,
  {
    name: 'wastewater-signals',
    run: async (ctx) => {
      await recomputeAll(ctx.db, { asOf: ctx.asOf });
    },
    weight: 2,
  },
];

/**
 * Generate the demo region into an empty database and derive its wastewater signals, in one transaction; then the
 * demo accounts (start-up keeps them only while the demo is on).
 */
export async function seedDemo(db: Database, opts: SeedOptions): Promise<void> {
  await seedDemoRegion(db, { ...opts, steps: opts.steps ?? DEMO_STEPS });
  await ensureDemoAccounts(db, { seed: opts.seed, asOf: opts.asOf });
}
