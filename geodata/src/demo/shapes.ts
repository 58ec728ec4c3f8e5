/**
 * Pure geometry for the generator: the irregular outer boundary, and seed points inside a parent area from
 * which places.ts grows its children (Voronoi cells clipped to the parent). Coordinates are WGS84 degrees.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { gauss, type Rng } from './rng.js';

export type XY = [number, number];
/** The GeoJSON shapes areas come in (ST_AsGeoJSON of a MultiPolygon column, or a polygon built here). */
export interface Polygon { type: 'Polygon'; coordinates: number[][][] }
export interface MultiPolygon { type: 'MultiPolygon'; coordinates: number[][][][] }
export type Area = Polygon | MultiPolygon;

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * A closed, simple, irregular ring filling `bbox`: a star-shaped curve r(θ) = 1 + Σ aₖ sin(kθ + φₖ) with
 * decreasing amplitudes (coastline-like wiggles at several scales), stretched onto the box. Star-shaped with
 * r > 0, so it never self-intersects.
 */
export function outlineRing(r: Rng, bbox: [number, number, number, number], vertices: number): XY[] {
  const harmonics = Array.from({ length: 14 }, (_, i) => ({ k: i + 2, a: (0.16 / (i + 2) ** 0.9) * (0.5 + r()), phi: r() * 2 * Math.PI }));
  const raw: XY[] = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    let rad = 1;
    for (const h of harmonics) rad += h.a * Math.sin(h.k * t + h.phi);
    rad *= 1 + 0.015 * (r() - 0.5);
    raw.push([Math.max(0.2, rad) * Math.cos(t), Math.max(0.2, rad) * Math.sin(t)]);
  }
  const xs = raw.map((p) => p[0]);
  const ys = raw.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const ring = raw.map(([x, y]): XY => [
    round7(bbox[0] + ((x - x0) / (x1 - x0)) * (bbox[2] - bbox[0])),
    round7(bbox[1] + ((y - y0) / (y1 - y0)) * (bbox[3] - bbox[1])),
  ]);
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

export function bboxOf(area: Area): [number, number, number, number] {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polys) for (const [x, y] of poly[0]!) {
    if (x! < x0) x0 = x!;
    if (x! > x1) x1 = x!;
    if (y! < y0) y0 = y!;
    if (y! > y1) y1 = y!;
  }
  return [x0, y0, x1, y1];
}

export const inside = (p: XY, area: Area) => booleanPointInPolygon(p, area);

/** Distance in (roughly) metric units: longitude shrinks with the cosine of latitude. */
function dist2(a: XY, b: XY, kx: number) {
  const dx = (a[0] - b[0]) * kx;
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

export interface SeedRequest {
  /** Placed in the urban core around the parent's centre (streets, communities) rather than spread evenly. */
  core: boolean;
}

/**
 * One seed point per child, inside `area`. Mitchell's best-candidate sampling spreads points evenly (cells of
 * similar size); core children are drawn around `centre` instead, so their cells come out small and dense — the
 * town, with the countryside's larger cells around it. When every child is core (a street's communities) or none
 * is, the points spread evenly over the whole parent.
 */
export function seedPoints(r: Rng, area: Area, centre: XY, children: readonly SeedRequest[]): XY[] {
  const [x0, y0, x1, y1] = bboxOf(area);
  const kx = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
  const mixed = children.some((c) => c.core) && children.some((c) => !c.core);
  // The core is about as large as its children's share of the parent says (or a tenth of it, by count).
  const shareOf = (c: SeedRequest) => (c as { share?: number }).share ?? 1;
  const totalShare = children.reduce((s, c) => s + shareOf(c), 0);
  const coreShare = children.filter((c) => c.core).reduce((s, c) => s + shareOf(c), 0) / totalShare;
  const span = Math.sqrt((x1 - x0) * kx * (y1 - y0));
  const sigma = 0.45 * span * Math.sqrt(Math.max(coreShare, 0.02) / Math.PI);
  const placed: XY[] = [];
  const uniform = (): XY => [x0 + r() * (x1 - x0), y0 + r() * (y1 - y0)];
  const aroundCentre = (): XY => [centre[0] + (gauss(r) * sigma) / kx, centre[1] + gauss(r) * sigma];

  for (const child of children) {
    const clustered = mixed && child.core;
    let best: XY | null = null;
    let bestScore = -1;
    let found = 0;
    // Core children stay close together (few candidates); others spread out (more candidates).
    for (let attempt = 0, wanted = clustered ? 2 : 8; attempt < 4000 && found < wanted; attempt++) {
      const c = clustered ? aroundCentre() : uniform();
      const p: XY = [round7(c[0]), round7(c[1])];
      if (!inside(p, area)) continue;
      // Countryside children keep out of the core so the town stays dense.
      if (mixed && !clustered && dist2(p, centre, kx) < sigma * sigma && attempt < 3000) continue;
      found++;
      let score = Infinity;
      for (const q of placed) score = Math.min(score, dist2(p, q, kx));
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (!best || bestScore === 0) best = fallbackPoint(r, area, placed);
    placed.push(best);
  }
  return placed;
}

/** For slivers where sampling misses: a point near a vertex, nudged inward until it is inside. */
function fallbackPoint(r: Rng, area: Area, placed: XY[]): XY {
  const ring = (area.type === 'Polygon' ? area.coordinates : area.coordinates[0]!)[0]!;
  const cx = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  for (let attempt = 0; attempt < 10000; attempt++) {
    const v = ring[Math.floor(r() * ring.length)]!;
    const t = r();
    const p: XY = [round7(v[0]! + (cx - v[0]!) * t), round7(v[1]! + (cy - v[1]!) * t)];
    if (inside(p, area) && !placed.some((q) => q[0] === p[0] && q[1] === p[1])) return p;
  }
  throw new Error('could not place a seed point inside an area');
}

/** A random point inside `area` (rejection sampling over its bounding box). */
export function randomPointIn(r: Rng, area: Area): XY {
  const [x0, y0, x1, y1] = bboxOf(area);
  for (let attempt = 0; attempt < 5000; attempt++) {
    const p: XY = [round7(x0 + r() * (x1 - x0)), round7(y0 + r() * (y1 - y0))];
    if (inside(p, area)) return p;
  }
  return fallbackPoint(r, area, []);
}

export interface AtomChild extends SeedRequest {
  /** Relative area this child should get (a street is small, a rural township large). */
  share: number;
}

export interface Atom {
  x: number;
  y: number;
  /** Index of the child the atom belongs to. */
  child: number;
}

/** Planar area of a ring in local metric-like units (degrees, longitude scaled by kx). */
function ringArea(ring: number[][], kx: number): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! * kx) * ring[i]![1]! - (ring[i]![0]! * kx) * ring[j]![1]!;
  return Math.abs(a) / 2;
}

