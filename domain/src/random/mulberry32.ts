/**
 * Deterministic random numbers: the demo region's generator (geodata/src/demo/rng.ts) and the property tests of
 * the domain draw from the same small generator, so a seed means the same numbers everywhere.
 */

/** mulberry32: a 32-bit state PRNG with a full period, good enough for synthetic data. Returns [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
