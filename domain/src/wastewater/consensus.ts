/**
 * An area's trend from the trends of the plants that serve it, so that a plant joining or leaving the sampling
 * programme is never read as a change in drug use.
 *
 * Why not the trend of the area's combined weekly series: that series averages the plants sampled each week, so
 * when a plant with a higher (or lower) level joins, the average jumps and Mann–Kendall reads the jump as a trend,
 * although no plant's own level changed. Instead each plant is tested on its own weeks (summary.ts), and the
 * area's statistic is the population-weighted sum of the plants' Kendall S, in the manner of the Regional Kendall
 * test (Helsel & Frans 2006, Environ. Sci. Technol. 40, 4066; the Seasonal Kendall test of Hirsch, Slack & Smith
 * 1982 sums S over seasons the same way):
 *   w_p = K · people_p / Σ people      (K plants used; equal weights 1 when they serve equally many people)
 *   S = Σ w_p S_p,   Var S = Σ w_p² Var S_p,   z = sgn(S)(|S| − 1)/√Var S
 * One plant gives exactly its own test. The plants are taken as independent (their catchments are separate); a
 * plant whose own series is too short (joined in the last weeks) or below detection does not vote. When plants
 * serving more than half the people with enough data are below detection, the area is below detection.
 * A change in the panel — a plant with no data in the first (last) PANEL_EDGE_WEEKS weeks of the window but data
 * after (before) — is reported beside the trend (joined / left), for the page to say so.
 */
import { twoSidedP } from './trend.js';
import { MIN_SAMPLES, classifyTrend, type TrendCategory } from './trend.js';
import type { CensoredTrendSummary } from './summary.js';

/** No data in this many weeks at the start (end) of the window, but data after (before) it: joined (left). */
export const PANEL_EDGE_WEEKS = 4;
/** More than this share of the people served by plants with enough data below detection → the area is. */
export const MAX_BELOW_DETECTION_PEOPLE = 0.5;

export interface PlantTrend {
  siteId: number;
  /** People of the area this plant serves (catchment share × population served). */
  people: number;
  trend: CensoredTrendSummary;
  /** First and last week (step in the window) with data; null when none. */
  firstStep: number | null;
  lastStep: number | null;
}

export interface PanelChange {
  siteId: number;
  kind: 'joined' | 'left';
  /** The first week with data (joined) or the last (left). */
  step: number;
}

/** Why a plant did or did not vote in the area's trend. */
export type PlantRole = 'used' | 'insufficient' | 'below_detection' | 'no_data';

export interface AreaTrend {
  category: TrendCategory;
  s: number;
  varS: number;
  z: number;
  p: number;
  /** People-weighted mean of the voting plants' slopes (per week). */
  slope: number | null;
  /** Percent change of the plants with both blocks measured, people-weighted (a matched panel). */
  pctChange: number | null;
  /** People-weighted mean number of weekly values of the voting plants. */
  n: number;
  /** People-weighted share of the weekly values below detection, over plants with data. */
  censoredShare: number;
  /** Share of the people (of plants with enough data) served by plants below detection. */
  belowDetectionPeople: number;
  plants: { siteId: number; people: number; weight: number; role: PlantRole }[];
  panel: PanelChange[];
}

export function panelChanges(plants: readonly PlantTrend[], weeks: number): PanelChange[] {
  const out: PanelChange[] = [];
  for (const p of plants) {
    if (p.firstStep === null || p.lastStep === null) continue;
    if (p.firstStep >= PANEL_EDGE_WEEKS) out.push({ siteId: p.siteId, kind: 'joined', step: p.firstStep });
    if (p.lastStep < weeks - PANEL_EDGE_WEEKS) out.push({ siteId: p.siteId, kind: 'left', step: p.lastStep });
  }
  return out.sort((a, b) => a.step - b.step || a.siteId - b.siteId);
}

