/**
 * The console's own deck.gl layers: area name labels (MapLibre has no glyphs here, deck.gl rasterises the
 * installed CJK font on the fly with characterSet 'auto'), the selection outline, the search result marker and the
 * user's position. Colours: dark ink on a white halo for labels; the highlight is Okabe–Ito blue, which stays
 * distinct from the vermillion/orange/yellow listing fills for every common colour-vision deficiency.
 */
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { LayersList } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import type { LabelPoint } from '../api/types';
import { CJK_FONTS } from './MapView';

export interface OverlayInput {
  labels: LabelPoint[];
  labelLayer: string | null;
  highlight: Feature<Geometry>[];
  searchMarker: [number, number] | null;
  userPosition: { lon: number; lat: number; accuracy: number } | null;
}

const HIGHLIGHT: [number, number, number] = [0, 114, 178];

export function consoleDeckLayers(input: OverlayInput): LayersList {
  const layers: LayersList = [];
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
  if (input.labels.length) {
    const size = input.labelLayer === 'counties' ? 16 : input.labelLayer === 'townships' ? 14 : 12;
    layers.push(
      new TextLayer<LabelPoint>({
        id: `gc-labels-${input.labelLayer}`,
        data: input.labels,
        getPosition: (d) => [d.lon, d.lat],
        getText: (d) => d.name,
        getSize: size,
        sizeUnits: 'pixels',
        getColor: [20, 28, 36, 255],
        fontFamily: CJK_FONTS,
        fontWeight: input.labelLayer === 'counties' ? 'bold' : 'normal',
        characterSet: 'auto',
        fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
        outlineWidth: 3,
        outlineColor: [255, 255, 255, 235],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        pickable: false,
        parameters: { depthCompare: 'always' },
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
