/**
 * The evidence behind an area's drug-signal colour, structured (the page words it): the plants and their own
 * trends, weekly values and censoring, the panel changes, the combined test, enforcement over the same window and
 * the divergence flag, and what would change the colour. Recomputed from the stored plant windows with the same
 * functions as the recompute, so it says exactly why area_signal holds what it holds.
 */
import type { Queryable } from 'db';
import {
  ALPHA_LIKELY,
  ALPHA_SIGNIFICANT,
  addWeeks,
  areaLevelOf,
  isDivergent,
  MAX_BELOW_DETECTION_PEOPLE,
  MAX_CENSORED_SHARE,
  MIN_SAMPLES,
  PANEL_EDGE_WEEKS,
  RECENT_WEEKS,
  trendChanges,
  windowOf,
  type DetectionCounts,
  type EnforcementMeasure,
  type SignalKey,
  type TrendCategory,
  type TrendChange,
} from 'domain/wastewater';
import { areaTrend, enforcementTrends, type AreaRef } from './area-signals.js';
import { readStoredPlants } from './plant-store.js';
import { readShares, recomputeState } from './recompute.js';
import { areaSignals } from './repository.js';
import type { PlantEvidence, SignalEvidence } from './signal-schemas.js';

export type { PlantEvidence, SignalEvidence };

const THRESHOLDS = {
  alphaSignificant: ALPHA_SIGNIFICANT,
  alphaLikely: ALPHA_LIKELY,
  minSamples: MIN_SAMPLES,
  maxCensoredShare: MAX_CENSORED_SHARE,
  recentWeeks: RECENT_WEEKS,
  panelEdgeWeeks: PANEL_EDGE_WEEKS,
  maxBelowDetectionPeople: MAX_BELOW_DETECTION_PEOPLE,
};

export async function signalEvidence(db: Queryable, area: AreaRef, substance: SignalKey): Promise<SignalEvidence> {
  const stored = (await areaSignals(db, area.code)).find((s) => s.substance === substance) ?? null;
  const state = await recomputeState(db);
  const empty: SignalEvidence = {
    substance, asOf: null, window: null, stored, trend: null, thresholds: THRESHOLDS, plants: [], panel: [], weekly: [], coverage: 0,
    enforcement: null, divergent: false, changes: [],
  };
  if (!state) return empty;
  const w = windowOf(state.asOf, state.windowWeeks);
  const shares = await readShares(db, { areaCodes: [area.code] });
  const siteIds = shares.map((s) => s.siteId);
  const [plants, sites, enforcement] = await Promise.all([
    readStoredPlants(db, w, siteIds),
    db.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM wastewater_site WHERE id = ANY ($1::bigint[])', [siteIds]),
    enforcementTrends(db, w, [area]),
  ]);
  const site = new Map(sites.map((s) => [s.id, s]));
  const { trend: t, signals } = areaTrend(w, shares, plants, substance);
  const week = (step: number | null) => (step === null ? null : addWeeks(w.from, step));
  const level = areaLevelOf(shares.map((sh) => sh.people), signals, w.weeks, area.population);

  const plantRows: PlantEvidence[] = shares.map((sh, i) => {
    const ps = signals[i]!;
    const role = t.plants[i]!;
    return {
      code: site.get(sh.siteId)?.code ?? String(sh.siteId),
      name: site.get(sh.siteId)?.name ?? '',
      people: sh.people,
      weight: role.weight,
      role: role.role,
      trend: ps.trend.category,
      s: ps.trend.s,
      varS: ps.trend.varS,
      p: ps.trend.p,
      slope: ps.trend.senSlope,
      pctChange: ps.trend.pctChange,
      weeks: ps.trend.n,
      samples: ps.series.samples,
      nCensored: ps.trend.nCensored,
      censoredShare: ps.trend.censoredShare,
      limit: ps.trend.limit,
      recensored: ps.trend.recensored,
      firstWeek: week(ps.firstStep),
      lastWeek: week(ps.lastStep),
      series: Array.from(ps.series.steps, (s, k) => ({ week: addWeeks(w.from, s), lo: ps.series.levelLo[k]!, hi: ps.series.levelHi[k]! })),
    };
  }).sort((a, b) => b.people - a.people);

  // The weekly level of the area, from the same plant weeks (what the map's latest value is the last of).
  const weekly: SignalEvidence['weekly'] = [];
  for (let step = 0; step < w.weeks; step++) {
    const here = shares.map((sh, i) => ({ people: sh.people, k: signals[i]!.series.steps.indexOf(step), i })).filter((x) => x.k >= 0);
    const people = here.reduce((s, x) => s + x.people, 0);
    if (!(people > 0)) continue;
    const sum = (bound: 'levelLo' | 'levelHi') => here.reduce((s, x) => s + x.people * signals[x.i]!.series[bound][x.k]!, 0) / people;
    weekly.push({ week: addWeeks(w.from, step), lo: sum('levelLo'), hi: sum('levelHi'), people });
  }

  // Detection counts of the area: those of the largest plant below detection (what must change for it to vote).
  const below = plantRows.filter((p) => p.role === 'below_detection');
  const biggest = below.length ? signals[shares.findIndex((sh) => site.get(sh.siteId)?.code === below[0]!.code)]! : null;
  const detections: DetectionCounts | null = biggest
    ? { n: biggest.trend.n, nCensored: biggest.trend.nCensored, recentN: biggest.trend.recentN, recentCensored: biggest.trend.recentCensored }
    : null;
  const e = enforcement.get(area.code) ?? null;
  return {
    substance,
    asOf: w.asOf,
    window: { from: w.from, to: w.to, weeks: w.weeks },
    stored,
    trend: { category: t.category, s: t.s, varS: t.varS, z: t.z, p: t.p, slope: t.slope, pctChange: t.pctChange, n: t.n, censoredShare: t.censoredShare, belowDetectionPeople: t.belowDetectionPeople },
    thresholds: THRESHOLDS,
    plants: plantRows,
    panel: t.panel.map((c) => ({ code: site.get(c.siteId)?.code ?? String(c.siteId), name: site.get(c.siteId)?.name ?? '', kind: c.kind, week: addWeeks(w.from, c.step) })),
    weekly,
    coverage: level.coverage,
    enforcement: e && {
      category: e.category, s: e.s, varS: e.varS, p: e.p, weeks: e.weeks,
      measures: e.measures.map((m) => ({ measure: m.measure, total: m.total, s: m.s, p: m.p, category: m.category, firstHalf: m.firstHalf, secondHalf: m.secondHalf, weekly: e.counts[m.measure] })),
    },
    divergent: substance === 'index' && isDivergent(t.category, e?.category),
    changes: trendChanges(t.category, t.p, t.n, detections),
  };
}
