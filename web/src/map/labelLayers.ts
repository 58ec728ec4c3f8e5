/**
 * Text on the map as MapLibre symbol layers, added to the server's style in the page: area names (one GeoJSON
 * source fed from /api/labels), site names (from the sites' own vector tiles) and, for every point marker, an
 * invisible "marker space" symbol that reserves the marker's box in MapLibre's collision index. So no label is
 * drawn over another label or over a marker, at any zoom.
 *
 * Priority: MapLibre places the symbol layers top-down and, within a layer, by symbol-sort-key. Markers are placed
 * first (always, `icon-allow-overlap`) so labels make room for them; then area names by tier (county, township,
 * village) and population; then site names, which try four sides of their marker (variable anchors).
 *
 * Glyphs: Latin, digits and punctuation come from the PBFs the console's build generates (web/build/glyphs.ts);
 * Chinese characters are drawn by MapLibre with the installed CJK font (localIdeographFontFamily). Nothing is
 * fetched from elsewhere.
 */
import { FONTSTACK_BOLD, FONTSTACK_REGULAR, GLYPHS_PATH } from 'domain/glyphs';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { catalogueLayerOf } from './styleControl';

export const LABEL_SOURCE = 'gc-labels';
export const AREA_LABEL_LAYER = 'gc-area-labels';
/** The transparent image the marker-space symbols use; MapView registers it. */
export const MARKER_SPACE_IMAGE = 'gc-marker-space';
export const MARKER_SPACE_PX = 16;
export const FONT_REGULAR = [FONTSTACK_REGULAR];
export const FONT_BOLD = [FONTSTACK_BOLD];
/** Zoom from which sites carry their names. */
export const SITE_NAME_MINZOOM = 12.5;

export type LabelScheme = 'light' | 'dark';

const INK = { light: { text: '#14202a', halo: 'rgba(255,255,255,0.92)', site: '#2b3a47' }, dark: { text: '#f2f5f7', halo: 'rgba(8,14,20,0.9)', site: '#dfe6ec' } };

interface CircleLayer {
  id: string;
  type: 'circle';
  source: string;
  'source-layer'?: string;
  minzoom?: number;
  maxzoom?: number;
  filter?: unknown;
  metadata?: unknown;
  paint?: Record<string, unknown>;
}

/** The console's own point markers: circle layers of a catalogue layer (a vector basemap's circles are not markers). */
const isMarker = (l: LayerSpecification): l is LayerSpecification & CircleLayer => l.type === 'circle' && catalogueLayerOf(l) !== undefined;

/** The marker's radius from the circle layer's own paint, in pixels (used to size its reserved box). */
function markerScale(circle: CircleLayer): ExpressionSpecification | number {
  const r = circle.paint?.['circle-radius'];
  if (typeof r === 'number') return ((r + 1.5) * 2) / MARKER_SPACE_PX;
  if (Array.isArray(r)) return ['/', ['*', ['+', r as ExpressionSpecification, 1.5], 2], MARKER_SPACE_PX];
  return 1;
}

function markerSpace(circle: CircleLayer): LayerSpecification {
  return {
    id: `${circle.id}-space`,
    type: 'symbol',
    source: circle.source,
    ...(circle['source-layer'] ? { 'source-layer': circle['source-layer'] } : {}),
    ...(circle.minzoom !== undefined ? { minzoom: circle.minzoom } : {}),
    ...(circle.filter ? { filter: circle.filter } : {}),
    metadata: circle.metadata,
    layout: {
      'icon-image': MARKER_SPACE_IMAGE,
      'icon-size': markerScale(circle),
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
  } as LayerSpecification;
}

function siteNames(circle: CircleLayer, scheme: LabelScheme): LayerSpecification {
  const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
  return {
    id: `${circle.id}-name`,
    type: 'symbol',
    source: circle.source,
    ...(circle['source-layer'] ? { 'source-layer': circle['source-layer'] } : {}),
    minzoom: Math.max(circle.minzoom ?? 0, SITE_NAME_MINZOOM),
    filter: circle.filter ? ['all', notCluster, circle.filter] : notCluster,
    metadata: circle.metadata,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT_REGULAR,
      'text-size': 12,
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.9,
      'text-justify': 'auto',
      'text-max-width': 8,
      'text-padding': 2,
    },
    paint: { 'text-color': INK[scheme].site, 'text-halo-color': INK[scheme].halo, 'text-halo-width': 1.5 },
  } as LayerSpecification;
}

function areaNames(scheme: LabelScheme, sizeScale: number): LayerSpecification {
  return {
    id: AREA_LABEL_LAYER,
    type: 'symbol',
    source: LABEL_SOURCE,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['case', ['get', 'bold'], ['literal', FONT_BOLD], ['literal', FONT_REGULAR]],
      'text-size': ['*', ['get', 'size'], sizeScale],
      'symbol-sort-key': ['get', 'rank'],
      'text-max-width': 7,
      'text-padding': 4,
    },
    paint: { 'text-color': INK[scheme].text, 'text-halo-color': INK[scheme].halo, 'text-halo-width': 2 },
  } as LayerSpecification;
}

/**
 * The server's style with the console's text added: glyphs, the area-label source, and the label and marker-space
 * layers on top (markers' space first, so that they are placed first). `origin` makes the glyph URL absolute for
 * MapLibre's workers.
 */
export function withLabelLayers(style: StyleSpecification, opts: { origin: string; scheme?: LabelScheme; sizeScale?: number; siteNames?: boolean }): StyleSpecification {
  const scheme = opts.scheme ?? 'light';
  const circles = style.layers.filter(isMarker) as unknown as CircleLayer[];
  const texts: LayerSpecification[] = [...(opts.siteNames === false ? [] : circles.map((c) => siteNames(c, scheme))), areaNames(scheme, opts.sizeScale ?? 1)];
  // MapLibre places the topmost layer first: site names at the bottom, then area names, the markers' space on top.
  return {
    ...style,
    glyphs: `${opts.origin}${GLYPHS_PATH}`,
    sources: { ...style.sources, [LABEL_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [...style.layers, ...texts, ...circles.map(markerSpace)],
  };
}
