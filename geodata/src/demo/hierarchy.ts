/**
 * The region's tree without geometry: codes, names, kinds and populations of every area and grid.
 * Pure and deterministic; places.ts then gives each node a shape, level by level, top down.
 *
 * Codes follow the statistical division scheme: county 4380·02 (districts 02–19, counties 21–79, county-level
 * cities 81–), township ···001 streets, ···1xx towns, ···2xx townships, ···4xx parks; villages ···001 communities,
 * ···2xx villages; a grid is its village code + 3 digits. Populations are summed bottom up from grid households.
 */
import { cityStem, gridName, SUFFIX, uniqueStem } from './names.js';
import { apportion, between, randInt, streamRng, type Rng } from './rng.js';
import type { RegionSize } from './sizes.js';

export type AreaLevel = 'province' | 'city' | 'county' | 'township' | 'village';
export type AreaKind = keyof typeof SUFFIX;

export interface AreaNode {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
  name: string;
  kind: AreaKind | null;
  /** Built-up: streets, communities, districts. Drives density, grid size and where sites go. */
  urban: boolean;
  /** Placed near the parent's centre (the urban core) rather than spread over the parent. */
  core: boolean;
  /** Relative area among its siblings: districts and streets are small, rural townships large. */
  share: number;
  population: number;
  children: AreaNode[];
  grids: GridNode[];
}

export interface GridNode {
  code: string;
  villageCode: string;
  name: string;
  households: number;
  population: number;
  urban: boolean;
}

export interface Hierarchy {
  province: AreaNode;
  cities: AreaNode[];
  counties: AreaNode[];
  townships: AreaNode[];
  villages: AreaNode[];
  grids: GridNode[];
}

export const PROVINCE_CODE = '430000000000';
export const FIRST_CITY_CODE = '438000000000';

function node(code: string, level: AreaLevel, parentCode: string | null, name: string, kind: AreaKind | null, urban: boolean, core: boolean): AreaNode {
  return { code, level, parentCode, name, kind, urban, core, share: AREA_SHARE[kind ?? ''] ?? 1, population: 0, children: [], grids: [] };
}

/** Relative areas by kind (seat towns and mixed townships' communities are adjusted where they are made). */
const AREA_SHARE: Record<string, number> = { district: 0.15, county: 1, county_city: 0.8, street: 0.15, park: 0.25, town: 1, township: 1.3, community: 0.12, village: 1 };

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** How many children each parent gets: the level's total split by weight, with some randomness. */
function childCounts(r: Rng, total: number, weights: number[], min: number): number[] {
  return apportion(total, weights.map((w) => w * between(r, 0.75, 1.25)), min);
}

function countyKinds(n: number, rootIsCounty: boolean): AreaKind[] {
  if (rootIsCounty) return ['county'];
  const districts = Math.max(1, Math.round(n * 0.3));
  const countyCities = n >= 5 ? 1 : 0;
  return Array.from({ length: n }, (_, i) => (i < districts ? 'district' : i >= n - countyCities ? 'county_city' : 'county'));
}

function townshipKinds(r: Rng, countyKind: AreaKind, n: number): AreaKind[] {
  if (countyKind === 'district') {
    const towns = n >= 5 ? Math.round(n * 0.25) : 0;
    return Array.from({ length: n }, (_, i) => (i < n - towns ? 'street' : 'town'));
  }
  const kinds: AreaKind[] = ['town']; // the county seat
  if (countyKind === 'county_city') kinds.push('street', 'street');
  if (n >= 8) kinds.push('park');
  while (kinds.length < n) kinds.push(r() < 0.68 ? 'town' : 'township');
  return kinds.slice(0, n);
}

const TOWNSHIP_WEIGHT: Record<string, number> = { street: 0.8, town: 1.15, township: 0.9, park: 0.45 };
const COUNTY_WEIGHT: Record<string, number> = { district: 0.6, county: 1.15, county_city: 1.0 };

/** Share of a township's villages that are communities (社区) rather than villages (村). */
function communityShare(kind: AreaKind, seat: boolean): number {
  if (kind === 'street' || kind === 'park') return 1;
  if (seat) return 0.4;
  return kind === 'town' ? 0.1 : 0;
}

