/**
 * The map: MapLibre with the server's style (our own vector tiles, no sprites or external URLs) plus the console's
 * text (labelLayers.ts: names and markers placed without overlap, glyphs served by the console itself), and — once
 * something needs it — a deck.gl MapboxOverlay interleaved into MapLibre's render loop, so deck layers (highlight,
 * markers, plug-in layers) sit between style layers and share its depth and camera. deck.gl is loaded on demand.
 *
 * Test hook: `window.__gc = { map, ready, deck, deckLayers(), labelsDrawn() }` lets browser tests ask the map what
 * it really rendered. `ready` turns true once the console has handled MapLibre's `load` (framed the data, asked for
 * the labels): `map.loaded()` can be true a frame before `load` fires, and that frame can take seconds in software
 * WebGL.
 */
import { useEffect, useRef } from 'react';
import maplibregl, { type GeoJSONSource, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { LayersList } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import { AREA_LABEL_LAYER, LABEL_SOURCE, MARKER_SPACE_IMAGE, MARKER_SPACE_PX, withLabelLayers, type LabelScheme } from './labelLayers';
import { catalogueLayerOf, styleEdits, withStyleEdits, type LayerState, type StyleLayerLike } from './styleControl';
import { choosePick, type Pick } from './pick';
import type { StyleOverride } from '../plugins/registry';

/** Fonts for CJK text: the ones installed with the console (Debian fonts-wqy-microhei) first, never a download. */
export const CJK_FONTS = 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif';

export interface FlyRequest {
  bbox: [number, number, number, number];
  /** Room to leave for the panels over the map. */
  padding: { top: number; bottom: number; left: number; right: number };
  seq: number;
}

interface Props {
  style: StyleSpecification;
  initialView: { center: [number, number]; zoom: number };
  layerStates: Record<string, LayerState>;
  overrides: StyleOverride[];
  deckLayers: LayersList;
  /** Area names to place (labels.ts: labelFeatures). */
  labels: FeatureCollection;
  /** The wall's dark scheme and larger text; whether sites carry their names. */
  labelStyle?: { scheme?: LabelScheme; sizeScale?: number; siteNames?: boolean };
  fly: FlyRequest | null;
  ariaLabel: string;
  /** MapLibre's own control labels, from our catalogue (MapLibre's defaults are English). */
  controlLabels?: { zoomIn: string; zoomOut: string };
  onMove: (center: [number, number], zoom: number) => void;
  onPick: (pick: Pick | null, lngLat: [number, number]) => void;
  onReady: (map: MapLibreMap) => void;
}

declare global {
  interface Window {
    __gc?: { map: MapLibreMap; ready: boolean; deck: () => MapboxOverlay | null; deckLayers: () => LayersList; labelsDrawn: () => number };
  }
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

export function MapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const originalLayers = useRef<StyleLayerLike[]>([]);
  const loaded = useRef(false);
  const overridden = useRef(new Set<string>());
  const overlayLoading = useRef(false);
  /** The area names the label source holds (set again only when they change: each set is parsed anew). */
  const labelsShown = useRef<FeatureCollection | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Create the map once.
  useEffect(() => {
    const served = withLabelLayers(absoluteStyle(props.style), { origin: window.location.origin, ...props.labelStyle });
    originalLayers.current = structuredClone(served.layers) as StyleLayerLike[];
    // The map starts in the console's state (layers shown, opacities, filters, thematic colours, the names known
    // so far) rather than being changed once loaded: a change after 'load' would load a newly shown layer's tiles
    // only then and draw every frame again, which in software WebGL costs a second of first render.
    const initial = styleEdits(originalLayers.current, props.layerStates, props.overrides);
    overridden.current = initial.overridden;
    labelsShown.current = props.labels;
    const style = withStyleEdits(served as unknown as { layers: StyleLayerLike[] }, initial.edits) as unknown as StyleSpecification;
    style.sources = { ...style.sources, [LABEL_SOURCE]: { type: 'geojson', data: props.labels } };
    const map = new maplibregl.Map({
      container: container.current!,
      style,
      center: props.initialView.center,
      zoom: props.initialView.zoom,
      localIdeographFontFamily: CJK_FONTS,
      locale: props.controlLabels
        ? {
            'Map.Title': props.ariaLabel,
            'NavigationControl.ZoomIn': props.controlLabels.zoomIn,
            'NavigationControl.ZoomOut': props.controlLabels.zoomOut,
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
    // The marker-space symbols' image: fully transparent, it only reserves room in the collision index.
    map.on('styleimagemissing', (e) => {
      if (e.id !== MARKER_SPACE_IMAGE || map.hasImage(e.id)) return;
      map.addImage(e.id, { width: MARKER_SPACE_PX, height: MARKER_SPACE_PX, data: new Uint8Array(MARKER_SPACE_PX * MARKER_SPACE_PX * 4) });
    });
    mapRef.current = map;
    window.__gc = {
      map,
      ready: false,
      deck: () => overlayRef.current,
      deckLayers: () => latest.current.deckLayers,
      labelsDrawn: () => (map.getLayer(AREA_LABEL_LAYER) ? map.queryRenderedFeatures({ layers: [AREA_LABEL_LAYER] }).length : 0),
    };

    // Names that arrive while the first tiles load are placed with them, not after MapLibre's 'load' (which waits
    // for every tile): the label source exists as soon as the style is parsed.
    map.on('style.load', applyLabels);
    map.on('load', () => {
      loaded.current = true;
      applyStyleState();
      applyLabels();
      applyDeckLayers();
      latest.current.onReady(map);
      if (window.__gc?.map === map) window.__gc.ready = true;
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
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onMove([c.lng, c.lat], map.getZoom());
    });

    const interactive = () => originalLayers.current.filter((l) => catalogueLayerOf(l)).map((l) => l.id);
    map.on('click', (e) => {
      // A few pixels of slack so that a finger hits a 6-px point.
      const r = 6;
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [e.point.x - r, e.point.y - r],
        [e.point.x + r, e.point.y + r],
      ];
      const ids = interactive().filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const features = map.queryRenderedFeatures(box, { layers: ids });
      const pick = choosePick(
        features.map((f) => ({
          id: f.id,
          layerId: catalogueLayerOf(f.layer as StyleLayerLike) ?? f.layer.id,
          geometryType: f.geometry.type,
          properties: f.properties ?? {},
        })),
      );
      if (pick?.kind === 'cluster') {
        map.easeTo({ center: e.lngLat, zoom: Math.min(map.getZoom() + 2, 18) });
      }
      latest.current.onPick(pick, [e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('mousemove', (e) => {
      const ids = interactive().filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const hit = map.queryRenderedFeatures(e.point, { layers: ids }).length > 0;
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
    });

    return () => {
      loaded.current = false;
      overlayLoading.current = false;
      delete window.__gc;
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function applyStyleState() {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    const { edits, overridden: now } = styleEdits(originalLayers.current, latest.current.layerStates, latest.current.overrides, overridden.current);
    // MapLibre compares each value with the current one and does nothing (no repaint, no tile reload) when equal.
    for (const e of edits) {
      if (!map.getLayer(e.id)) continue;
      if (e.kind === 'filter') map.setFilter(e.id, e.value as maplibregl.FilterSpecification);
      else if (e.kind === 'layout') map.setLayoutProperty(e.id, e.prop, e.value);
      else map.setPaintProperty(e.id, e.prop, e.value);
    }
    overridden.current = now;
  }

  function applyLabels() {
    // The source exists once the style is parsed (MapLibre's getSource answers undefined before).
    const source = mapRef.current?.getSource(LABEL_SOURCE) as GeoJSONSource | undefined;
    if (!source || labelsShown.current === latest.current.labels) return;
    labelsShown.current = latest.current.labels;
    source.setData(latest.current.labels);
  }

  /** deck.gl's overlay is created (and its code loaded) the first time there is a deck layer to draw. */
  function applyDeckLayers() {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    const layers = latest.current.deckLayers;
    if (overlayRef.current) {
      overlayRef.current.setProps({ layers });
      return;
    }
    if (!layers.length || overlayLoading.current) return;
    overlayLoading.current = true;
    void import('@deck.gl/mapbox').then(({ MapboxOverlay: Overlay }) => {
      if (mapRef.current !== map) return;
      const overlay = new Overlay({ interleaved: true, layers: latest.current.deckLayers });
      map.addControl(overlay);
      overlayRef.current = overlay;
    });
  }

  useEffect(applyStyleState, [props.layerStates, props.overrides]);
  useEffect(applyLabels, [props.labels]);
  useEffect(applyDeckLayers, [props.deckLayers]);

  // A language switch after the map exists: relabel MapLibre's controls in place.
  useEffect(() => {
    const root = container.current;
    if (!root || !props.controlLabels) return;
    const set = (sel: string, label: string) =>
      root.querySelectorAll(sel).forEach((el) => {
        el.setAttribute('aria-label', label);
        el.setAttribute('title', label);
      });
    set('.maplibregl-ctrl-zoom-in', props.controlLabels.zoomIn);
    set('.maplibregl-ctrl-zoom-out', props.controlLabels.zoomOut);
    root.querySelector('canvas')?.setAttribute('aria-label', props.ariaLabel);
  }, [props.controlLabels, props.ariaLabel]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.fly) return;
    const [w, s, e, n] = props.fly.bbox;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: props.fly.padding, maxZoom: 15, duration: 800 },
    );
  }, [props.fly]);

  return <div ref={container} className="map" role="region" aria-label={props.ariaLabel} />;
}
