/**
 * The flat forms in which plants' weeks go to the trend worker and their trends come back (worker.ts, pool.ts).
 * A Map of plants of Maps of arrays costs ~300 ms to structured-clone at province scale; one Float64Array each
 * way is copied (or moved) as a block.
 *
 * Weeks: per plant, in the order sent, per substance of SUBSTANCES: a presence flag, then lo, hi and n of each
 * week of the window. Trends: per plant and signal key (SIGNAL_KEYS order), TREND_SLOTS numbers (see packTrend).
 */
import { SIGNAL_KEYS, SUBSTANCES, TREND_CATEGORIES, type CensoredTrendSummary, type PlantWeeks, type WeekArrays } from 'domain/wastewater';
import type { PlantMap } from '../plant-store.js';

const substanceSlots = (weeks: number) => 1 + 3 * weeks;
export const plantSlots = (weeks: number) => SUBSTANCES.length * substanceSlots(weeks);

/** The weeks of the plants `order`, in that order. */
export function packPlants(plants: PlantMap, order: readonly number[], weeks: number): Float64Array {
  const out = new Float64Array(order.length * plantSlots(weeks));
  let at = 0;
  for (const id of order) {
    const plant = plants.get(id);
    for (const sub of SUBSTANCES) {
      const w = plant?.get(sub);
      if (w) {
        out[at] = 1;
        for (let i = 0; i < weeks; i++) {
          out[at + 1 + i] = w.lo[i]!;
          out[at + 1 + weeks + i] = w.hi[i]!;
          out[at + 1 + 2 * weeks + i] = w.n[i]!;
        }
      }
      at += substanceSlots(weeks);
    }
  }
  return out;
}

/** The `index`-th plant of a packed block, as the domain's PlantWeeks. */
export function unpackPlant(data: Float64Array, index: number, weeks: number): PlantWeeks {
  const plant: PlantWeeks = new Map();
  let at = index * plantSlots(weeks);
  for (const sub of SUBSTANCES) {
    if (data[at] === 1) {
      const w: WeekArrays = {
        lo: Array.from(data.subarray(at + 1, at + 1 + weeks)),
        hi: Array.from(data.subarray(at + 1 + weeks, at + 1 + 2 * weeks)),
        n: Array.from(data.subarray(at + 1 + 2 * weeks, at + 1 + 3 * weeks)),
      };
      plant.set(sub, w);
    }
    at += substanceSlots(weeks);
  }
  return plant;
}

/** The numeric fields of a trend summary, in slot order after [category, latestCensored, null mask]. */
const NUMBERS = ['n', 's', 'varS', 'z', 'p', 'tau', 'nCensored', 'censoredShare', 'recentCensored', 'recentN', 'recensored'] as const;
/** The fields that may be null: bit i of the null mask is NULLABLE[i]. */
const NULLABLE = ['senSlope', 'intercept', 'pctChange', 'recentMean', 'beforeMean', 'latest', 'limit'] as const;
export const TREND_SLOTS = 3 + NUMBERS.length + NULLABLE.length;
/** Slots of one plant: one trend per signal key. */
export const trendSlotsPerPlant = TREND_SLOTS * SIGNAL_KEYS.length;

export function packTrend(t: CensoredTrendSummary, out: Float64Array, at: number): void {
  out[at] = TREND_CATEGORIES.indexOf(t.category);
  out[at + 1] = t.latestCensored ? 1 : 0;
  let mask = 0;
  let k = at + 3;
  for (const f of NUMBERS) out[k++] = t[f];
  NULLABLE.forEach((f, i) => {
    const v = t[f];
    if (v === null) mask |= 1 << i;
    out[k++] = v ?? 0;
  });
  out[at + 2] = mask;
}

export function unpackTrend(data: Float64Array, at: number): CensoredTrendSummary {
  const mask = data[at + 2]!;
  const nullable = (i: number) => (mask & (1 << i) ? null : data[at + 3 + NUMBERS.length + i]!);
  const num = (i: number) => data[at + 3 + i]!;
  return {
    category: TREND_CATEGORIES[data[at]!]!,
    n: num(0),
    s: num(1),
    varS: num(2),
    z: num(3),
    p: num(4),
    tau: num(5),
    senSlope: nullable(0),
    intercept: nullable(1),
    pctChange: nullable(2),
    recentMean: nullable(3),
    beforeMean: nullable(4),
    latest: nullable(5),
    latestCensored: data[at + 1] === 1,
    nCensored: num(6),
    censoredShare: num(7),
    recentCensored: num(8),
    recentN: num(9),
    limit: nullable(6),
    recensored: num(10),
  };
}
