/**
 * A MapLibre map as the console draws it: the server's style with the console's text layers (labelLayers.ts) and
 * the panel's state baked in, its controls, and the handlers a map needs from its first tile on. Used by MapView,
 * and by earlyMap.ts to start the console's first map before React has rendered.
 */
import maplibregl, { type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { LABEL_SOURCE, MARKER_SPACE_IMAGE, MARKER_SPACE_PX, withLabelLayers, type LabelScheme } from './labelLayers';
import { styleEdits, withStyleEdits, type LayerState, type OverrideLike, type StyleEdit, type StyleLayerLike } from './styleControl';

/** Fonts for CJK text: the ones installed with the console (Debian fonts-wqy-microhei) first, never a download. */
export const CJK_FONTS = 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif';

export interface MapStart {
  /** The server's style, as /api/style.json sent it. */
  style: StyleSpecification;
  initialView: { center: [number, number]; zoom: number };
  layerStates: Record<string, LayerState>;
  overrides: OverrideLike[];
  /** Area names known so far (labels.ts: labelFeatures). */
  labels: FeatureCollection;
  labelStyle?: { scheme?: LabelScheme; sizeScale?: number; siteNames?: boolean };
  ariaLabel: string;
  controlLabels?: { zoomIn: string; zoomOut: string };
}

export interface CreatedMap {
  map: MapLibreMap;
  /** The style's layers before the panel's edits: what later edits are computed from (styleControl.ts). */
  originalLayers: StyleLayerLike[];
  /** The `id\0prop` keys the overrides set (styleEdits). */
  overridden: Set<string>;
  /** The edits the map was created with. */
  edits: StyleEdit[];
  /** The area names the label source was created with. */
  labels: FeatureCollection;
}

/** Tile URLs in the style are same-origin paths; MapLibre's workers need them absolute. */
function absoluteStyle(style: StyleSpecification): StyleSpecification {
  const copy = structuredClone(style);
  for (const source of Object.values(copy.sources ?? {})) {
    const s = source as { tiles?: string[]; url?: string };
    if (s.tiles) s.tiles = s.tiles.map((t) => new URL(t, window.location.href).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
    if (s.url) s.url = new URL(s.url, window.location.href).href;
  }
  return copy;
}

export function createMap(container: HTMLElement, start: MapStart): CreatedMap {
  const served = withLabelLayers(absoluteStyle(start.style), { origin: window.location.origin, ...start.labelStyle });
  const originalLayers = structuredClone(served.layers) as StyleLayerLike[];
  // The map starts in the console's state (layers shown, opacities, filters, thematic colours, the names known
  // so far) rather than being changed once loaded: a change after 'load' would load a newly shown layer's tiles
  // only then and draw every frame again, which in software WebGL costs a second of first render.
  const initial = styleEdits(originalLayers, start.layerStates, start.overrides);
  const style = withStyleEdits(served as unknown as { layers: StyleLayerLike[] }, initial.edits) as unknown as StyleSpecification;
  style.sources = { ...style.sources, [LABEL_SOURCE]: { type: 'geojson', data: start.labels } };
  const map = new maplibregl.Map({
    container,
    style,
    center: start.initialView.center,
    zoom: start.initialView.zoom,
    localIdeographFontFamily: CJK_FONTS,
    locale: start.controlLabels
      ? {
          'Map.Title': start.ariaLabel,
          'NavigationControl.ZoomIn': start.controlLabels.zoomIn,
          'NavigationControl.ZoomOut': start.controlLabels.zoomOut,
        }
      : undefined,
    attributionControl: false,
    fadeDuration: 0,
    dragRotate: false,
    pitchWithRotate: false,
    maxPitch: 0,
    // Same-origin only: everything the style names is on the console's own host.
    transformRequest: (url) => ({ url: new URL(url, window.location.href).href, credentials: 'same-origin' }),
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.enable();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  // The marker-space symbols' image: fully transparent, it only reserves room in the collision index. Added before
  // the first tile is laid out: added when MapLibre first misses it, it made every tile of the point layers be laid
  // out again (and drawn again) during the first render. Asked for again if a later style drops it.
  const addMarkerSpace = () => map.addImage(MARKER_SPACE_IMAGE, { width: MARKER_SPACE_PX, height: MARKER_SPACE_PX, data: new Uint8Array(MARKER_SPACE_PX * MARKER_SPACE_PX * 4) });
  addMarkerSpace();
  map.on('styleimagemissing', (e) => {
    if (e.id === MARKER_SPACE_IMAGE && !map.hasImage(e.id)) addMarkerSpace();
  });
  // MapLibre reports a request that failed as an 'error' event, and logs it with console.error when nobody
  // listens. A tile or glyph asked for while the network or the API is down (status 0, 5xx) is not the page's
  // error: the console shows the outage itself (offline badge, health) and the wall reloads its tiles once the
  // API is back. Anything else — a 4xx, a style or rendering error — is a real fault and is still logged.
  map.on('error', (e) => {
    const status = (e.error as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && (status === 0 || status >= 500)) return;
    console.error(e.error);
  });
  return { map, originalLayers, overridden: initial.overridden, edits: initial.edits, labels: start.labels };
}
