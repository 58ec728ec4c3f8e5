/**
 * A user's jurisdiction is one 12-digit area code (their scope is its significant prefix, domain/codes). A grid
 * officer is given grids instead; their jurisdiction is then the smallest area holding all of them: the village
 * when the grids share one, else the township, county, city or province they share.
 */
import { scopePrefix } from 'domain/codes';

/** A grid code: the 12-digit village code plus 3 digits. */
export const GRID_CODE = /^[1-9]\d{14}$/;

/** Prefix lengths of the levels, smallest area first: village, township, county, city, province. */
const LEVEL_PREFIXES = [12, 9, 6, 4, 2] as const;

export function jurisdictionOfGrids(gridCodes: readonly string[]): string {
  if (!gridCodes.length) throw new Error('no grids');
  for (const len of LEVEL_PREFIXES) {
    const head = gridCodes[0]!.slice(0, len);
    if (gridCodes.every((g) => g.startsWith(head))) return head.padEnd(12, '0');
  }
  throw new Error('grids in different provinces');
}

/** Whether `code` (an area or a grid) lies inside the scope of `jurisdictionCode`. */
export const within = (jurisdictionCode: string, code: string) => code.startsWith(scopePrefix(jurisdictionCode));
