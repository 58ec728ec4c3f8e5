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

/** The combined test of an area and the counts its row stores (consensusSummary: no object per plant). */
export interface AreaTrendSummary {
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
  /** Plants (serving people here) with data, and of them those that vote. */
  nWithData: number;
  nUsed: number;
  /** People served by the voting plants (a voting plant's weight is nUsed · its people / usedPeople). */
  usedPeople: number;
  /** Panel changes (panelChanges) by kind. */
  panelJoined: number;
  panelLeft: number;
}

export interface AreaTrend extends AreaTrendSummary {
  plants: { siteId: number; people: number; weight: number; role: PlantRole }[];
  panel: PanelChange[];
}

/** What consensusSummary needs of a plant's trend (a PlantTrend, or the recompute's PlantSignal). */
export type PlantVote = Pick<PlantTrend, 'trend' | 'firstStep' | 'lastStep'>;

export function panelChanges(plants: readonly PlantTrend[], weeks: number): PanelChange[] {
  const out: PanelChange[] = [];
  for (const p of plants) {
    if (p.firstStep === null || p.lastStep === null) continue;
    if (p.firstStep >= PANEL_EDGE_WEEKS) out.push({ siteId: p.siteId, kind: 'joined', step: p.firstStep });
    if (p.lastStep < weeks - PANEL_EDGE_WEEKS) out.push({ siteId: p.siteId, kind: 'left', step: p.lastStep });
  }
  return out.sort((a, b) => a.step - b.step || a.siteId - b.siteId);
}

const roleOf = (p: PlantVote): PlantRole =>
  p.trend.n === 0 ? 'no_data' : p.trend.category === 'insufficient' ? 'insufficient' : p.trend.category === 'below_detection' ? 'below_detection' : 'used';

/** The area's trend with every plant's role and weight and the panel changes (evidence, tests). */
export function consensusTrend(plants: readonly PlantTrend[], weeks: number): AreaTrend {
  const summary = consensusSummary(plants.map((p) => p.people), plants, weeks);
  const withPeople = plants.filter((p) => p.people > 0);
  return {
    ...summary,
    plants: withPeople.map((x) => {
      const role = roleOf(x);
      return { siteId: x.siteId, people: x.people, weight: role === 'used' ? (summary.nUsed * x.people) / summary.usedPeople : 0, role };
    }),
    panel: panelChanges(withPeople, weeks),
  };
}

/**
 * The combined test of plants[i] serving people[i] of the area, in plain loops over the plants (the recompute
 * asks it for every area and signal: ~15,000 times at province scale, the province's with all ~2,000 plants).
 * Every sum runs over the plants in their order, as in the formulas of this file's comment.
 */
export function consensusSummary(people: ArrayLike<number>, plants: readonly PlantVote[], weeks: number): AreaTrendSummary {
  let sufficientPeople = 0;
  let belowPeople = 0;
  let dataPeople = 0;
  let usedPeople = 0;
  let nUsed = 0;
  let nWithData = 0;
  let maxN = -Infinity;
  let censored = 0;
  let panelJoined = 0;
  let panelLeft = 0;
  for (let i = 0; i < plants.length; i++) {
    const pp = people[i]!;
    if (!(pp > 0)) continue;
    const p = plants[i]!;
    const role = roleOf(p);
    if (role === 'used' || role === 'below_detection') sufficientPeople += pp;
    if (role === 'below_detection') belowPeople += pp;
    if (role !== 'no_data') {
      dataPeople += pp;
      nWithData++;
      maxN = Math.max(maxN, p.trend.n);
      censored += pp * p.trend.censoredShare;
    }
    if (role === 'used') {
      usedPeople += pp;
      nUsed++;
    }
    if (p.firstStep !== null && p.lastStep !== null) {
      if (p.firstStep >= PANEL_EDGE_WEEKS) panelJoined++;
      if (p.lastStep < weeks - PANEL_EDGE_WEEKS) panelLeft++;
    }
  }
  // w_p = K · people_p / Σ people, written as in the formula (the product first) so that sums come out the same.
  let s = 0;
  let varS = 0;
  let slopePeople = 0;
  let slopeSum = 0;
  let before = 0;
  let recent = 0;
  let nSum = 0;
  for (let i = 0; i < plants.length; i++) {
    const pp = people[i]!;
    if (!(pp > 0)) continue;
    const t = plants[i]!.trend;
    if (roleOf(plants[i]!) !== 'used') continue;
    const weight = usedPeople > 0 ? (nUsed * pp) / usedPeople : 0;
    s += weight * t.s;
    varS += weight ** 2 * t.varS;
    if (t.senSlope !== null) {
      slopePeople += pp;
      slopeSum += pp * t.senSlope;
    }
    if (t.recentMean !== null && t.beforeMean !== null) {
      before += pp * t.beforeMean;
      recent += pp * t.recentMean;
    }
    nSum += pp * t.n;
  }
  const z = Math.abs(s) <= 1 || varS <= 0 ? 0 : (Math.sign(s) * (Math.abs(s) - 1)) / Math.sqrt(varS);
  const p = nUsed ? twoSidedP(z) : 1;
  const belowDetectionPeople = sufficientPeople > 0 ? belowPeople / sufficientPeople : 0;
  let category: TrendCategory;
  if (sufficientPeople === 0) category = 'insufficient';
  else if (belowDetectionPeople > MAX_BELOW_DETECTION_PEOPLE || nUsed === 0) category = 'below_detection';
  else category = classifyTrend({ n: MIN_SAMPLES, s, p });
  return {
    category,
    s,
    varS,
    z,
    p,
    slope: slopePeople > 0 ? slopeSum / slopePeople : null,
    pctChange: before > 0 ? ((recent - before) / before) * 100 : null,
    n: usedPeople > 0 ? Math.round(nSum / usedPeople) : nWithData ? maxN : 0,
    censoredShare: dataPeople > 0 ? censored / dataPeople : 0,
    belowDetectionPeople,
    nWithData,
    nUsed,
    panelJoined,
    panelLeft,
    usedPeople,
  };
}

