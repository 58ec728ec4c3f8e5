/**
 * What every demo seed step receives. Steps run in order (places → listings → wastewater samples), each in the
 * one transaction that seedDemoRegion opens, so a failed seed leaves the database as it was.
 */
import type { Queryable } from 'db';

export interface SeedProgress {
  step: string;
  done: number;
  total: number;
}

export interface SeedContext {
  db: Queryable;
  /** The seed: the same seed, size and asOf give the same region, row for row. */
  seed: number;
  /** Size name: 'tiny' | 'demo' | 'county' | 'city' | 'province'. */
  size: string;
  /** The demo's "today" (YYYY-MM-DD): histories end here, due dates are counted from here. */
  asOf: string;
  /** A deterministic random stream per purpose: rng('firms') never shifts when another step draws more numbers. */
  rng: (stream: string) => () => number;
  progress: (p: SeedProgress) => void;
}

export type SeedStep = (ctx: SeedContext) => Promise<void>;
