/**
 * Colours of the wastewater mode. Trend categories on a diverging blue–orange scale (orange = rising, blue =
 * falling; the ColorBrewer PuOr/RdBu end colours, distinguishable with red–green colour blindness), flat a light
 * neutral. Confidence is drawn as transparency: an area whose trend rests on little data (low coverage of its
 * population by sampled catchments, or few weekly values) is drawn faint, never as strongly as solid data; an area
 * without any coverage or with too few values is not filled at all and reads "no data" in the legend.
 */
export const TRENDS = ['rising_significant', 'rising', 'flat', 'falling', 'falling_significant'] as const;
export type Trend = (typeof TRENDS)[number] | 'insufficient';

export const TREND_COLORS: Record<(typeof TRENDS)[number], string> = {
  rising_significant: '#e66101',
  rising: '#fdb863',
  flat: '#e0e0e0',
  falling: '#92c5de',
  falling_significant: '#0571b0',
};
export const NO_DATA_COLOR = '#ffffff';

/** Weekly values at which a trend counts as fully supported (the API's default window). */
export const FULL_SUPPORT_WEEKS = 26;
export const MIN_ALPHA = 0.12;
export const MAX_ALPHA = 0.85;

/** Fill opacity for a trend with this coverage (0–1) and number of weekly values. */
export function confidenceAlpha(trend: string | null | undefined, coverage: number | null | undefined, n: number | null | undefined): number {
  if (!trend || trend === 'insufficient' || !coverage || !n) return 0;
  const c = Math.min(1, Math.max(0, coverage)) * Math.min(1, n / FULL_SUPPORT_WEEKS);
  return MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * c;
}

export function trendColor(trend: string | null | undefined): string {
  return (TREND_COLORS as Record<string, string>)[trend ?? ''] ?? NO_DATA_COLOR;
}

/** MapLibre expressions doing the same on tile properties signal_trend, signal_coverage, signal_n. */
export const fillColorExpression = [
  'match',
  ['coalesce', ['get', 'signal_trend'], 'insufficient'],
  ...TRENDS.flatMap((t) => [t, TREND_COLORS[t]]),
  NO_DATA_COLOR,
];

export const fillOpacityExpression = [
  'case',
  [
    'any',
    ['!', ['has', 'signal_trend']],
    ['==', ['get', 'signal_trend'], null],
    ['==', ['get', 'signal_trend'], 'insufficient'],
    ['<=', ['coalesce', ['get', 'signal_coverage'], 0], 0],
    ['<=', ['coalesce', ['get', 'signal_n'], 0], 0],
  ],
  0,
  [
    '+',
    MIN_ALPHA,
    [
      '*',
      MAX_ALPHA - MIN_ALPHA,
      ['min', 1, ['max', 0, ['coalesce', ['get', 'signal_coverage'], 0]]],
      ['min', 1, ['/', ['coalesce', ['get', 'signal_n'], 0], FULL_SUPPORT_WEEKS]],
    ],
  ],
];

/** Site circle radius in pixels for a load (mg/day/1000 inhabitants): area ∝ load, clamped. */
export function siteRadius(load: number | null | undefined, maxLoad: number): number {
  if (!load || load <= 0 || !maxLoad) return 3;
  return 3 + 15 * Math.sqrt(Math.min(1, load / maxLoad));
}
