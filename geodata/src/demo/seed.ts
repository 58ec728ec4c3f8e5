/**
 * seedDemoRegion: generate the fictitious demo region (衡岳市 near Hengyang, or larger) into an empty database,
 * in one transaction, deterministically from (seed, size, asOf).
 *
 * Steps run in order; each gets its own random streams (ctx.rng(name)), so one step drawing more numbers never
 * changes another's output. Listings and wastewater samples are steps owned by their own modules. The demo
 * accounts are not part of the region: the API creates them when the demo is on (api/src/users/demo-accounts.ts).
 */
import type { Database } from 'db';
import type { SeedContext, SeedProgress, SeedStep } from './context.js';
import { seedPlaces } from './places.js';
import { seedRoads } from './roads.js';
import { seedFirmsAndVenues } from './firms-venues.js';
import { seedWastewaterSites } from './wastewater-sites.js';
import { seedGridMonths } from './grid-months.js';
import { seedListings } from './listings.js';
import { seedWastewaterSamples } from './wastewater-samples.js';
import { streamRng } from './rng.js';
import { regionSize } from './sizes.js';

export interface SeedOptions {
  seed: number;
  size: string;
  /** The demo's "today", YYYY-MM-DD. */
  asOf: string;
  onProgress?: (p: SeedRunProgress) => void;
  /** The steps to run (tests and benchmarks may run a prefix); default SEED_STEPS. */
  steps?: readonly NamedStep[];
}

/** A step's own progress plus where the whole run stands (0–1, weighted by each step's usual share of time). */
export interface SeedRunProgress extends SeedProgress {
  stepIndex: number;
  stepCount: number;
  overall: number;
}

export interface NamedStep {
  name: string;
  run: SeedStep;
  /** Rough share of the total time, for the overall percentage and ETA. */
  weight: number;
}

export const SEED_STEPS: NamedStep[] = [
  { name: 'places', run: seedPlaces, weight: 55 },
  { name: 'roads', run: seedRoads, weight: 6 },
  { name: 'firms-venues', run: seedFirmsAndVenues, weight: 6 },
  { name: 'wastewater-sites', run: seedWastewaterSites, weight: 4 },
  { name: 'grid-months', run: seedGridMonths, weight: 20 },
  { name: 'listings', run: seedListings, weight: 4 },
  { name: 'wastewater-samples', run: seedWastewaterSamples, weight: 4 },
];

const COUNTED_TABLES = [
  'admin_area', 'grid_cell', 'road', 'checkpoint', 'checkpoint_day', 'checkpoint_seizure', 'firm', 'venue', 'inspection',
  'wastewater_site', 'wastewater_sample', 'grid_month', 'listing', 'listing_event',
] as const;

export async function seedDemoRegion(db: Database, opts: SeedOptions): Promise<void> {
  regionSize(opts.size); // fail early on an unknown size
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(opts.asOf))) throw new Error(`asOf must be YYYY-MM-DD, got '${opts.asOf}'`);
  if (!Number.isInteger(opts.seed) || opts.seed <= 0) throw new Error(`seed must be a positive integer, got ${opts.seed}`);

  const steps = opts.steps ?? SEED_STEPS;
  const totalWeight = steps.reduce((s, st) => s + st.weight, 0);
  await db.transaction(async (tx) => {
    // Generating a province takes minutes in one transaction: the API's statement_timeout is not meant for it.
    await tx.exec('SET LOCAL statement_timeout = 0');
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_area');
    if (existing!.n > 0) {
      throw new Error(`the database already holds ${existing!.n} administrative areas; seed only an empty database (the seed CLI's --reset clears it)`);
    }
    let before = 0;
    for (const [i, step] of steps.entries()) {
      const ctx: SeedContext = {
        db: tx,
        seed: opts.seed,
        size: opts.size,
        asOf: opts.asOf,
        rng: (stream) => streamRng(opts.seed, `${step.name}/${stream}`),
        progress: (p) => opts.onProgress?.({
          ...p, stepIndex: i, stepCount: steps.length,
          overall: (before + step.weight * (p.total > 0 ? Math.min(1, p.done / p.total) : 0)) / totalWeight,
        }),
      };
      ctx.progress({ step: step.name, done: 0, total: 1 });
      await step.run(ctx);
      ctx.progress({ step: step.name, done: 1, total: 1 });
      before += step.weight;
    }
    const counts: Record<string, number> = {};
    for (const t of COUNTED_TABLES) {
      const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
      counts[t] = row!.n;
    }
    const info = { seed: opts.seed, size: opts.size, asOf: opts.asOf, generatedAt: new Date().toISOString(), counts };
    await tx.query(`INSERT INTO dataset_info (key, value) VALUES ('region', $1::jsonb)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(info)]);
  });
}
