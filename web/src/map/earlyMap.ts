/**
 * The console's first map, started before React renders. public/early.js asks for the session, the catalogue and
 * the style while the code loads; as soon as they are in (usually before the code has been evaluated), the map is
 * created into a container of its own (behind the page until the console takes it), the first view's names are
 * asked for, and React renders the console in one pass with those answers (earlyAnswersNow), before the map draws
 * its first frame. The console's MapView then adopts the map (takeEarlyMap) instead of creating another.
 *
 * Why: in software WebGL the main thread waits for the GPU process at every frame (100–400 ms each), so whatever
 * the page does after the map starts drawing is delayed by its frames, and the map's tiles wait for the page. The
 * map starts its style and tile work as early as possible, and the page's own work is done before the frames.
 *
 * Only for the console of a signed-in user: not the wall display (its own dark style), not a signed-out page, not
 * a link carrying a sign-in token. The map starts exactly as MapView would create it at that moment (the link's
 * view and layers, no names yet).
 */
import i18n from 'i18next';
import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { fetchCatalogue, fetchStyle } from '../api/catalogue';
import type { CatalogueLayer, Lang, SessionUser } from '../api/types';
import { DEFAULT_VIEW } from '../console/defaults';
import { layerStatesFor, visibleLayers } from '../console/layerStates';
import { parseViewHash } from '../url/viewHash';
import { createMap, type CreatedMap } from './createMap';
import { LABEL_SOURCE } from './labelLayers';
import { bboxParam, boundsAt, startEarlyLabels } from './labelRequest';
import { labelTiersFor, NO_LABELS } from './labels';

declare global {
  interface Window {
    /** The signed-in user as public/early.js read it from /api/session (null when signed out). */
    __gcEarlyUser?: Promise<SessionUser | null>;
  }
}

export interface EarlyMap extends CreatedMap {
  /** The area names the label source holds (the first view's, when they arrived before the console rendered). */
  labels: CreatedMap['labels'];
  /** The map's own container: MapView moves it into the console's map region. */
  container: HTMLDivElement;
  /** Whether MapLibre's 'load' has fired (before MapView listened for it). */
  loaded: () => boolean;
  /**
   * Set by MapView when it adopts the map: whether names that arrive after that may still be put on the map (yes
   * while the console has put none of its own), noting that they are there.
   */
  acceptNames?: (labels: CreatedMap['labels']) => boolean;
}

export interface ConsoleStart {
  user: SessionUser;
  catalogue: CatalogueLayer[];
  style: StyleSpecification;
}

/** The early start's answers: pending, or in (`value`) for the console's first render to use at once. */
let started: { lang: Lang; answers: Promise<ConsoleStart>; value?: ConsoleStart } | null = null;
let early: { style: StyleSpecification; map: EarlyMap } | null = null;

const noEarlyStart = () => /(^#|&)(view=wall|token=)/.test(window.location.hash);

/**
 * Called once, before React renders (main.tsx): starts the map when the session answer says the console will
 * open. Settles with the session, catalogue and style once the map is created, or with null as soon as it is clear
 * that none will be (signed out, the wall display, a sign-in token in the link, a failed request).
 */
export function startEarlyMap(lang: Lang, i18nReady: Promise<void>): Promise<ConsoleStart | null> {
  const session = window.__gcEarlyUser;
  if (!session || noEarlyStart()) return Promise.resolve(null);
  const answers = session.then(async (user) => {
    if (!user || user.role === 'wall') throw new Error('no console to start');
    const [catalogue, style] = await Promise.all([fetchCatalogue(), fetchStyle({ lang }), i18nReady]);
    const value = { user, catalogue, style };
    if (started?.answers === answers) started.value = value;
    // Created before the answers are handed on, so that the console finds the map when it renders; handed on once
    // the map has asked for its first tiles (below), so that they load while React renders.
    await tilesAsked(create(catalogue, style, lang));
    return value;
  });
  started = { lang, answers };
  return answers.catch(() => null);
}

/**
 * Settles once the map has asked for its first tiles (or has failed to start, or after TILES_ASKED_WAIT_MS).
 * MapLibre loads a style given as an object on the next animation frame and asks for tiles on the frame after:
 * a React render in between (a few hundred ms in software WebGL) held the tile requests back by as much.
 */
const TILES_ASKED_WAIT_MS = 400;
function tilesAsked(map: EarlyMap | undefined): Promise<void> {
  if (!map) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      map.map.off('dataloading', onLoading);
      clearTimeout(timer);
      resolve();
    };
    const onLoading = (e: { tile?: unknown }) => {
      if (e.tile) done();
    };
    const timer = setTimeout(done, TILES_ASKED_WAIT_MS);
    map.map.on('dataloading', onLoading);
  });
}

