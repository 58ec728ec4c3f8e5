/**
 * The wall's shift-change settings, pure: how far back "since" lies, visitor mode, and the window asked of
 * /api/wall/changes. Kept in localStorage so that a wall restarted overnight comes back as it was left.
 */
export const SHIFT_HOURS = [12, 24, 72] as const;
export type ShiftHours = (typeof SHIFT_HOURS)[number];

export interface WallPrefs {
  /** Visitor mode: no names of people, no exact site names. */
  visitor: boolean;
  /** The shift-change view shows what changed in the last … hours. */
  shiftHours: ShiftHours;
}

export const DEFAULT_PREFS: WallPrefs = { visitor: false, shiftHours: 24 };
const KEY = 'grid-console.wall.prefs';

export function parsePrefs(raw: string | null): WallPrefs {
  try {
    const v = JSON.parse(raw ?? '{}') as Partial<WallPrefs>;
    return {
      visitor: v.visitor === true,
      shiftHours: (SHIFT_HOURS as readonly number[]).includes(Number(v.shiftHours)) ? (v.shiftHours as ShiftHours) : DEFAULT_PREFS.shiftHours,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): WallPrefs {
  return parsePrefs(storage?.getItem(KEY) ?? null);
}

export function savePrefs(p: WallPrefs, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // A full or disabled storage must not stop the wall; the choice then lasts until the next reload.
  }
}

/**
 * The window of the shift-change view: the last `hours` up to now, or — when the wall is pinned to a reference
 * date (#as_of=…, rehearsals) — up to the end of that day in China (UTC+8). Rounded down to the minute so that
 * the URL (and the request) changes once a minute, not on every render.
 */
export function shiftWindow(nowMs: number, hours: number, asOf: string | null): { since: string; until: string } {
  const until = asOf ? Date.parse(`${asOf}T23:59:00+08:00`) : Math.floor(nowMs / 60_000) * 60_000;
  return { since: new Date(until - hours * 3_600_000).toISOString(), until: new Date(until).toISOString() };
}

export function changesUrl(w: { since: string; until: string }, visitor: boolean, limit = 8): string {
  const q = new URLSearchParams({ since: w.since, until: w.until, limit: String(limit) });
  if (visitor) q.set('visitor', '1');
  return `/api/wall/changes?${q}`;
}
