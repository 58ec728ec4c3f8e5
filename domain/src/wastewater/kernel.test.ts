/**
 * The recompute's fast paths give exactly the numbers of the straightforward statement of the method, on many
 * random series with what makes trends hard: values below the LOQ (several limits, so re-censoring happens), ties
 * between detections, weeks missing, plants joining and leaving, index weeks only partly censored. Exactly: not
 * "close to" — a p-value or a slope that moved in the 15th digit would show a changed computation.
 * The random series come from a fixed seed, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32.js';
import { recensorAtHighestLimit, type Interval } from './censored.js';
import { consensusTrend, consensusSummary, MAX_BELOW_DETECTION_PEOPLE, panelChanges, type PlantTrend } from './consensus.js';
import { summariseWeeks } from './kernel.js';
import { plantSignal, type PlantWeeks } from './plant.js';
import { INDEX_SUBSTANCE, INDEX_WEIGHTS, SUBSTANCES } from './substances.js';
import { summariseCensoredTrend, type CensoredTrendSummary } from './summary.js';
import { classifyTrend, MIN_SAMPLES, twoSidedP, type TrendCategory } from './trend.js';

/** One random weekly series: steps with gaps, values from a coarse grid (ties), some below one of a few limits. */
function randomSeries(rnd: () => number, opts: { partial: boolean }): { values: Interval[]; steps: number[] } {
  const n = Math.floor(rnd() * 31); // 0..30 weeks, below and above MIN_SAMPLES
  const censorRate = [0, 0.1, 0.4, 0.7][Math.floor(rnd() * 4)]!;
  const trend = (rnd() - 0.5) * 0.4;
  const coarse = rnd() < 0.5; // a coarse grid gives many tied detections
  const values: Interval[] = [];
  const steps: number[] = [];
  let step = Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) {
    steps.push(step);
    step += rnd() < 0.85 ? 1 : 2 + Math.floor(rnd() * 3);
    const level = Math.max(0.05, 3 + trend * i + (rnd() - 0.5) * 2);
    const v = coarse ? Math.round(level * 2) / 2 : Math.round(level * 1000) / 1000;
    const limit = [0.5, 1, 2, 3][Math.floor(rnd() * 4)]!;
    if (rnd() < censorRate) values.push({ lo: 0, hi: limit });
    else if (opts.partial && rnd() < 0.3) values.push({ lo: v, hi: v + (rnd() < 0.5 ? 0.1 * limit : 2 * v) }); // an index week with a censored part
    else values.push({ lo: v, hi: v });
  }
  return { values, steps };
}

const kernelOf = (values: Interval[], steps: number[], opts: { recensor: boolean; line?: boolean }) =>
  summariseWeeks(Float64Array.from(values, (x) => x.lo), Float64Array.from(values, (x) => x.hi), values.length, Int32Array.from(steps), opts);

describe('the trend kernel equals summariseCensoredTrend', () => {
  it('on 4,000 random single-substance series (re-censored at the highest limit, with and without the line)', () => {
    const rnd = mulberry32(43_0001);
    const seen = new Set<TrendCategory>();
    let withAts = 0;
    for (let k = 0; k < 4000; k++) {
      const { values, steps } = randomSeries(rnd, { partial: false });
      const opts = { recensor: true, line: k % 2 === 0 };
      const expected = summariseCensoredTrend(values, steps, opts);
      expect(kernelOf(values, steps, opts), `series ${k}: ${JSON.stringify({ values, steps })}`).toEqual(expected);
      seen.add(expected.category);
      if (expected.senSlope !== null && expected.nCensored > 0) withAts++;
    }
    // The random series reach every category and the censored (Akritas–Theil–Sen) slope many times.
    expect([...seen].sort()).toEqual(['below_detection', 'falling', 'falling_significant', 'flat', 'insufficient', 'rising', 'rising_significant']);
    expect(withAts).toBeGreaterThan(200);
  });

  it('on 4,000 random index-like series (partly censored intervals, not re-censored)', () => {
    const rnd = mulberry32(43_0002);
    for (let k = 0; k < 4000; k++) {
      const { values, steps } = randomSeries(rnd, { partial: true });
      const opts = { recensor: false, line: k % 3 === 0 };
      expect(kernelOf(values, steps, opts), `series ${k}: ${JSON.stringify({ values, steps })}`).toEqual(summariseCensoredTrend(values, steps, opts));
    }
  });
});

const WEEKS = 26;

