/**
 * The officer's map: everything outside their grids dimmed by a dark veil with the grids cut out of it, the grid
 * boundaries drawn as a thick black line on a white casing (reads in sunlight on any basemap colour, and needs no
 * hue to be told apart), grid names, and the position as a blue dot inside its accuracy circle.
 */
import { deckLayerClasses } from '../map/deck';
import type { LayersList } from '@deck.gl/core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { CJK_FONTS } from '../map/MapView';
import type { MyGrid } from './api';
import type { Fix } from './geolocate';

const INK: [number, number, number, number] = [17, 17, 17, 255];
const CASING: [number, number, number, number] = [255, 255, 255, 255];
// Okabe–Ito blue: distinct from the listing fills for every common colour-vision deficiency.
const POSITION: [number, number, number] = [0, 114, 178];

const outerRings = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]));

/** A near-world polygon with each grid as a hole: the veil that dims "not my grid". */
export function veil(grids: MyGrid[]): Feature<Polygon> {
  const world: Position[] = [[-179, -80], [179, -80], [179, 80], [-179, 80], [-179, -80]];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [world, ...grids.flatMap((g) => outerRings(g.boundary))] } };
}

export function officerLayers(grids: MyGrid[], position: Fix | null): LayersList {
  const deck = deckLayerClasses();
  if (!deck) return [];
  const { GeoJsonLayer, ScatterplotLayer, TextLayer } = deck;
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: grids.map((g) => ({ type: 'Feature', properties: { code: g.code, name: g.name }, geometry: g.boundary })),
  };
  const layers: LayersList = [
    new GeoJsonLayer({ id: 'officer-veil', data: veil(grids), filled: true, stroked: false, getFillColor: [20, 24, 30, 110], pickable: false }),
    new GeoJsonLayer({ id: 'officer-casing', data: boundaries, filled: false, stroked: true, getLineColor: CASING, getLineWidth: 10, lineWidthUnits: 'pixels', lineJointRounded: true, pickable: false }),
    new GeoJsonLayer({ id: 'officer-grids', data: boundaries, filled: false, stroked: true, getLineColor: INK, getLineWidth: 5, lineWidthUnits: 'pixels', lineJointRounded: true, pickable: false }),
    new TextLayer<MyGrid>({
      id: 'officer-grid-names',
      data: grids,
      getPosition: (g) => [(g.bbox[0] + g.bbox[2]) / 2, (g.bbox[1] + g.bbox[3]) / 2],
      getText: (g) => g.name,
      getSize: 18,
      sizeUnits: 'pixels',
      getColor: INK,
      fontFamily: CJK_FONTS,
      fontWeight: 'bold',
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 48, buffer: 6, radius: 12 },
      outlineWidth: 4,
      outlineColor: CASING,
      parameters: { depthCompare: 'always' },
      pickable: false,
    }),
  ];
  if (position) {
    layers.push(
      new ScatterplotLayer<Fix>({
        id: 'officer-accuracy',
        data: [position],
        getPosition: (p) => [p.lon, p.lat],
        getRadius: (p) => p.accuracy,
        radiusUnits: 'meters',
        radiusMinPixels: 0,
        filled: true,
        stroked: true,
        getFillColor: [...POSITION, 50],
        getLineColor: [...POSITION, 200],
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        updateTriggers: { getRadius: [position.accuracy] },
        pickable: false,
      }),
      new ScatterplotLayer<Fix>({
        id: 'officer-position',
        data: [position],
        getPosition: (p) => [p.lon, p.lat],
        getRadius: 9,
        radiusUnits: 'pixels',
        filled: true,
        stroked: true,
        getFillColor: [...POSITION, 255],
        getLineColor: CASING,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        pickable: false,
        parameters: { depthCompare: 'always' },
      }),
    );
  }
  return layers;
}