export function buildHierarchy(size: RegionSize, seed: number): Hierarchy {
  const r = streamRng(seed, 'hierarchy');
  const province = node(PROVINCE_CODE, 'province', null, '湖南省', null, false, false);

  // Cities: the first is always 衡岳市 (4380); further ones (province size) 4381…
  const cityNames = new Set<string>(['衡岳']);
  const cities = Array.from({ length: size.cities }, (_, i) => {
    const stem = i === 0 ? '衡岳' : cityStem(r, cityNames);
    return node(`43${80 + i}00000000`, 'city', PROVINCE_CODE, stem + '市', null, true, i === 0);
  });
  province.children = cities;

  // Counties.
  const perCity = childCounts(r, size.counties, cities.map(() => 1), 1);
  const counties: AreaNode[] = [];
  cities.forEach((city, ci) => {
    const taken = new Set<string>();
    const kinds = countyKinds(perCity[ci]!, size.root === 'county');
    let d = 2, c = 21, cc = 81;
    for (const kind of kinds) {
      const num = kind === 'district' ? d++ : kind === 'county' ? c++ : cc++;
      const county = node(city.code.slice(0, 4) + pad(num, 2) + '000000', 'county', city.code, uniqueStem(r, taken) + SUFFIX[kind], kind, kind === 'district', kind === 'district');
      city.children.push(county);
      counties.push(county);
    }
  });

  // Townships.
  const perCounty = childCounts(r, size.townships, counties.map((c) => COUNTY_WEIGHT[c.kind!]!), 2);
  const townships: AreaNode[] = [];
  counties.forEach((county, i) => {
    const taken = new Set<string>();
    const next: Record<string, number> = { street: 1, town: 100, township: 200, park: 400 };
    townshipKinds(r, county.kind!, perCounty[i]!).forEach((kind, k) => {
      const seat = k === 0 && county.kind !== 'district';
      const code = county.code.slice(0, 6) + pad(next[kind]!++, 3) + '000';
      const stem = uniqueStem(r, taken);
      const name = kind === 'park' ? `${county.name.slice(0, 2)}${stem.slice(0, 1)}${SUFFIX.park}` : stem + SUFFIX[kind];
      const t = node(code, 'township', county.code, name, kind, kind === 'street' || seat, kind === 'street' || seat || kind === 'park');
      if (seat) t.share = 0.45;
      county.children.push(t);
      townships.push(t);
    });
  });

  // Villages and communities.
  const seatOf = (t: AreaNode) => t.kind === 'town' && t.code.slice(6, 9) === '100';
  const perTownship = childCounts(r, size.villages, townships.map((t) => TOWNSHIP_WEIGHT[t.kind!]!), 2);
  const villages: AreaNode[] = [];
  townships.forEach((t, i) => {
    const taken = new Set<string>();
    const n = perTownship[i]!;
    const communities = Math.max(t.kind === 'township' ? 0 : 1, Math.round(n * communityShare(t.kind!, seatOf(t))));
    let nc = 1, nv = 200;
    for (let k = 0; k < n; k++) {
      const kind: AreaKind = k < communities ? 'community' : 'village';
      const code = t.code.slice(0, 9) + pad(kind === 'community' ? nc++ : nv++, 3);
      const v = node(code, 'village', t.code, uniqueStem(r, taken) + SUFFIX[kind], kind, kind === 'community', kind === 'community');
      if (communities === n) v.share = 1; // all urban: equal shares
      t.children.push(v);
      villages.push(v);
    }
  });

  // Grids: about 300 households in town, fewer (but larger areas) in the countryside.
  const perVillage = childCounts(r, size.grids, villages.map((v) => (v.urban ? 1.8 : 0.8)), 1);
  const grids: GridNode[] = [];
  villages.forEach((v, i) => {
    for (let k = 1; k <= perVillage[i]!; k++) {
      const households = v.urban ? randInt(r, 240, 360) : randInt(r, 80, 220);
      const perHousehold = v.urban ? between(r, 2.6, 3.0) : between(r, 2.9, 3.4);
      const g: GridNode = {
        code: v.code + pad(k, 3), villageCode: v.code, name: gridName(v.name, k),
        households, population: Math.round(households * perHousehold), urban: v.urban,
      };
      v.grids.push(g);
      grids.push(g);
    }
  });

  // A parent's population is the sum of its children's.
  for (const v of villages) v.population = v.grids.reduce((s, g) => s + g.population, 0);
  for (const level of [townships, counties, cities, [province]]) {
    for (const a of level) a.population = a.children.reduce((s, c) => s + c.population, 0);
  }
  return { province, cities, counties, townships, villages, grids };
}