/** A random plant: each substance sampled or not, weeks missing, an LOQ change, joining or leaving within the window. */
function randomPlant(rnd: () => number): PlantWeeks {
  const plant: PlantWeeks = new Map();
  const first = rnd() < 0.2 ? Math.floor(rnd() * WEEKS) : 0;
  const last = rnd() < 0.2 ? first + Math.floor(rnd() * (WEEKS - first)) : WEEKS - 1;
  for (const sub of SUBSTANCES) {
    if (rnd() < 0.15) continue;
    const lo = Array<number>(WEEKS).fill(0);
    const hi = Array<number>(WEEKS).fill(0);
    const n = Array<number>(WEEKS).fill(0);
    const base = 0.2 + rnd() * 3;
    const loqChange = Math.floor(rnd() * WEEKS);
    for (let s = first; s <= last; s++) {
      if (rnd() < 0.1) continue;
      const loq = s < loqChange ? 1 : 0.5;
      const v = Math.round(base * (1 + (rnd() - 0.5) * 0.6) * 100) / 100;
      n[s] = 1 + Math.floor(rnd() * 2);
      if (v < loq) [lo[s], hi[s]] = rnd() < 0.3 ? [v / 2, v / 2 + loq / 2] : [0, loq]; // a week mixing a censored sample and a measured one
      else [lo[s], hi[s]] = [v, v];
    }
    plant.set(sub, { lo, hi, n });
  }
  return plant;
}

/** The plant's series and trends as plant.ts computed them before the kernel (intervals as objects). */
function referenceSignal(plant: PlantWeeks, key: (typeof SUBSTANCES)[number] | typeof INDEX_SUBSTANCE) {
  const weeksOf = (sub: (typeof SUBSTANCES)[number]) => {
    const w = plant.get(sub);
    const steps: number[] = [];
    const values: Interval[] = [];
    for (let i = 0; w && i < WEEKS; i++) if (w.n[i]! > 0) (steps.push(i), values.push({ lo: w.lo[i]!, hi: w.hi[i]! }));
    return { steps, values };
  };
  if (key !== INDEX_SUBSTANCE) {
    const { steps, values } = weeksOf(key);
    return { steps, values, levels: values, trend: summariseCensoredTrend(values, steps, { recensor: true, line: false }) };
  }
  const lo = Array<number>(WEEKS).fill(0), hi = Array<number>(WEEKS).fill(0), rawLo = Array<number>(WEEKS).fill(0), rawHi = Array<number>(WEEKS).fill(0);
  const n = Array<number>(WEEKS).fill(0);
  for (const sub of SUBSTANCES) {
    if (!plant.has(sub)) continue;
    const s = weeksOf(sub);
    const rc = recensorAtHighestLimit(s.values).values;
    s.steps.forEach((step, k) => {
      lo[step] += INDEX_WEIGHTS[sub] * rc[k]!.lo;
      hi[step] += INDEX_WEIGHTS[sub] * rc[k]!.hi;
      rawLo[step] += INDEX_WEIGHTS[sub] * s.values[k]!.lo;
      rawHi[step] += INDEX_WEIGHTS[sub] * s.values[k]!.hi;
      n[step] += plant.get(sub)!.n[step]!;
    });
  }
  const steps = [...Array(WEEKS).keys()].filter((i) => n[i]! > 0);
  const values = steps.map((i) => ({ lo: lo[i]!, hi: hi[i]! }));
  return { steps, values, levels: steps.map((i) => ({ lo: rawLo[i]!, hi: rawHi[i]! })), trend: summariseCensoredTrend(values, steps, { recensor: false, line: false }) };
}

describe('a plant’s signals equal the straightforward series and summaries', () => {
  it('for 600 random plants, every substance and the index', () => {
    const rnd = mulberry32(43_0003);
    for (let k = 0; k < 600; k++) {
      const plant = randomPlant(rnd);
      for (const key of [...SUBSTANCES, INDEX_SUBSTANCE] as const) {
        const got = plantSignal(plant, key, WEEKS);
        const ref = referenceSignal(plant, key);
        expect(got.series.steps, `plant ${k} ${key}`).toEqual(ref.steps);
        expect(Array.from(got.series.lo, (l, i) => ({ lo: l, hi: got.series.hi[i]! }))).toEqual(ref.values);
        expect(Array.from(got.series.levelLo, (l, i) => ({ lo: l, hi: got.series.levelHi[i]! }))).toEqual(ref.levels);
        expect(got.trend, `plant ${k} ${key}`).toEqual(ref.trend);
      }
    }
  });
});