function create(catalogue: CatalogueLayer[], style: StyleSpecification, lang: Lang): EarlyMap | undefined {
  const view = parseViewHash(window.location.hash, { ...DEFAULT_VIEW, lang });
  const container = document.createElement('div');
  container.className = 'map-surface map-early';
  document.body.prepend(container);
  const visible = visibleLayers(catalogue, view.layers);
  const layerStates = layerStatesFor(catalogue, visible, view.opacity, view.filters);
  try {
    const created = createMap(container, {
      style,
      initialView: { center: view.center, zoom: view.zoom },
      layerStates,
      overrides: [], // the plug-ins' thematic modes start off
      labels: NO_LABELS,
      ariaLabel: i18n.t('map.label'),
      controlLabels: { zoomIn: i18n.t('map.zoomIn'), zoomOut: i18n.t('map.zoomOut') },
    });
    let loaded = false;
    created.map.once('load', () => (loaded = true));
    const map: EarlyMap = { ...created, container, loaded: () => loaded };
    early = { style, map };
    if (window.location.hash.includes('map=')) startNames(map, view, visible, catalogue);
    return map;
  } catch (e) {
    // No WebGL, for one: MapView will try again and show what fails.
    container.remove();
    console.warn('early map not started', e);
    return undefined;
  }
}

/**
 * The first view's names, asked for with the tiles (a view from the link: without one the console frames the data
 * once loaded, and asks then). useLabels takes the request when the console renders, and hands the same names to
 * MapView; they are put on the map here as soon as they arrive, so that they are placed with the first tiles —
 * also when the console has adopted the map meanwhile (it accepts them while it has put no names of its own):
 * waiting for the console's next render put them on the map ~0.5 s later in software WebGL, each render waiting
 * for the map's frames.
 */
function startNames(map: EarlyMap, view: { center: [number, number]; zoom: number }, visible: Set<string>, catalogue: CatalogueLayer[]): void {
  const tiers = labelTiersFor(view.zoom, visible, catalogue).join(',');
  if (!tiers) return;
  void startEarlyLabels(tiers, bboxParam(boundsAt(view.center, view.zoom))).then((labels) => {
    const adopted = () => early?.map !== map;
    // Adopted by a console that has gone since (it clears acceptNames as it removes the map): nothing to put.
    if (adopted() && !map.acceptNames) return;
    const put = () => {
      if (adopted() && !map.acceptNames?.(labels)) return;
      void (map.map.getSource(LABEL_SOURCE) as GeoJSONSource).setData(labels);
      map.labels = labels;
    };
    if (map.map.getSource(LABEL_SOURCE)) put();
    else map.map.once('style.load', put);
  }, () => undefined);
}

/** The early start's answers if they are in, for a first render that needs no request (not taken: see below). */
export function earlyAnswersNow(lang: Lang): ConsoleStart | undefined {
  return started?.lang === lang ? started.value : undefined;
}

/**
 * The early start's answers (once), or undefined when none was started for this language. If the early requests
 * failed, they are made again, as the console would without an early start. Taken by the console's first load, so
 * that a later console (signed in again, maybe as someone else) asks anew.
 */
export function takeEarlyAnswers(lang: Lang): Promise<Omit<ConsoleStart, 'user'>> | undefined {
  if (!started || started.lang !== lang) return undefined;
  const { answers } = started;
  started = null;
  return answers.catch(async () => {
    const [catalogue, style] = await Promise.all([fetchCatalogue(), fetchStyle({ lang })]);
    return { catalogue, style };
  });
}

/** The early map, once, if it was created for this very style (the console's first view). */
export function takeEarlyMap(style: StyleSpecification): EarlyMap | undefined {
  if (!early || early.style !== style) return undefined;
  const { map } = early;
  early = null;
  map.container.classList.remove('map-early');
  return map;
}
