/**
 * The console's own deck.gl layers: the selection outline, the search result marker and the user's position
 * (names are MapLibre's symbol layers, see labelLayers.ts). deck.gl is loaded only once one of these is needed.
 * The highlight is Okabe–Ito blue, which stays distinct from the vermillion/orange/yellow listing fills for every
 * common colour-vision deficiency.
 */
import type { LayersList } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import { deckLayerClasses } from './deck';

export interface OverlayInput {
  highlight: Feature<Geometry>[];
  searchMarker: [number, number] | null;
  userPosition: { lon: number; lat: number; accuracy: number } | null;
}

const HIGHLIGHT: [number, number, number] = [0, 114, 178];

export function consoleDeckLayers(input: OverlayInput): LayersList {
  const layers: LayersList = [];
  if (!input.highlight.length && !input.searchMarker && !input.userPosition) return layers;
  const deck = deckLayerClasses();
  if (!deck) return layers;
  const { GeoJsonLayer, ScatterplotLayer } = deck;
  if (input.highlight.length) {
    layers.push(
      new GeoJsonLayer({
        id: 'gc-selection',
        data: { type: 'FeatureCollection', features: input.highlight },
        stroked: true,
        filled: true,
        getFillColor: [...HIGHLIGHT, 40],
        getLineColor: [...HIGHLIGHT, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 4,
        pointType: 'circle',
        pointRadiusUnits: 'pixels',
        getPointRadius: 12,
        pickable: false,
      }),
    );
  }
  if (input.searchMarker) {
    layers.push(
      new ScatterplotLayer<[number, number]>({
        id: 'gc-search-marker',
        data: [input.searchMarker],
        getPosition: (d) => d,
        getRadius: 10,
        radiusUnits: 'pixels',
        stroked: true,
        filled: true,
        getFillColor: [255, 255, 255, 200],
        getLineColor: [0, 0, 0, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
      }),
    );
  }
  if (input.userPosition) {
    const p = input.userPosition;
    layers.push(
      new ScatterplotLayer({
        id: 'gc-user-accuracy',
        data: [p],
        getPosition: (d: typeof p) => [d.lon, d.lat],
        getRadius: (d: typeof p) => d.accuracy,
        radiusUnits: 'meters',
        getFillColor: [...HIGHLIGHT, 40],
        stroked: false,
      }),
      new ScatterplotLayer({
        id: 'gc-user-position',
        data: [p],
        getPosition: (d: typeof p) => [d.lon, d.lat],
        getRadius: 7,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: [...HIGHLIGHT, 255],
        getLineColor: [255, 255, 255, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
      }),
    );
  }
  return layers;
}
