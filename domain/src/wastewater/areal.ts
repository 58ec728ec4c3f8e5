/**
 * Areal weighting of site series into area series (pure; the shares come from sql/shares.sql, whose comment
 * describes how a catchment's people are split between areas).
 *
 * For an area A, a substance and a week, over the plants p sampled that week:
 *   people(A)     = Σ_p people(p, A)                      — people of A served by sampled plants
 *   normalised(A) = Σ_p people(p, A) · normalised(p) / people(A)     [mg/day/1000 inhabitants]
 *   load(A)       = Σ_p share(p, A) · load(p)                          [mg/day, from the covered part of A]
 * (the two agree: normalised(A) = 1000 · load(A) / people(A)). The index adds the substances' normalised loads
 * and loads with their INDEX_WEIGHTS, over the substances measured that week.
 */
import { INDEX_SUBSTANCE, INDEX_WEIGHTS, SUBSTANCES, type Substance } from './substances.js';

export type SignalKey = Substance | typeof INDEX_SUBSTANCE;
export const SIGNAL_KEYS: readonly SignalKey[] = [...SUBSTANCES, INDEX_SUBSTANCE];

/** One site's weekly values of one substance; `steps` are week numbers in the window (0 = first week). */
export interface SiteSeries {
  siteId: number;
  substance: Substance;
  steps: number[];
  normalised: number[];
  load: number[];
  n: number[];
  censored: number[];
}

export interface Share {
  siteId: number;
  areaCode: string;
  share: number;
  people: number;
}

/** Accumulated weekly values of one area and substance; people[w] = 0 means no data that week. */
export interface AreaSeries {
  people: Float64Array;
  peopleNorm: Float64Array;
  load: Float64Array;
  nSites: Int32Array;
  nSamples: Int32Array;
  nCensored: Int32Array;
}

/** A series of `weeks` empty weeks. */
export const emptySeries = (weeks: number): AreaSeries => ({
  people: new Float64Array(weeks),
  peopleNorm: new Float64Array(weeks),
  load: new Float64Array(weeks),
  nSites: new Int32Array(weeks),
  nSamples: new Int32Array(weeks),
  nCensored: new Int32Array(weeks),
});

export type AreaSeriesMap = Map<string, Map<SignalKey, AreaSeries>>;

export function aggregateAreas(sites: readonly SiteSeries[], shares: readonly Share[], weeks: number): AreaSeriesMap {
  const bySite = new Map<number, Share[]>();
  for (const s of shares) {
    const list = bySite.get(s.siteId);
    if (list) list.push(s);
    else bySite.set(s.siteId, [s]);
  }
  const out: AreaSeriesMap = new Map();
  const get = (area: string, key: SignalKey) => {
    let m = out.get(area);
    if (!m) out.set(area, (m = new Map()));
    let a = m.get(key);
    if (!a) m.set(key, (a = emptySeries(weeks)));
    return a;
  };
  for (const s of sites) {
    for (const sh of bySite.get(s.siteId) ?? []) {
      const a = get(sh.areaCode, s.substance);
      for (let i = 0; i < s.steps.length; i++) {
        const w = s.steps[i]!;
        if (w < 0 || w >= weeks) continue;
        a.people[w] += sh.people;
        a.peopleNorm[w] += sh.people * s.normalised[i]!;
        a.load[w] += sh.share * s.load[i]!;
        a.nSites[w] += 1;
        a.nSamples[w] += s.n[i]!;
        a.nCensored[w] += s.censored[i]!;
      }
    }
  }
  for (const [, m] of out) {
    const idx = emptySeries(weeks);
    for (const sub of SUBSTANCES) {
      const a = m.get(sub);
      if (!a) continue;
      const wt = INDEX_WEIGHTS[sub];
      for (let w = 0; w < weeks; w++) {
        if (a.people[w]! <= 0) continue;
        // Index per person = Σ weight · normalised; kept as people·value so that value = peopleNorm / people.
        const norm = a.peopleNorm[w]! / a.people[w]!;
        idx.people[w] = Math.max(idx.people[w]!, a.people[w]!);
        idx.peopleNorm[w] += wt * norm; // divided by people below
        idx.load[w] += wt * a.load[w]!;
        idx.nSites[w] = Math.max(idx.nSites[w]!, a.nSites[w]!);
        idx.nSamples[w] += a.nSamples[w]!;
        idx.nCensored[w] += a.nCensored[w]!;
      }
    }
    for (let w = 0; w < weeks; w++) idx.peopleNorm[w] = idx.peopleNorm[w]! * idx.people[w]!;
    if (idx.people.some((p) => p > 0)) m.set(INDEX_SUBSTANCE, idx);
  }
  return out;
}

/** The weeks with data of an area series: values (mg/day/1000 inh.) and their week numbers. */
export function weeklyValues(a: AreaSeries): { values: number[]; steps: number[] } {
  const values: number[] = [];
  const steps: number[] = [];
  for (let w = 0; w < a.people.length; w++) {
    if (a.people[w]! > 0) {
      values.push(a.peopleNorm[w]! / a.people[w]!);
      steps.push(w);
    }
  }
  return { values, steps };
}

/**
 * Coverage: people served by sampled catchments, averaged over the window's weeks (a week without data covers
 * nobody), as a share of the area's population; capped at 1.
 */
export function coverage(a: AreaSeries | undefined, population: number): number {
  if (!a) return 0;
  let sum = 0;
  for (const p of a.people) sum += p;
  const covered = sum / a.people.length;
  if (population > 0) return Math.min(1, covered / population);
  return covered > 0 ? 1 : 0;
}
