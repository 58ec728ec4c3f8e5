/**
 * Divergence: an area whose drug signal rises significantly while enforcement there falls over the same window —
 * the combination an office wants to see first (use going up where fewer checks are made).
 *
 * Enforcement is three weekly counts of the area: inspections of precursor firms and key venues done, people and
 * vehicles checked at checkpoints, and cases at checkpoints. Each is tested with Mann–Kendall (trend.ts, ties
 * corrected: small counts tie often), and the three are combined like the seasons of the Seasonal Kendall test
 * (Hirsch, Slack & Smith 1982): S = Σ S_m, Var S = Σ Var S_m, each measure with data one vote. The counts are
 * correlated (more checks, more cases), which makes the combined p smaller than it should be; the flag therefore
 * asks only for a likely fall (p < ALPHA_LIKELY) and pairs it with a significant rise of the drug index.
 * Weeks not yet over (the week of "as of" before its Sunday) are left out: a half week always looks like a fall.
 */
import { mannKendall, twoSidedP, classifyTrend, MIN_SAMPLES, type TrendCategory } from './trend.js';

export const ENFORCEMENT_MEASURES = ['inspections', 'checks', 'cases'] as const;
export type EnforcementMeasure = (typeof ENFORCEMENT_MEASURES)[number];

export interface MeasureTrend {
  measure: EnforcementMeasure;
  total: number;
  s: number;
  varS: number;
  p: number;
  category: TrendCategory;
  /** The mean weekly count in the first and in the second half of the weeks. */
  firstHalf: number;
  secondHalf: number;
}

export interface EnforcementTrend {
  category: TrendCategory;
  s: number;
  varS: number;
  z: number;
  p: number;
  measures: MeasureTrend[];
}

const mean = (a: readonly number[]) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : 0);

/** Weekly counts per measure (same weeks for all, oldest first); measures that never happened do not vote. */
export function enforcementTrend(counts: Partial<Record<EnforcementMeasure, readonly number[]>>): EnforcementTrend {
  const measures: MeasureTrend[] = [];
  for (const m of ENFORCEMENT_MEASURES) {
    const x = counts[m];
    if (!x || !x.some((v) => v > 0)) continue;
    const mk = mannKendall(x);
    const half = Math.floor(x.length / 2);
    measures.push({
      measure: m,
      total: x.reduce((s, v) => s + v, 0),
      s: mk.s,
      varS: mk.varS,
      p: mk.p,
      category: classifyTrend(mk),
      firstHalf: mean(x.slice(0, half)),
      secondHalf: mean(x.slice(half)),
    });
  }
  const s = measures.reduce((a, m) => a + m.s, 0);
  const varS = measures.reduce((a, m) => a + m.varS, 0);
  const z = s === 0 || varS <= 0 ? 0 : (Math.sign(s) * (Math.abs(s) - 1)) / Math.sqrt(varS);
  const p = measures.length ? twoSidedP(z) : 1;
  const weeks = Math.max(0, ...ENFORCEMENT_MEASURES.map((m) => counts[m]?.length ?? 0));
  return { category: measures.length ? classifyTrend({ n: weeks, s, p }) : 'insufficient', s, varS, z, p, measures };
}

/** The flag: the drug index rising significantly, enforcement falling (likely or significant). */
export function isDivergent(drug: TrendCategory | string | null | undefined, enforcement: TrendCategory | string | null | undefined): boolean {
  return drug === 'rising_significant' && (enforcement === 'falling' || enforcement === 'falling_significant');
}

/** Enforcement needs as many complete weeks as a trend does. */
export const MIN_ENFORCEMENT_WEEKS = MIN_SAMPLES;
