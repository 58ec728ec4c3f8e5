/**
 * A plant's weekly values over the trend window and its own trends, per substance and for the index.
 *
 * A week's value of a substance is an interval of per-capita loads (mg/day/1000 inhabitants): the mean of the
 * week's samples with censored ones at 0 (lo) and at their limit (hi); lo = hi when every sample was measured.
 * Each substance is re-censored at its highest limit in the window (censored.ts) before the index adds them up
 * with INDEX_WEIGHTS, so the index of a week is itself an interval, narrow when only a trace substance was below
 * its LOQ. The index is not re-censored as a whole: its upper bound is a sum of real loads, not a limit.
 */
import { recensorAtHighestLimit, type Interval } from './censored.js';
import { summariseCensoredTrend, type CensoredTrendSummary } from './summary.js';
import { INDEX_SUBSTANCE, INDEX_WEIGHTS, SUBSTANCES, type Substance } from './substances.js';
import type { SignalKey } from './areal.js';

/** One substance's weeks in the window: index = step (0 = first week); n = 0 where there is no sample. */
export interface WeekArrays {
  lo: number[];
  hi: number[];
  n: number[];
}

export const emptyWeeks = (weeks: number): WeekArrays => ({ lo: Array(weeks).fill(0), hi: Array(weeks).fill(0), n: Array(weeks).fill(0) });

/** A plant's weeks per substance (substances never sampled in the window are absent). */
export type PlantWeeks = Map<Substance, WeekArrays>;

export interface PlantSeries {
  steps: number[];
  /** What the trend is tested on (the index: from substances re-censored at their highest limit). */
  values: Interval[];
  /** The weeks' own values, each censored at its own limit: what levels and charts show. */
  levels: Interval[];
  samples: number;
}

/** The weeks with data of one substance, as intervals (not yet re-censored). */
export function substanceSeries(w: WeekArrays): PlantSeries {
  const steps: number[] = [];
  const values: Interval[] = [];
  let samples = 0;
  for (let i = 0; i < w.n.length; i++) {
    if (!(w.n[i]! > 0)) continue;
    steps.push(i);
    values.push({ lo: w.lo[i]!, hi: w.hi[i]! });
    samples += w.n[i]!;
  }
  return { steps, values, levels: values, samples };
}

/** The index series: Σ weight × (re-censored) substance interval, over the substances sampled each week. */
export function indexSeries(plant: PlantWeeks, weeks: number): PlantSeries {
  const lo = new Float64Array(weeks);
  const hi = new Float64Array(weeks);
  const rawLo = new Float64Array(weeks);
  const rawHi = new Float64Array(weeks);
  const n = new Int32Array(weeks);
  for (const sub of SUBSTANCES) {
    const w = plant.get(sub);
    if (!w) continue;
    const s = substanceSeries(w);
    const rc = recensorAtHighestLimit(s.values).values;
    const wt = INDEX_WEIGHTS[sub];
    s.steps.forEach((step, k) => {
      lo[step] += wt * rc[k]!.lo;
      hi[step] += wt * rc[k]!.hi;
      rawLo[step] += wt * s.values[k]!.lo;
      rawHi[step] += wt * s.values[k]!.hi;
      n[step] += w.n[step]!;
    });
  }
  const steps: number[] = [];
  const values: Interval[] = [];
  const levels: Interval[] = [];
  let samples = 0;
  for (let i = 0; i < weeks; i++) {
    if (!(n[i]! > 0)) continue;
    steps.push(i);
    values.push({ lo: lo[i]!, hi: hi[i]! });
    levels.push({ lo: rawLo[i]!, hi: rawHi[i]! });
    samples += n[i]!;
  }
  return { steps, values, levels, samples };
}

export interface PlantSignal {
  key: SignalKey;
  series: PlantSeries;
  trend: CensoredTrendSummary;
  firstStep: number | null;
  lastStep: number | null;
}

export function plantSignal(plant: PlantWeeks, key: SignalKey, weeks: number): PlantSignal {
  const series = key === INDEX_SUBSTANCE ? indexSeries(plant, weeks) : substanceSeries(plant.get(key) ?? emptyWeeks(weeks));
  const trend = summariseCensoredTrend(series.values, series.steps, { recensor: key !== INDEX_SUBSTANCE, line: false });
  return { key, series, trend, firstStep: series.steps[0] ?? null, lastStep: series.steps[series.steps.length - 1] ?? null };
}
