/** Site circle radius in pixels for a load (mg/day/1000 inhabitants): area ∝ load, clamped. */
export function siteRadius(load: number | null | undefined, maxLoad: number): number {
  if (!load || load <= 0 || !maxLoad) return 3;
  return 3 + 15 * Math.sqrt(Math.min(1, load / maxLoad));
}
