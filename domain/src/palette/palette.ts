/**
 * The one palette: every colour the map, its legends, the wall and the charts use. Layer definitions
 * (api/src/layers/) take their paint from here; the page reads trend colours from here only where it draws outside
 * the map (charts, list swatches). Nothing else defines a colour of a class.
 *
 * Categorical colours are Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008, "Color Universal Design");
 * listing grades use its vermillion → orange → yellow run, which stays ordered in deuteranopia and protanopia and
 * reads on a wall display across a room. Trends (wastewater) are a diverging blue–orange scale (orange = rising,
 * blue = falling; the ColorBrewer PuOr/RdBu end colours, distinguishable with red–green colour blindness), flat a
 * light neutral.
 */
import type { TrendCategory } from '../wastewater/trend.js';
import { DEFAULT_WINDOW_WEEKS } from '../wastewater/window.js';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

export const GRADE_COLORS = {
  key_rectification: OKABE_ITO.vermillion,
  key_supervision: OKABE_ITO.orange,
  key_attention: OKABE_ITO.yellow,
  recently_delisted: OKABE_ITO.blue,
  none: '#FFFFFF',
} as const;

/**
 * The trend categories drawn in colour, rising first; `insufficient` is drawn as "no data" (not filled).
 * `below_detection` is a mid grey, darker than flat and outside the blue–orange run, so it never reads as a
 * direction: "we measured, and it is under the LOQ" is neither "no data" nor "flat".
 */
export const TRENDS = ['rising_significant', 'rising', 'flat', 'falling', 'falling_significant', 'below_detection'] as const satisfies readonly TrendCategory[];
export type Trend = TrendCategory;

export const TREND_COLORS: Record<(typeof TRENDS)[number], string> = {
  rising_significant: '#e66101',
  rising: '#fdb863',
  flat: '#e0e0e0',
  falling: '#92c5de',
  falling_significant: '#0571b0',
  below_detection: '#8c8c8c',
};

/** The divergence outline (drug signal rising, enforcement falling): Okabe & Ito's reddish purple, apart from every fill. */
export const DIVERGENCE_COLOR = OKABE_ITO.reddishPurple;
export const NO_DATA_COLOR = '#ffffff';

export function trendColor(trend: string | null | undefined): string {
  return (TREND_COLORS as Record<string, string>)[trend ?? ''] ?? NO_DATA_COLOR;
}

/**
 * Confidence drawn as transparency: an area whose trend rests on little data (low coverage of its population by
 * sampled catchments, or few weekly values) is drawn faint, never as strongly as solid data; an area without any
 * coverage or with too few values is not filled at all.
 */
export const CONFIDENCE = {
  minAlpha: 0.12,
  maxAlpha: 0.85,
  /** Weekly values at which a trend counts as fully supported: a full default window. */
  fullSupportWeeks: DEFAULT_WINDOW_WEEKS,
} as const;
export const MIN_ALPHA = CONFIDENCE.minAlpha;
export const MAX_ALPHA = CONFIDENCE.maxAlpha;

/** Fill opacity for a trend with this coverage (0–1) and number of weekly values. */
export function confidenceAlpha(trend: string | null | undefined, coverage: number | null | undefined, n: number | null | undefined): number {
  if (!trend || !(TRENDS as readonly string[]).includes(trend) || !coverage || !n) return 0;
  const c = Math.min(1, Math.max(0, coverage)) * Math.min(1, n / CONFIDENCE.fullSupportWeeks);
  return MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * c;
}

/** Neutral inks of the light map (the console, prints). */
export const INK = { outline: '#37474F', county: '#263238', road: '#B0855A', water: '#9CC3E6', land: '#F4F1EA' } as const;

/**
 * The dark scheme of the command-centre wall: only the neutral parts turn dark (background, unlisted areas,
 * outlines), so the class colours stay the ones above and stand out across a room.
 */
export const DARK = {
  background: '#0e1217',
  unlisted: '#1c242d',
  countyLine: '#cfd8dc',
  townshipLine: '#546e7a',
  villageLine: '#37474f',
  overdueLine: '#ffffff',
  delistedLine: OKABE_ITO.skyBlue,
} as const;

/**
 * The inks of a vector basemap under the console (api/src/basemap/vector-style.ts): low-chroma greys, a grey-blue
 * for water and a grey-green for vegetation, so the basemap reads as background and nothing in it can be taken for
 * a listing grade, a trend or a site colour above. Labels are a mid grey, lighter and smaller than the console's.
 */
export const BASEMAP_INK = {
  light: {
    land: '#E9E5DC',
    water: '#CCD7DE',
    green: '#DDE2D4',
    building: '#DFDAD1',
    roadCasing: '#C4BAAA',
    road: '#FBFAF7',
    boundary: '#9E988F',
    line: '#CBC4B8',
    text: '#636A70',
    halo: 'rgba(244,241,234,0.92)',
  },
  dark: {
    land: '#151B21',
    water: '#1A2731',
    green: '#18211D',
    building: '#1D242B',
    roadCasing: '#343E48',
    road: '#222A32',
    boundary: '#4C5660',
    line: '#27303A',
    text: '#8C979F',
    halo: 'rgba(14,18,23,0.9)',
  },
} as const;