const roleOf = (p: PlantTrend): PlantRole =>
  p.trend.n === 0 ? 'no_data' : p.trend.category === 'insufficient' ? 'insufficient' : p.trend.category === 'below_detection' ? 'below_detection' : 'used';

export function consensusTrend(plants: readonly PlantTrend[], weeks: number): AreaTrend {
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

  let category: TrendCategory;
  if (sufficientPeople === 0) category = 'insufficient';
  else if (belowDetectionPeople > MAX_BELOW_DETECTION_PEOPLE || used.length === 0) category = 'below_detection';
  else category = classifyTrend({ n: MIN_SAMPLES, s, p });

  const sloped = used.filter((x) => x.trend.senSlope !== null);
  const slopePeople = sum(sloped, (x) => x.people);
  const matched = used.filter((x) => x.trend.recentMean !== null && x.trend.beforeMean !== null);
  const before = sum(matched, (x) => x.people * x.trend.beforeMean!);
  const recent = sum(matched, (x) => x.people * x.trend.recentMean!);
  return {
    category,
    s,
    varS,
    z,
    p,
    slope: slopePeople > 0 ? sum(sloped, (x) => x.people * x.trend.senSlope!) / slopePeople : null,
    pctChange: before > 0 ? ((recent - before) / before) * 100 : null,
    n: usedPeople > 0 ? Math.round(sum(used, (x) => x.people * x.trend.n) / usedPeople) : withData.length ? Math.max(...withData.map((x) => x.trend.n)) : 0,
    censoredShare: dataPeople > 0 ? sum(withData, (x) => x.people * x.trend.censoredShare) / dataPeople : 0,
    belowDetectionPeople,
    plants: withPeople.map((x, i) => ({ siteId: x.siteId, people: x.people, weight: roles[i] === 'used' ? weight(x) : 0, role: roles[i]! })),
    panel: panelChanges(withPeople, weeks),
  };
}

export interface AreaLevel {
  /** The latest week with data: its step and the people-weighted value (interval) of the plants sampled. */
  latestStep: number | null;
  latest: { lo: number; hi: number } | null;
  /** Weekly people served by sampled plants averaged over the window (no data = nobody) ÷ population, ≤ 1. */
  coverage: number;
}

let levelScratch = { people: new Float64Array(64), lo: new Float64Array(64), hi: new Float64Array(64) };

/** Level and coverage of an area from its plants' series (people = the area's people each plant serves). */
export function areaLevel(plants: readonly { people: number; steps: readonly number[]; values: readonly { lo: number; hi: number }[] }[], weeks: number, population: number): AreaLevel {
  // Scratch arrays, reused: the recompute asks this for every area and signal (~15,000 times at province scale).
  if (levelScratch.people.length < weeks) levelScratch = { people: new Float64Array(weeks), lo: new Float64Array(weeks), hi: new Float64Array(weeks) };
  const { people, lo, hi } = levelScratch;
  people.fill(0, 0, weeks);
  lo.fill(0, 0, weeks);
  hi.fill(0, 0, weeks);
  for (const p of plants) {
    if (!(p.people > 0)) continue;
    for (let k = 0; k < p.steps.length; k++) {
      const s = p.steps[k]!;
      people[s] += p.people;
      lo[s] += p.people * p.values[k]!.lo;
      hi[s] += p.people * p.values[k]!.hi;
    }
  }
  let latestStep: number | null = null;
  let total = 0;
  for (let w = 0; w < weeks; w++) {
    total += people[w]!;
    if (people[w]! > 0) latestStep = w;
  }
  const covered = weeks > 0 ? total / weeks : 0;
  return {
    latestStep,
    latest: latestStep === null ? null : { lo: lo[latestStep]! / people[latestStep]!, hi: hi[latestStep]! / people[latestStep]! },
    coverage: population > 0 ? Math.min(1, covered / population) : covered > 0 ? 1 : 0,
  };
}
