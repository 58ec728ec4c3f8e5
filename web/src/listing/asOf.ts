/**
 * The listing date the map shows ("as of"), shared by the slider, the table and the report. Changing it re-requests
 * the area tiles with `?as_of=`, so the server colours each area by its listing state on that date.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
export { chinaToday } from 'domain/time';

/** The tile sources whose features carry listing_grade / listing_status / listing_class (see the API's layers). */
export const AREA_SOURCES = ['counties', 'townships', 'villages'] as const;
/** Sources drawn as of the date: the areas, and the grid cells, whose boundaries keep history too. */
export const DATED_SOURCES = [...AREA_SOURCES, 'grids'] as const;

/** The tile URL template with `as_of` set to `date` (or removed for null); {z}/{x}/{y} stay as they are. */
export function withAsOf(url: string, date: string | null): string {
  const i = url.indexOf('?');
  const base = i < 0 ? url : url.slice(0, i);
  const params = (i < 0 ? '' : url.slice(i + 1)).split('&').filter((p) => p && !p.startsWith('as_of='));
  if (date) params.push(`as_of=${date}`);
  return params.length ? `${base}?${params.join('&')}` : base;
}

const DAY = 86_400_000;
export const dayIndex = (from: string, date: string) => Math.round((Date.parse(date) - Date.parse(from)) / DAY);
export const dateAt = (from: string, days: number) => new Date(Date.parse(from) + days * DAY).toISOString().slice(0, 10);

let current: string | null = null;
const listeners = new Set<() => void>();

/** The chosen date; null means today (the tiles' default). */
export const getAsOf = () => current;
export function setAsOf(date: string | null): void {
  if (date === current) return;
  current = date;
  listeners.forEach((l) => l());
}
export function subscribeAsOf(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

interface TileSourceLike {
  serialize(): { tiles?: string[] };
  setTiles(tiles: string[]): unknown;
}

/** Point the dated sources at the date; MapLibre drops their tiles and fetches the new ones. */
export function applyAsOf(map: MapLibreMap, date: string | null): void {
  for (const id of DATED_SOURCES) {
    const src = map.getSource(id) as unknown as TileSourceLike | undefined;
    if (!src || typeof src.setTiles !== 'function') continue;
    const tiles = src.serialize().tiles ?? [];
    const next = tiles.map((t) => withAsOf(t, date));
    if (next.some((t, k) => t !== tiles[k])) src.setTiles(next);
  }
}
