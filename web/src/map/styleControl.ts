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

/** One property set on one style layer: what the panel state and the plug-ins' overrides change. */
export type StyleEdit =
  | { id: string; kind: 'layout' | 'paint'; prop: string; value: unknown }
  | { id: string; kind: 'filter'; value: unknown };

/** A plug-in's thematic change to the layers of one catalogue layer (plugins/registry.ts StyleOverride). */
export interface OverrideLike {
  layer: string;
  styleLayer?: string;
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
}

/**
 * Every edit the panel state and the overrides make to the server's style, in the order to apply them: the panel
 * state first, then the overrides (a thematic mode may recolour a layer the panel controls), then the server's
 * paint back for each override that went away since `overridden` (the `id\0prop` keys the last call returned).
 * The same edits go into the style a map is created with and onto a live map, so that both look alike and a map
 * that starts with them has nothing left to change when it loads.
 */
export function styleEdits(
  original: StyleLayerLike[],
  state: Record<string, LayerState>,
  overrides: OverrideLike[],
  overridden: ReadonlySet<string> = new Set(),
): { edits: StyleEdit[]; overridden: Set<string> } {
  const edits: StyleEdit[] = [];
  const scaled = new Set<string>(); // style layers whose opacity the panel state sets
  for (const change of styleChanges(original, state)) {
    scaled.add(change.id);
    edits.push({ id: change.id, kind: 'layout', prop: 'visibility', value: change.visibility });
    for (const [prop, value] of Object.entries(change.paint)) edits.push({ id: change.id, kind: 'paint', prop, value });
    edits.push({ id: change.id, kind: 'filter', value: change.filter });
  }
  const byCatalogue = new Map<string, StyleLayerLike[]>();
  for (const l of original) {
    const cat = catalogueLayerOf(l);
    if (cat) byCatalogue.set(cat, [...(byCatalogue.get(cat) ?? []), l]);
  }
  const now = new Set<string>();
  for (const o of overrides) {
    for (const layer of (byCatalogue.get(o.layer) ?? []).filter((l) => !o.styleLayer || l.id === o.styleLayer)) {
      for (const [prop, value] of Object.entries(o.paint ?? {})) {
        if (!prop.startsWith(`${layer.type}-`)) continue; // a fill colour means nothing to the layer's outline
        edits.push({ id: layer.id, kind: 'paint', prop, value });
        now.add(`${layer.id}\u0000${prop}`);
      }
      for (const [prop, value] of Object.entries(o.layout ?? {})) edits.push({ id: layer.id, kind: 'layout', prop, value });
    }
  }
  for (const key of overridden) {
    if (now.has(key)) continue;
    const [id, prop] = key.split('\u0000') as [string, string];
    // Opacities of the layers the panel state covers were set above; anything else gets the server's value back.
    if (prop.endsWith('-opacity') && scaled.has(id)) continue;
    const layer = original.find((l) => l.id === id);
    if (layer) edits.push({ id, kind: 'paint', prop, value: layer.paint?.[prop] });
  }
  return { edits, overridden: now };
}

/** The style with `edits` made in it (a copy): how a map starts in the state the console is in. */
export function withStyleEdits<S extends { layers: StyleLayerLike[] }>(style: S, edits: StyleEdit[]): S {
  const layers = style.layers.map((l) => ({ ...l, layout: { ...l.layout }, paint: { ...l.paint } }));
  const byId = new Map(layers.map((l) => [l.id, l]));
  for (const e of edits) {
    const layer = byId.get(e.id);
    if (!layer) continue;
    if (e.kind === 'filter') {
      if (e.value === undefined || e.value === null) delete layer.filter;
      else layer.filter = e.value;
      continue;
    }
    const props = e.kind === 'layout' ? layer.layout : layer.paint;
    if (e.value === undefined) delete props[e.prop];
    else props[e.prop] = e.value;
  }
  return { ...style, layers };
}

/**
 * The edits whose value differs from the one last made (`made`: what each layer property was last set to, updated
 * here). MapLibre's setters redraw the map on every call, even when the value is the one it has, and in software
 * WebGL each redraw costs 100–400 ms; so only real changes reach the map.
 */
export function changedEdits(edits: StyleEdit[], made: Map<string, string>): StyleEdit[] {
  const out: StyleEdit[] = [];
  for (const e of edits) {
    const key = e.kind === 'filter' ? `${e.id}\u0000filter` : `${e.id}\u0000${e.kind}\u0000${e.prop}`;
    const value = JSON.stringify(e.value) ?? 'undefined';
    if (made.get(key) === value) continue;
    made.set(key, value);
    out.push(e);
  }
  return out;
}
