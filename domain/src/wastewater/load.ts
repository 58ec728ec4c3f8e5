/**
 * Loads from lab results (docs/DOMAIN.md, "Drug signals"):
 *   load [mg/day] = C [ng/L] × F [m³/day] × 10⁻³       (ng/L × 1000 L/m³ × m³/day = ng/day·10³; ×10⁻⁶ mg/ng)
 *   normalised    [mg/day/1000 inhabitants] = load ÷ (population / 1000)
 *
 * Below the limit of quantification (LOQ) a result is censored: the value is somewhere under the LOQ, not LOQ/2
 * (docs/DOMAIN.md; Helsel 2012). It is carried as the interval [0, LOQ) and flagged, and the trend statistics treat
 * it as such (censored.ts). A result is censored when the lab flagged it, and also when its reported value lies
 * below the LOQ the lab stated, whatever the flag says (the importer reports each such row). If a lab leaves the
 * LOQ empty on a below-LOQ row, the reported concentration (labs write the LOQ itself there) is taken as the LOQ.
 */
import type { Interval } from './censored.js';

export interface LabResult {
  concentrationNgL: number;
  belowLoq: boolean;
  loqNgL: number | null;
  flowM3Day: number;
}

/** Censored by the flag, or by a value under the stated LOQ. */
export function isBelowLoq(r: Pick<LabResult, 'concentrationNgL' | 'belowLoq' | 'loqNgL'>): boolean {
  return r.belowLoq || (r.loqNgL !== null && r.concentrationNgL < r.loqNgL);
}

/** The concentration as an interval (ng/L): measured, or [0, LOQ) below it. */
export function concentrationBounds(r: Pick<LabResult, 'concentrationNgL' | 'belowLoq' | 'loqNgL'>): Interval {
  if (!isBelowLoq(r)) return { lo: r.concentrationNgL, hi: r.concentrationNgL };
  return { lo: 0, hi: r.loqNgL ?? r.concentrationNgL };
}

/** mg/day carried past the sampling point. */
export function dailyLoadMg(concentrationNgL: number, flowM3Day: number): number {
  if (!(concentrationNgL >= 0)) throw new RangeError('concentration must be a non-negative number');
  if (!(flowM3Day > 0)) throw new RangeError('flow must be a positive number');
  return concentrationNgL * flowM3Day * 1e-3;
}

/** mg/day/1000 inhabitants. */
export function perCapitaLoad(loadMgDay: number, population: number): number {
  if (!(population > 0)) throw new RangeError('population must be positive');
  return loadMgDay / (population / 1000);
}

export interface SampleLoad {
  loadMgDay: Interval;
  normalised: Interval;
  censored: boolean;
}

/** Everything the console shows for one lab result at a site serving `population` people. */
export function sampleLoad(r: LabResult, population: number): SampleLoad {
  const c = concentrationBounds(r);
  const load = { lo: dailyLoadMg(c.lo, r.flowM3Day), hi: dailyLoadMg(c.hi, r.flowM3Day) };
  return { loadMgDay: load, normalised: { lo: perCapitaLoad(load.lo, population), hi: perCapitaLoad(load.hi, population) }, censored: c.hi > c.lo };
}
