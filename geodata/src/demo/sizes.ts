/**
 * Region sizes. Each names the outermost generated level (`root`), its extent, and how many areas each level
 * should have in total; the generator hits the area counts exactly and the site counts approximately.
 * The scale follows docs/DOMAIN.md: a township has ~10 villages, a village ~4–10 grids, a grid ~300 urban households.
 */
export type RootLevel = 'province' | 'city' | 'county';

export interface RegionSize {
  name: string;
  root: RootLevel;
  /** Extent of the outer boundary, WGS84 [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
  cities: number;
  counties: number;
  townships: number;
  villages: number;
  grids: number;
  /** Precursor firms and key venues per township (on average; urban townships get more). */
  firmsPerTownship: number;
  venuesPerTownship: number;
  /** Share of townships that get upstream tracing points beside their plant inlet. */
  tracingShare: number;
  /** Vertices of the outer boundary. */
  outlineVertices: number;
}

const HENGYUE = [112.4, 26.5, 113.2, 27.3] as [number, number, number, number];

export const SIZES: Record<string, RegionSize> = {
  // For fast embedded tests: one county.
  tiny: {
    name: 'tiny', root: 'county', bbox: [112.55, 26.85, 112.69, 26.96],
    cities: 1, counties: 1, townships: 3, villages: 15, grids: 60,
    firmsPerTownship: 2, venuesPerTownship: 4, tracingShare: 0.34, outlineVertices: 72,
  },
  county: {
    name: 'county', root: 'county', bbox: [112.45, 26.7, 112.95, 27.1],
    cities: 1, counties: 1, townships: 20, villages: 320, grids: 2800,
    firmsPerTownship: 2.5, venuesPerTownship: 10, tracingShare: 0.2, outlineVertices: 120,
  },
  // The default: a fictitious prefecture-level city near Hengyang.
  demo: {
    name: 'demo', root: 'city', bbox: HENGYUE,
    cities: 1, counties: 6, townships: 60, villages: 600, grids: 6000,
    firmsPerTownship: 2.5, venuesPerTownship: 10, tracingShare: 0.17, outlineVertices: 160,
  },
  city: {
    name: 'city', root: 'city', bbox: [111.9, 26.1, 113.6, 27.6],
    cities: 1, counties: 12, townships: 180, villages: 2700, grids: 25000,
    firmsPerTownship: 2.2, venuesPerTownship: 8, tracingShare: 0.12, outlineVertices: 200,
  },
  // Hunan's extent: ~14 cities, ~122 county-level units, ~1,900 townships, ~24,000 villages.
  province: {
    name: 'province', root: 'province', bbox: [108.8, 24.65, 114.25, 30.1],
    cities: 14, counties: 122, townships: 1900, villages: 24000, grids: 100000,
    firmsPerTownship: 1.5, venuesPerTownship: 5, tracingShare: 0.05, outlineVertices: 320,
  },
};

export function regionSize(name: string): RegionSize {
  const size = SIZES[name];
  if (!size) throw new Error(`unknown region size '${name}'; expected one of ${Object.keys(SIZES).join(', ')}`);
  return size;
}

/** Where the first city (衡岳市) centres in every size: Hengyang's neighbourhood. */
export const FIRST_CITY_CENTRE: [number, number] = [112.8, 26.9];
