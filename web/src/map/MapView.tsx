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
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap, PointLike, StyleSpecification } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { LayersList } from '@deck.gl/core';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { AREA_LABEL_LAYER, LABEL_SOURCE, type LabelScheme } from './labelLayers';
import { catalogueLayerOf, changedEdits, styleEdits, type LayerState, type StyleLayerLike } from './styleControl';
import { createMap, type CreatedMap } from './createMap';
import { takeEarlyMap } from './earlyMap';
import { NO_LABELS } from './labels';
import { choosePick, type Pick } from './pick';
import type { StyleOverride } from '../plugins/registry';

export { CJK_FONTS } from './createMap';

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

export function MapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const originalLayers = useRef<StyleLayerLike[]>([]);
  const loaded = useRef(false);
  const overridden = useRef(new Set<string>());
  /** The value each style layer property was last given (styleControl.ts changedEdits). */
  const editsMade = useRef(new Map<string, string>());
  const overlayLoading = useRef(false);
  /** The area names the label source holds (set again only when they change: each set is parsed anew). */
  const labelsShown = useRef<FeatureCollection | null>(null);
  /** The names on the map were put by the early start; the console's own (the same request) are still coming. */
  const namesFromEarlyStart = useRef(false);
  const latest = useRef(props);
  latest.current = props;

  // Create the map once, or adopt the one earlyMap.ts started for the console's first view. A layout effect: the
  // map is in the region before the page is first painted (no frame of an empty region over the early map).
  useLayoutEffect(() => {
    const early = takeEarlyMap(props.style);
    let created: CreatedMap;
    if (early) {
      container.current!.appendChild(early.container);
      created = early;
    } else {
      const surface = document.createElement('div');
      surface.className = 'map-surface';
      container.current!.appendChild(surface);
      created = createMap(surface, props);
    }
    const { map } = created;
    originalLayers.current = created.originalLayers;
    overridden.current = created.overridden;
    changedEdits(created.edits, editsMade.current); // what the map was created with
    labelsShown.current = created.labels;
    namesFromEarlyStart.current = created.labels !== NO_LABELS && created.labels !== props.labels;
    if (early) {
      // The early start's names, should they arrive from now on: put at once while the console has put none.
      early.acceptNames = (labels) => {
        if (mapRef.current !== map || labelsShown.current !== NO_LABELS) return false;
        labelsShown.current = labels;
        namesFromEarlyStart.current = labels !== latest.current.labels;
        return true;
      };
    }
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
    const onLoad = () => {
      loaded.current = true;
      applyStyleState();
      applyLabels();
      applyDeckLayers();
      latest.current.onReady(map);
      if (window.__gc?.map === map) window.__gc.ready = true;
    };
    // An early map may have loaded its style, or all of its first tiles, before it was adopted.
    if (early?.loaded()) onLoad();
    else {
      map.on('load', onLoad);
      applyLabels();
    }
    map.on('moveend', () => {
      const c = map.getCenter();
      latest.current.onMove([c.lng, c.lat], map.getZoom());
    });

    const interactive = () => originalLayers.current.filter((l) => catalogueLayerOf(l)).map((l) => l.id);
    map.on('click', (e) => {
      // A few pixels of slack so that a finger hits a 6-px point.
      const r = 6;
      const box: [PointLike, PointLike] = [
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
      if (early) early.acceptNames = undefined; // names still coming from the early start have nowhere to go
      map.remove();
      map.getContainer().remove();
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
    for (const e of changedEdits(edits, editsMade.current)) {
      if (!map.getLayer(e.id)) continue;
      if (e.kind === 'filter') map.setFilter(e.id, e.value as FilterSpecification);
      else if (e.kind === 'layout') map.setLayoutProperty(e.id, e.prop, e.value);
      else map.setPaintProperty(e.id, e.prop, e.value);
    }
    overridden.current = now;
  }

  function applyLabels() {
    // The source exists once the style is parsed (MapLibre's getSource answers undefined before).
    const source = mapRef.current?.getSource(LABEL_SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    if (labelsShown.current === latest.current.labels) {
      namesFromEarlyStart.current = false; // the console's own names now, the very ones on the map
      return;
    }
    // Not the console's empty start over the names the early start already put there (useLabels takes that very
    // request and hands the same names on).
    if (namesFromEarlyStart.current && latest.current.labels === NO_LABELS) return;
    namesFromEarlyStart.current = false;
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
      // deck.gl starts following the map's camera ('move') only once its device is ready, a few frames after this;
      // a move in between (a fitBounds right after the first overlay) would leave its picking viewport behind the
      // drawn map until the next pan. Once it follows, replay the current camera as a move so both agree.
      const overlay = new Overlay({
        interleaved: true,
        layers: latest.current.deckLayers,
        onLoad: () => queueMicrotask(() => mapRef.current === map && map.jumpTo({ center: map.getCenter(), zoom: map.getZoom() })),
      });
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