/** consensusTrend as written before consensusSummary (filters and sums over arrays), the reference. */
function referenceConsensus(plants: readonly PlantTrend[], weeks: number) {
  const roleOf = (p: PlantTrend) =>
    p.trend.n === 0 ? 'no_data' : p.trend.category === 'insufficient' ? 'insufficient' : p.trend.category === 'below_detection' ? 'below_detection' : 'used';
  const withPeople = plants.filter((p) => p.people > 0);
  const roles = withPeople.map(roleOf);
  const used = withPeople.filter((_, i) => roles[i] === 'used');
  const sum = (a: readonly PlantTrend[], f: (p: PlantTrend) => number) => a.reduce((s, p) => s + f(p), 0);
  const sufficientPeople = sum(withPeople.filter((_, i) => roles[i] === 'used' || roles[i] === 'below_detection'), (p) => p.people);
  const belowPeople = sum(withPeople.filter((_, i) => roles[i] === 'below_detection'), (p) => p.people);
  const withData = withPeople.filter((_, i) => roles[i] !== 'no_data');
  const dataPeople = sum(withData, (p) => p.people);
  const usedPeople = sum(used, (p) => p.people);
  const weight = (p: PlantTrend) => (usedPeople > 0 ? (used.length * p.people) / usedPeople : 0);
  const s = sum(used, (p) => weight(p) * p.trend.s);
  const varS = sum(used, (p) => weight(p) ** 2 * p.trend.varS);
  const z = Math.abs(s) <= 1 || varS <= 0 ? 0 : (Math.sign(s) * (Math.abs(s) - 1)) / Math.sqrt(varS);
  const p = used.length ? twoSidedP(z) : 1;
  const belowDetectionPeople = sufficientPeople > 0 ? belowPeople / sufficientPeople : 0;
  const category: TrendCategory =
    sufficientPeople === 0 ? 'insufficient' : belowDetectionPeople > MAX_BELOW_DETECTION_PEOPLE || used.length === 0 ? 'below_detection' : classifyTrend({ n: MIN_SAMPLES, s, p });
  const sloped = used.filter((x) => x.trend.senSlope !== null);
  const slopePeople = sum(sloped, (x) => x.people);
  const matched = used.filter((x) => x.trend.recentMean !== null && x.trend.beforeMean !== null);
  const before = sum(matched, (x) => x.people * x.trend.beforeMean!);
  const recent = sum(matched, (x) => x.people * x.trend.recentMean!);
  return {
    category, s, varS, z, p,
    slope: slopePeople > 0 ? sum(sloped, (x) => x.people * x.trend.senSlope!) / slopePeople : null,
    pctChange: before > 0 ? ((recent - before) / before) * 100 : null,
    n: usedPeople > 0 ? Math.round(sum(used, (x) => x.people * x.trend.n) / usedPeople) : withData.length ? Math.max(...withData.map((x) => x.trend.n)) : 0,
    censoredShare: dataPeople > 0 ? sum(withData, (x) => x.people * x.trend.censoredShare) / dataPeople : 0,
    belowDetectionPeople,
    plants: withPeople.map((x, i) => ({ siteId: x.siteId, people: x.people, weight: roles[i] === 'used' ? weight(x) : 0, role: roles[i]! })),
    panel: panelChanges(withPeople, weeks),
  };
}

describe('an area’s consensus equals the straightforward sums', () => {
  it('for 1,500 random areas of 1 to 40 random plants (some serving nobody here)', () => {
    const rnd = mulberry32(43_0004);
    const plantPool = Array.from({ length: 300 }, () => randomPlant(rnd));
    const signals = plantPool.map((p) => plantSignal(p, INDEX_SUBSTANCE, WEEKS));
    const mdma: CensoredTrendSummary[] = plantPool.map((p) => plantSignal(p, 'mdma', WEEKS).trend);
    for (let k = 0; k < 1500; k++) {
      const count = 1 + Math.floor(rnd() * 40);
      const plants: PlantTrend[] = Array.from({ length: count }, (_, i) => {
        const at = Math.floor(rnd() * plantPool.length);
        const sig = signals[at]!;
        return {
          siteId: i + 1,
          people: rnd() < 0.1 ? 0 : Math.round(rnd() * 50_000) + rnd(),
          trend: k % 2 ? sig.trend : mdma[at]!,
          firstStep: sig.firstStep,
          lastStep: sig.lastStep,
        };
      });
      const ref = referenceConsensus(plants, WEEKS);
      const got = consensusTrend(plants, WEEKS);
      const { nWithData, nUsed, usedPeople, panelJoined, panelLeft, ...rest } = got;
      expect(rest, `area ${k}`).toEqual(ref);
      expect(nWithData).toBe(ref.plants.filter((p) => p.role !== 'no_data').length);
      expect(nUsed).toBe(ref.plants.filter((p) => p.role === 'used').length);
      expect(usedPeople).toBe(ref.plants.filter((p) => p.role === 'used').reduce((s, p) => s + p.people, 0));
      expect([panelJoined, panelLeft]).toEqual([ref.panel.filter((c) => c.kind === 'joined').length, ref.panel.filter((c) => c.kind === 'left').length]);
      expect(consensusSummary(plants.map((p) => p.people), plants, WEEKS)).toEqual({ ...rest, nWithData, nUsed, usedPeople, panelJoined, panelLeft, plants: undefined, panel: undefined });
    }
  });
});
