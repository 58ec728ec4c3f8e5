/**
 * Colours. Categorical colours are Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008, "Color Universal
 * Design"); listing grades use its vermillion → orange → yellow run, which stays ordered in deuteranopia and
 * protanopia and reads on a wall display across a room. Trend colours (wastewater) are a blue–orange diverging
 * scheme, also safe for the common colour-vision deficiencies.
 */
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

/** Diverging, colour-blind-safe (blue = falling, orange = rising); grey = not enough data. */
export const TREND_COLORS = {
  falling_significant: '#2166AC',
  falling: '#92C5DE',
  flat: '#F7F7F7',
  rising: '#FDB863',
  rising_significant: '#B35806',
  insufficient: '#BDBDBD',
} as const;

export const INK = { outline: '#37474F', county: '#263238', road: '#B0855A', water: '#9CC3E6', land: '#F4F1EA' } as const;