export interface AreaLevel {
  /** The latest week with data: its step and the people-weighted value (interval) of the plants sampled. */
  latestStep: number | null;
  latest: { lo: number; hi: number } | null;
  /** Weekly people served by sampled plants averaged over the window (no data = nobody) ÷ population, ≤ 1. */
  coverage: number;
}

/** Level and coverage of an area from its plants' weekly values (people = the area's people each plant serves). */
export function areaLevel(plants: readonly { people: number; steps: readonly number[]; values: readonly { lo: number; hi: number }[] }[], weeks: number, population: number): AreaLevel {
  const latest = plants.map((p) => latestOf(p.steps, p.values.map((v) => v.lo), p.values.map((v) => v.hi)));
  return areaLevelOf(plants.map((p) => p.people), latest, weeks, population);
}

/**
 * What an area's level needs of a plant's series (plant.ts: every PlantSignal has it): the number of weeks with
 * data and the latest of them, its step and its value — not the weeks themselves, so that the recompute need not
 * keep ~15,000 series until the last area is computed.
 */
export interface PlantLatest {
  weeksWithData: number;
  lastStep: number | null;
  latestLo: number;
  latestHi: number;
}

/** The PlantLatest of a series in time order (plant.ts: PlantSeries): how many weeks it has, the last one's step and value. */
export function latestOf(steps: ArrayLike<number>, levelLo: ArrayLike<number>, levelHi: ArrayLike<number>): PlantLatest {
  const k = steps.length - 1;
  return k >= 0
    ? { weeksWithData: k + 1, lastStep: steps[k]!, latestLo: levelLo[k]!, latestHi: levelHi[k]! }
    : { weeksWithData: 0, lastStep: null, latestLo: 0, latestHi: 0 };
}

/** The same from each plant's latest week (PlantLatest), people[i] for plants[i]. */
export function areaLevelOf(plantPeople: ArrayLike<number>, plants: readonly PlantLatest[], weeks: number, population: number): AreaLevel {
  // Two passes over the plants and none over their weeks (the recompute asks this for every area and signal,
  // ~15,000 times at province scale, the province's with all ~2,000 plants). First the latest week any plant
  // serving people has data in, and the people served summed over the weeks (coverage); then the plants sampled in
  // that week, summed in plant order.
  let latestStep: number | null = null;
  let total = 0;
  for (let i = 0; i < plants.length; i++) {
    const pp = plantPeople[i]!;
    const { weeksWithData, lastStep } = plants[i]!;
    if (!(pp > 0) || lastStep === null) continue;
    total += pp * weeksWithData;
    if (latestStep === null || lastStep > latestStep) latestStep = lastStep;
  }
  let people = 0;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < plants.length; i++) {
    const pp = plantPeople[i]!;
    const p = plants[i]!;
    if (!(pp > 0) || p.lastStep === null || p.lastStep !== latestStep) continue;
    people += pp;
    lo += pp * p.latestLo;
    hi += pp * p.latestHi;
  }
  const covered = weeks > 0 ? total / weeks : 0;
  return {
    latestStep,
    latest: latestStep === null ? null : { lo: lo / people, hi: hi / people },
    coverage: population > 0 ? Math.min(1, covered / population) : covered > 0 ? 1 : 0,
  };
}
