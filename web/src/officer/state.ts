/**
 * The officer panel's state, shared by the map layers and the side-panel control: my grids (from the network or
 * the cache), my position and the last "am I inside?" verdict. Changes call refreshPlugins() so the map redraws.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { refreshPlugins } from '../plugins/registry';
import { fetchLocate, fetchMine, type MyGrid } from './api';
import { readMine, saveMine } from './cache';
import { currentFix, GeoError, watchFix, type Fix, type GeoErrorKind } from './geolocate';
import { unionBbox, verdictFromApi, verdictLocal, type Verdict } from './where';

export interface OfficerState {
  grids: MyGrid[] | null;
  /** 'cache' when the network failed and the grids are the last saved answer. */
  source: 'network' | 'cache' | null;
  savedAt: string | null;
  loading: boolean;
  loadFailed: boolean;
  position: Fix | null;
  locating: boolean;
  verdict: Verdict | null;
  geoError: GeoErrorKind | null;
  following: boolean;
}

let state: OfficerState = {
  grids: null,
  source: null,
  savedAt: null,
  loading: false,
  loadFailed: false,
  position: null,
  locating: false,
  verdict: null,
  geoError: null,
  following: false,
};
const listeners = new Set<() => void>();
let loadedFor: string | null = null;
let stopWatch: (() => void) | null = null;
let map: MapLibreMap | null = null;
/** A link that carries a view (map=…) is honoured; otherwise the map frames the officer's grids once. */
let fitted = typeof window !== 'undefined' && window.location.hash.includes('map=');

export const getOfficerState = () => state;
export function subscribeOfficer(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function set(patch: Partial<OfficerState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
  refreshPlugins();
}

/** Padding that keeps what we frame clear of the header and of the side panel (the bottom sheet on phones). */
function fitPadding(m: MapLibreMap) {
  const el = m.getContainer();
  const map = el.getBoundingClientRect();
  const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
  const phone = map.width <= 700;
  if (phone) {
    const covered = panel ? Math.max(0, map.bottom - panel.top) : 0;
    return { top: 40, bottom: Math.min(covered + 30, map.height * 0.7), left: 30, right: 30 };
  }
  return { top: 90, bottom: 40, left: panel ? Math.max(40, panel.right - map.left + 20) : 40, right: 60 };
}

/** Centres a position in the uncovered part of the map (fitBounds: easeTo's padding would stay on the map). */
function centreOn(m: MapLibreMap, fix: Fix, zoom: number, duration: number) {
  m.fitBounds([[fix.lon, fix.lat], [fix.lon, fix.lat]], { padding: fitPadding(m), maxZoom: zoom, duration });
}

function fitToGrids() {
  if (fitted || !map || !state.grids?.length) return;
  const b = unionBbox(state.grids)!;
  fitted = true;
  // After the console's own first framing (it frames the whole data set when the map becomes ready).
  const m = map;
  requestAnimationFrame(() => m.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: fitPadding(m), duration: 0, maxZoom: 17 }));
}

/** Called from deckLayers with the console's map: remembers it and frames the grids when they are known. */
export function attachMap(m: MapLibreMap | null) {
  map = m;
  fitToGrids();
}

export function loadMine(username: string, force = false): void {
  if ((loadedFor === username && !force) || state.loading) return;
  loadedFor = username;
  // Silent: this runs while the console renders its layers, when no store may notify React.
  state = { ...state, loading: true };
  fetchMine()
    .then((r) => {
      const saved = saveMine(localStorage, username, r.grids);
      set({ grids: r.grids, source: 'network', savedAt: saved.savedAt, loading: false, loadFailed: false });
    })
    .catch(() => {
      const cached = readMine(localStorage, username);
      set(cached ? { grids: cached.grids, source: 'cache', savedAt: cached.savedAt, loading: false, loadFailed: true } : { loading: false, loadFailed: true });
    })
    .finally(fitToGrids);
}

/** "Am I in my grid?": a GPS fix, then the server's answer; without network, the answer from cached boundaries. */
export async function checkPosition(): Promise<void> {
  set({ locating: true, geoError: null });
  let fix: Fix;
  try {
    fix = await currentFix();
  } catch (e) {
    set({ locating: false, geoError: e instanceof GeoError ? e.kind : 'unavailable' });
    return;
  }
  set({ position: fix });
  let verdict: Verdict | null = null;
  try {
    verdict = verdictFromApi(await fetchLocate(fix.lon, fix.lat));
  } catch {
    verdict = state.grids?.length ? verdictLocal(state.grids, fix.lon, fix.lat) : null;
  }
  set({ locating: false, verdict });
  if (!map) return;
  // Outside: frame both the officer and the way back to the nearest grid; inside: centre on them.
  const nearest = verdict && !verdict.inside && verdict.nearest ? state.grids?.find((g) => g.code === verdict.nearest!.code) : undefined;
  if (nearest) {
    const b = unionBbox([nearest, { bbox: [fix.lon, fix.lat, fix.lon, fix.lat] }])!;
    map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: fitPadding(map), duration: 600, maxZoom: 17 });
  } else {
    centreOn(map, fix, Math.max(map.getZoom(), 15), 600);
  }
}

export function setFollowing(on: boolean): void {
  stopWatch?.();
  stopWatch = null;
  if (on) {
    stopWatch = watchFix(
      (fix) => {
        set({ position: fix, geoError: null });
        if (map) centreOn(map, fix, map.getZoom(), 400);
      },
      (e) => set({ geoError: e.kind }),
    );
  }
  set({ following: on });
}
