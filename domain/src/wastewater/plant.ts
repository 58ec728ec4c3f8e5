/**
 * A plant's weekly values over the trend window and its own trends, per substance and for the index.
 *
 * A week's value of a substance is an interval of per-capita loads (mg/day/1000 inhabitants): the mean of the
 * week's samples with censored ones at 0 (lo) and at their limit (hi); lo = hi when every sample was measured.
 * Each substance is re-censored at its highest limit in the window (censored.ts) before the index adds them up
 * with INDEX_WEIGHTS, so the index of a week is itself an interval, narrow when only a trace substance was below
 * its LOQ. The index is not re-censored as a whole: its upper bound is a sum of real loads, not a limit.
 */
import { summariseWeeks } from './kernel.js';
import type { CensoredTrendSummary } from './summary.js';
import { INDEX_SUBSTANCE, INDEX_WEIGHTS, SUBSTANCES, type Substance } from './substances.js';
import type { SignalKey } from './areal.js';
import { latestOf, type PlantLatest } from './consensus.js';

/** One substance's weeks in the window: index = step (0 = first week); n = 0 where there is no sample. */
export interface WeekArrays {
  lo: number[];
  hi: number[];
  n: number[];
}

export const emptyWeeks = (weeks: number): WeekArrays => ({ lo: Array(weeks).fill(0), hi: Array(weeks).fill(0), n: Array(weeks).fill(0) });

/** A plant's weeks per substance (substances never sampled in the window are absent). */
export type PlantWeeks = Map<Substance, WeekArrays>;

/**
 * A series' weeks with data, as parallel arrays of numbers (the recompute builds ~15,000 of them: no object per
 * week; plain arrays rather than typed ones, whose separate buffers cost the garbage collector more at this size).
 * Week k of the series is step steps[k] of the window, in time order (steps ascending).
 */
export interface PlantSeries {
  steps: number[];
  /** What the trend is tested on: the interval [lo, hi) of each week (the index: from substances re-censored at their highest limit). */
  lo: number[];
  hi: number[];
  /** The weeks' own values, each censored at its own limit: what levels and charts show (the same arrays for a substance). */
  levelLo: number[];
  levelHi: number[];
  samples: number;
}

/** The weeks with data of one substance (not yet re-censored). */
export function substanceSeries(w: WeekArrays): PlantSeries {
  const steps: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  let samples = 0;
  for (let i = 0; i < w.n.length; i++) {
    if (!(w.n[i]! > 0)) continue;
    steps.push(i);
    lo.push(w.lo[i]!);
    hi.push(w.hi[i]!);
    samples += w.n[i]!;
  }
  return { steps, lo, hi, levelLo: lo, levelHi: hi, samples };
}

/** Week sums of indexSeries, reused from call to call. */
let sums = { lo: new Float64Array(64), hi: new Float64Array(64), rawLo: new Float64Array(64), rawHi: new Float64Array(64), n: new Float64Array(64) };

/**
 * The index series: Σ weight × (re-censored) substance interval, over the substances sampled each week, summed in
 * the order of SUBSTANCES. Each substance is re-censored at its own highest limit in the window first (censored.ts).
 */
export function indexSeries(plant: PlantWeeks, weeks: number): PlantSeries {
  if (sums.lo.length < weeks) sums = { lo: new Float64Array(weeks), hi: new Float64Array(weeks), rawLo: new Float64Array(weeks), rawHi: new Float64Array(weeks), n: new Float64Array(weeks) };
  const { lo, hi, rawLo, rawHi, n } = sums;
  for (const a of [lo, hi, rawLo, rawHi, n]) a.fill(0, 0, weeks);
  for (const sub of SUBSTANCES) {
    const w = plant.get(sub);
    if (!w) continue;
    let limit: number | null = null;
    for (let i = 0; i < w.n.length; i++) if (w.n[i]! > 0 && w.hi[i]! > w.lo[i]! && (limit === null || w.hi[i]! > limit)) limit = w.hi[i]!;
    const wt = INDEX_WEIGHTS[sub];
    for (let i = 0; i < w.n.length; i++) {
      if (!(w.n[i]! > 0)) continue;
      const l = w.lo[i]!;
      const h = w.hi[i]!;
      const keep = limit === null || (!(h > l) && l >= limit);
      lo[i] += wt * (keep ? l : 0);
      hi[i] += wt * (keep ? h : limit!);
      rawLo[i] += wt * l;
      rawHi[i] += wt * h;
      n[i] += w.n[i]!;
    }
  }
  const out: PlantSeries = { steps: [], lo: [], hi: [], levelLo: [], levelHi: [], samples: 0 };
  for (let i = 0; i < weeks; i++) {
    if (!(n[i]! > 0)) continue;
    out.steps.push(i);
    out.lo.push(lo[i]!);
    out.hi.push(hi[i]!);
    out.levelLo.push(rawLo[i]!);
    out.levelHi.push(rawHi[i]!);
    out.samples += n[i]!;
  }
  return out;
}

/** A plant's series for one signal and its trend; the latest week (PlantLatest) is what its areas' level needs. */
export interface PlantSignal extends PlantLatest {
  key: SignalKey;
  series: PlantSeries;
  trend: CensoredTrendSummary;
  firstStep: number | null;
}

const SUBSTANCE_OPTS = { recensor: true, line: false };
const INDEX_OPTS = { recensor: false, line: false };

export function plantSignal(plant: PlantWeeks, key: SignalKey, weeks: number): PlantSignal {
  const series = key === INDEX_SUBSTANCE ? indexSeries(plant, weeks) : substanceSeries(plant.get(key) ?? emptyWeeks(weeks));
  const trend = summariseWeeks(series.lo, series.hi, series.steps.length, series.steps, key === INDEX_SUBSTANCE ? INDEX_OPTS : SUBSTANCE_OPTS);
  return { key, series, trend, firstStep: series.steps[0] ?? null, ...latestOf(series.steps, series.levelLo, series.levelHi) };
}