export function areaOf(area: Area, kx: number): number {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polys.reduce((s, poly) => s + ringArea(poly[0]!, kx) - poly.slice(1).reduce((h, ring) => h + ringArea(ring, kx), 0), 0);
}

/**
 * Split a parent into children of chosen relative sizes. Plain Voronoi cells of clustered points are not small
 * (a town's few points at the centre still reach out to the edge), so instead: scatter many "atoms" over the
 * parent, give each to the child minimising distance ÷ radius (a multiplicatively weighted Voronoi diagram:
 * small children become compact patches around their centre, large ones take the rest), and let SQL union each
 * child's atom cells. The atoms' Voronoi cells tile the parent, so the children still tile it exactly, and
 * their borders come out irregular, like real ones.
 */
export function atomPartition(r: Rng, area: Area, centre: XY, children: readonly AtomChild[]): { centres: XY[]; atoms: Atom[] } {
  const centres = seedPoints(r, area, centre, children);
  const [x0, y0, x1, y1] = bboxOf(area);
  const kx = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
  const total = children.reduce((s, c) => s + c.share, 0);
  const parentArea = areaOf(area, kx);
  const radius = children.map((c) => Math.sqrt(((c.share / total) * parentArea) / Math.PI));
  const owner = (p: XY) => {
    let best = 0;
    let bestScore = Infinity;
    for (let i = 0; i < centres.length; i++) {
      const score = Math.sqrt(dist2(p, centres[i]!, kx)) / radius[i]!;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  };
  const atoms: Atom[] = [];
  const seen = new Set<string>();
  const add = (p: XY, child: number) => {
    const key = p[0] + ',' + p[1];
    if (seen.has(key)) return;
    seen.add(key);
    atoms.push({ x: p[0], y: p[1], child });
  };
  // Each child's own centre is its atom whatever the weights say, so no child comes out empty.
  centres.forEach((c, i) => add(c, i));
  // Children all alike: plain Voronoi of the centres is already right (and much cheaper).
  if (children.every((c) => c.share === children[0]!.share && c.core === children[0]!.core)) return { centres, atoms };
  // Local atoms resolve the small children; uniform ones fill the countryside.
  const meanShare = total / children.length;
  centres.forEach((c, i) => {
    if (children[i]!.share >= meanShare) return;
    for (let k = 0, tries = 0; k < 6 && tries < 60; tries++) {
      const p: XY = [round7(c[0] + (gauss(r) * radius[i]!) / kx), round7(c[1] + gauss(r) * radius[i]!)];
      if (!inside(p, area)) continue;
      k++;
      add(p, owner(p));
    }
  });
  const uniform = Math.max(24, children.length * 2);
  for (let k = 0, tries = 0; k < uniform && tries < uniform * 50; tries++) {
    const p: XY = [round7(x0 + r() * (x1 - x0)), round7(y0 + r() * (y1 - y0))];
    if (!inside(p, area)) continue;
    k++;
    add(p, owner(p));
  }
  return { centres, atoms };
}
