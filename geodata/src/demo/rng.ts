/**
 * Deterministic random numbers for the demo region. Every purpose draws from its own stream, keyed by
 * hash(seed, stream), so adding draws to one stream (say, more venues) never shifts another (the grid shapes).
 */

/** cyrb53-style 32-bit string hash: cheap, well mixed, identical on every platform. */
export function hashString(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

import { mulberry32 } from 'domain/random';

export { mulberry32 };

export type Rng = () => number;

/** The stream `stream` of seed `seed`. */
export function streamRng(seed: number, stream: string): Rng {
  return mulberry32(hashString(`${seed}/${stream}`));
}

/** Integer in [lo, hi], both included. */
export const randInt = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const between = (r: Rng, lo: number, hi: number) => lo + r() * (hi - lo);
export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
export const chance = (r: Rng, p: number) => r() < p;

/** Standard normal (Box–Muller). */
export function gauss(r: Rng): number {
  const u = 1 - r();
  const v = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Poisson-distributed count (Knuth for small means, normal approximation above 30). */
export function poisson(r: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > limit) {
    k++;
    p *= r();
  }
  return k;
}

/** Pick with weights (weights need not sum to 1). */
export function pickWeighted<T>(r: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/**
 * Split `total` into `weights.length` integer parts proportional to the weights, each at least `min`
 * (largest remainder), so a level's count hits its target exactly.
 */
export function apportion(total: number, weights: readonly number[], min = 1): number[] {
  const n = weights.length;
  const spare = Math.max(0, total - min * n);
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (spare * w) / sum);
  const out = raw.map((x) => min + Math.floor(x));
  let left = Math.max(0, total - out.reduce((a, b) => a + b, 0));
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]![1]]! += 1;
  return out;
}
