/**
 * Turns the layer panel's state (visible, opacity, filters) into changes on the MapLibre style layers that the
 * server's style groups under each catalogue layer (`metadata["gc:layer"]`). Pure, so it is tested without a map.
 * The server's style is the single source of paint; we only scale its opacities and narrow its filters.
 */

/** The parts of a MapLibre style layer this module reads (kept loose: the style comes from the server). */
export interface StyleLayerLike {
  id: string;
  type: string;
  filter?: unknown;
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
  metadata?: unknown;
}

export interface LayerState {
  visible: boolean;
  opacity: number;
  /** property → chosen values; absent property = no narrowing. */
  filters: Record<string, string[]>;
}

/** Opacity paint properties per style-layer type. */
export const OPACITY_PROPS: Record<string, string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
  'fill-extrusion': ['fill-extrusion-opacity'],
  heatmap: ['heatmap-opacity'],
  raster: ['raster-opacity'],
};

export function catalogueLayerOf(layer: StyleLayerLike): string | undefined {
  const m = layer.metadata as Record<string, unknown> | undefined;
  const id = m?.['gc:layer'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * Multiplies a paint value by k. Zoom expressions must stay at the top level of a paint value in MapLibre, so an
 * `interpolate`/`step` is scaled stop by stop instead of being wrapped in `*`.
 */
export function scaleOpacity(value: unknown, k: number): unknown {
  if (value === undefined || value === null) return k;
  if (typeof value === 'number') return Math.round(value * k * 1000) / 1000;
  if (Array.isArray(value)) {
    const [op] = value;
    if (op === 'interpolate' || op === 'interpolate-hcl' || op === 'interpolate-lab') {
      // ['interpolate', type, input, in1, out1, in2, out2, ...]
      return value.map((v, i) => (i >= 4 && i % 2 === 0 ? scaleOpacity(v, k) : v));
    }
    if (op === 'step') {
      // ['step', input, out0, in1, out1, ...]
      return value.map((v, i) => (i >= 2 && i % 2 === 0 ? scaleOpacity(v, k) : v));
    }
    if (k === 1) return value;
    return ['*', value, k];
  }
  return value;
}

/**
 * The filter for a style layer: its own filter AND one `in` test per narrowed property. Server-side clusters
 * (features with `point_count`) carry no attributes, so they stay visible whatever the filter; their counts are unfiltered.
 */
export function combinedFilter(original: unknown, filters: Record<string, string[]>): unknown {
  const tests: unknown[] = [];
  for (const [prop, values] of Object.entries(filters)) {
    const asText = ['to-string', ['get', prop]];
    tests.push(['any', ['has', 'point_count'], ['in', asText, ['literal', values]]]);
  }
  if (tests.length === 0) return original;
  return original === undefined || original === null ? ['all', ...tests] : ['all', original, ...tests];
}

export interface StyleLayerChange {
  id: string;
  visibility: 'visible' | 'none';
  paint: Record<string, unknown>;
  filter: unknown;
}

/**
 * What each style layer should look like for the given panel state. `original` is the style as the server sent
 * it (never the live, already-modified one), so applying twice gives the same result.
 */
export function styleChanges(original: StyleLayerLike[], state: Record<string, LayerState>): StyleLayerChange[] {
  const out: StyleLayerChange[] = [];
  for (const layer of original) {
    const cat = catalogueLayerOf(layer);
    if (!cat) continue;
    const s = state[cat];
    if (!s) continue;
    const paint: Record<string, unknown> = {};
    for (const prop of OPACITY_PROPS[layer.type] ?? []) {
      paint[prop] = scaleOpacity(layer.paint?.[prop], s.opacity);
    }
    out.push({ id: layer.id, visibility: s.visible ? 'visible' : 'none', paint, filter: combinedFilter(layer.filter, s.filters) });
  }
  return out;
}
