/**
 * The wall's settings from the URL hash and its clocks, pure so they are tested without a browser.
 * `#view=wall&rotate=30&refresh=60&tiles=600&views=shift,listing&lang=en`: seconds per map view, between figure
 * refreshes and between tile reloads, and which views rotate (views.ts: parseViews). Out-of-range values fall back
 * to the defaults: a typo on a wall nobody touches must not stop it.
 */
import { parseViews, type WallViewId } from './views';

export interface WallSettings {
  /** Asked for with `view=wall` (any role may open the wall in a browser tab). */
  requested: boolean;
  rotateSeconds: number;
  refreshSeconds: number;
  tileReloadSeconds: number;
  views: WallViewId[];
}

export const DEFAULT_SETTINGS: Omit<WallSettings, 'requested' | 'views'> = { rotateSeconds: 30, refreshSeconds: 60, tileReloadSeconds: 600 };

function seconds(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
}

export function parseWallHash(hash: string): WallSettings {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    requested: q.get('view') === 'wall',
    rotateSeconds: seconds(q.get('rotate'), DEFAULT_SETTINGS.rotateSeconds, 2, 3600),
    refreshSeconds: seconds(q.get('refresh'), DEFAULT_SETTINGS.refreshSeconds, 2, 3600),
    tileReloadSeconds: seconds(q.get('tiles'), DEFAULT_SETTINGS.tileReloadSeconds, 5, 86400),
    views: parseViews(q.get('views')),
  };
}

/**
 * Delay before the next try after `failures` failures in a row: 2, 4, 8 … s, never longer than the normal refresh
 * interval (so a wall recovers within one refresh once the network is back), with ±20 % jitter so that many walls
 * behind one gateway do not retry in step. `random` is injectable for tests.
 */
export function retryDelayMs(failures: number, refreshSeconds: number, random: () => number = Math.random): number {
  const base = Math.min(2000 * 2 ** Math.max(0, failures - 1), refreshSeconds * 1000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What the offline badge says: since when the API has failed, and from when the figures on screen are. */
export interface ConnectionState {
  /** Time of the last successful fetch (ms), null before the first. */
  lastOkAt: number | null;
  /** Time of the first failure after the last success (ms), null while connected. */
  lostSince: number | null;
  failures: number;
}

export const INITIAL_CONNECTION: ConnectionState = { lastOkAt: null, lostSince: null, failures: 0 };

export function onSuccess(_s: ConnectionState, now: number): ConnectionState {
  return { lastOkAt: now, lostSince: null, failures: 0 };
}

export function onFailure(s: ConnectionState, now: number): ConnectionState {
  return { lastOkAt: s.lastOkAt, lostSince: s.lostSince ?? now, failures: s.failures + 1 };
}
