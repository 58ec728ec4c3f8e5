/**
 * The dry run on the map, over the existing data: features coloured by what the import would do (new, changed,
 * unchanged), features with a problem and the problem places (overlaps, gaps, parts outside a parent) in
 * vermillion. Okabe–Ito colours, readable by colour-blind eyes; a wrong datum shows as everything shifted.
 */
import { deckLayerClasses } from '../map/deck';
import type { Feature, FeatureCollection } from 'geojson';

type RGBA = [number, number, number, number];
export const PREVIEW_COLORS: Record<string, RGBA> = {
  new: [0, 114, 178, 255],
  changed: [230, 159, 0, 255],
  unchanged: [90, 90, 90, 255],
  problem: [213, 94, 0, 255],
};

const colorOf = (f: Feature): RGBA => {
  const p = f.properties ?? {};
  if (p.kind === 'problem' || p.problem) return PREVIEW_COLORS.problem!;
  return PREVIEW_COLORS[String(p.status)] ?? PREVIEW_COLORS.unchanged!;
};

export function previewLayers(fc: FeatureCollection) {
  const deck = deckLayerClasses();
  if (!deck) return [];
  const { GeoJsonLayer } = deck;
  return [
    new GeoJsonLayer({
      id: 'import-preview',
      data: fc,
      stroked: true,
      filled: true,
      pointType: 'circle',
      // Points are hollow rings, so they read apart from the solid points of the layers underneath.
      getFillColor: (f: Feature) => {
        const [r, g, b] = colorOf(f);
        return f.geometry?.type === 'Point' ? [255, 255, 255, 200] : [r, g, b, f.properties?.kind === 'problem' ? 150 : 40];
      },
      getLineColor: colorOf,
      getLineWidth: (f: Feature) => (f.geometry?.type === 'Point' ? 3 : f.properties?.kind === 'problem' || f.properties?.problem ? 3 : 1.5),
      lineWidthUnits: 'pixels',
      getPointRadius: 8,
      pointRadiusUnits: 'pixels',
      pickable: false,
    }),
  ];
}
