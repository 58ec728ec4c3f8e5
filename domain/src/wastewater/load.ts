/**
 * Loads from lab results (docs/DOMAIN.md, "Drug signals"):
 *   load [mg/day] = C [ng/L] × F [m³/day] × 10⁻³       (ng/L × 1000 L/m³ × m³/day = ng/day·10³; ×10⁻⁶ mg/ng)
 *   normalised    [mg/day/1000 inhabitants] = load ÷ (population / 1000)
 *
 * Below the limit of quantification (LOQ) we substitute LOQ/2 and flag the value as censored. This is the
 * common "half the LOQ" convention; it keeps a series continuous without pretending to a measured value, and the
 * flag travels with every aggregate so charts can mark such points. If a lab leaves the LOQ empty on a
 * below-LOQ row, the reported concentration (labs write the LOQ itself there) is taken as the LOQ.
 */
export const LOQ_SUBSTITUTION_FACTOR = 0.5;

export interface LabResult {
  concentrationNgL: number;
  belowLoq: boolean;
  loqNgL: number | null;
  flowM3Day: number;
}

export interface EffectiveConcentration {
  ngL: number;
  /** True when the value is a substitution for a result below the LOQ. */
  censored: boolean;
}

export function effectiveConcentration(r: Pick<LabResult, 'concentrationNgL' | 'belowLoq' | 'loqNgL'>): EffectiveConcentration {
  if (!r.belowLoq) return { ngL: r.concentrationNgL, censored: false };
  const loq = r.loqNgL ?? r.concentrationNgL;
  return { ngL: loq * LOQ_SUBSTITUTION_FACTOR, censored: true };
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
  loadMgDay: number;
  normalised: number;
  censored: boolean;
}

/** Everything the console shows for one lab result at a site serving `population` people. */
export function sampleLoad(r: LabResult, population: number): SampleLoad {
  const c = effectiveConcentration(r);
  const loadMgDay = dailyLoadMg(c.ngL, r.flowM3Day);
  return { loadMgDay, normalised: perCapitaLoad(loadMgDay, population), censored: c.censored };
}
