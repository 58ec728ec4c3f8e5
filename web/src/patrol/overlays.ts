/**
 * The planned route on the map: the path as a thick dark line on a white casing (reads on any basemap colour),
 * the county-seat start as a white square-ish dot, and each stop as an orange disc with its number. Orange and
 * black stay apart for every common colour-vision deficiency (Okabe–Ito orange).
 */
import { deckLayerClasses } from '../map/deck';
import type { LayersList } from '@deck.gl/core';
import { CJK_FONTS } from '../map/MapView';
import type { Plan, PlanStop } from './api';

const INK: [number, number, number, number] = [17, 17, 17, 255];
const CASING: [number, number, number, number] = [255, 255, 255, 255];
const STOP: [number, number, number, number] = [230, 159, 0, 255];

export function routeLayers(plan: Plan, onStop: (s: PlanStop) => void): LayersList {
  const deck = deckLayerClasses();
  if (!deck) return [];
  const { PathLayer, ScatterplotLayer, TextLayer } = deck;
  const path = [{ path: plan.path.geometry.coordinates as [number, number][] }];
  return [
    new PathLayer({ id: 'patrol-route-casing', data: path, getPath: (d) => d.path, getColor: CASING, getWidth: 9, widthUnits: 'pixels', jointRounded: true, capRounded: true, pickable: false }),
    new PathLayer({ id: 'patrol-route', data: path, getPath: (d) => d.path, getColor: INK, getWidth: 4, widthUnits: 'pixels', jointRounded: true, capRounded: true, pickable: false }),
    new ScatterplotLayer({
      id: 'patrol-start',
      data: [plan.start],
      getPosition: (s: Plan['start']) => [s.lon, s.lat],
      getRadius: 8,
      radiusUnits: 'pixels',
      getFillColor: CASING,
      getLineColor: INK,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      pickable: false,
      parameters: { depthCompare: 'always' },
    }),
    new ScatterplotLayer<PlanStop>({
      id: 'patrol-stops',
      data: plan.stops,
      getPosition: (s) => [s.lon, s.lat],
      getRadius: 12,
      radiusUnits: 'pixels',
      getFillColor: STOP,
      getLineColor: INK,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
      onClick: ({ object }) => {
        if (object) onStop(object);
        return true;
      },
      parameters: { depthCompare: 'always' },
    }),
    new TextLayer<PlanStop>({
      id: 'patrol-stop-numbers',
      data: plan.stops,
      getPosition: (s) => [s.lon, s.lat],
      getText: (s) => String(s.seq),
      getSize: 14,
      sizeUnits: 'pixels',
      getColor: INK,
      fontFamily: CJK_FONTS,
      fontWeight: 'bold',
      characterSet: '0123456789',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
      parameters: { depthCompare: 'always' },
    }),
  ];
}
