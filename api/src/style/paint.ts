/**
 * Layer paint → MapLibre style layers, legend entries and mode (theme) paints. All of them are read off the layer
 * definition's ColorRules, outlines and overlays, never off field names, so the legend cannot list a class the map
 * does not paint, nor the map paint one the legend omits (paint.test.ts checks this for every layer).
 */
import { CONFIDENCE } from 'domain/palette';
import type { ColorRule, ConfidenceOpacity, LayerDefinition, LayerTheme, Opacity, OutlineOverlay, Text } from '../layers/types.js';

type Expr = unknown;

/** `light`: the console and prints; `dark`: the command-centre wall (definitions give `dark` colours). */
export type Scheme = 'light' | 'dark';

const ink = (x: { color: string; dark?: string }, scheme: Scheme) => (scheme === 'dark' ? (x.dark ?? x.color) : x.color);

/**
 * The colour expression of a rule. MapLibre's `match` takes string or number labels of one type; classes on
 * booleans or null (or of mixed types) are compared one by one with `case`, so that no class is ever dropped.
 */
export function colorExpression(rule: ColorRule, scheme: Scheme = 'light'): Expr {
  const fallback = ink(rule.fallback, scheme);
  if (!rule.property || rule.classes.length === 0) return fallback;
  const get = ['get', rule.property];
  const types = new Set(rule.classes.map((c) => (c.value === null ? 'null' : typeof c.value)));
  const [only] = types;
  if (types.size === 1 && (only === 'string' || only === 'number')) {
    return ['match', get, ...rule.classes.flatMap((c) => [c.value, c.color]), fallback];
  }
  return ['case', ...rule.classes.flatMap((c) => [['==', get, c.value], c.color]), fallback];
}

/** Whether a feature falls in one of the rule's classes (not the fallback). */
function inClasses(rule: ColorRule): Expr {
  if (!rule.property) return false;
  return ['any', ...rule.classes.map((c) => ['==', ['get', rule.property!], c.value])];
}

export interface LegendEntry {
  /** `class`: one colour class; `fallback`: features in no class; `overlay`: an outline drawn over the fill. */
  kind: 'class' | 'fallback' | 'overlay';
  label: Text;
  color: string;
  shape: 'fill' | 'line' | 'circle';
  /** The property and value this entry stands for (absent for the fallback). */
  property?: string;
  value?: string | number | boolean | null;
  /** Overlays: the dash pattern the outline is drawn with. */
  dash?: [number, number];
}

function ruleLegend(rule: ColorRule, shape: LegendEntry['shape']): LegendEntry[] {
  return [
    ...rule.classes.map((c): LegendEntry => ({ kind: 'class', label: c.label, color: c.color, shape, property: rule.property, value: c.value })),
    { kind: 'fallback', label: rule.fallback.label, color: rule.fallback.color, shape },
  ];
}

export function legendOf(def: LayerDefinition): LegendEntry[] {
  const p = def.paint;
  const overlays = p.kind === 'fill' ? (p.overlays ?? []) : [];
  return [
    ...ruleLegend(p.color, p.kind),
    ...overlays.map(overlayLegend),
  ];
}

const overlayLegend = (o: OutlineOverlay): LegendEntry => ({ kind: 'overlay', label: o.label, color: o.color, shape: 'line', property: o.property, value: true, dash: o.dash });

export function themeLegendOf(theme: LayerTheme): LegendEntry[] {
  return [...(theme.color ? ruleLegend(theme.color, 'fill') : []), ...(theme.overlays ?? []).map(overlayLegend)];
}

/** The style-layer id of a mode's outline overlay. */
export const themeOverlayId = (def: LayerDefinition, theme: LayerTheme, o: OutlineOverlay) => `${def.id}-${theme.id}-${o.id}`;

/** What a mode sets on its overlays' style layers: they become visible. */
export function themeOverlayPaintOf(def: LayerDefinition, theme: LayerTheme): Record<string, Record<string, unknown>> {
  return Object.fromEntries((theme.overlays ?? []).map((o) => [themeOverlayId(def, theme, o), { 'line-opacity': 1 }]));
}

const opacityExpression = (o: Opacity) => (typeof o === 'number' ? o : ['interpolate', ['linear'], ['zoom'], ...o.flat()]);

/** Confidence as opacity (see ConfidenceOpacity); the same arithmetic as domain/palette's confidenceAlpha. */
function confidenceExpression(rule: ColorRule | undefined, c: ConfidenceOpacity): Expr {
  const coverage = ['coalesce', ['get', c.coverage], 0];
  const n = ['coalesce', ['get', c.n], 0];
  const { minAlpha, maxAlpha, fullSupportWeeks } = CONFIDENCE;
  return [
    'case',
    ['any', ['!', rule ? inClasses(rule) : true], ['<=', coverage, 0], ['<=', n, 0]],
    0,
    ['+', minAlpha, ['*', maxAlpha - minAlpha, ['min', 1, ['max', 0, coverage]], ['min', 1, ['/', n, fullSupportWeeks]]]],
  ];
}

/** The fill paint a mode sets on a layer (applied by the console over the default paint). */
export function themePaintOf(theme: LayerTheme): Record<string, unknown> {
  return {
    ...(theme.color ? { 'fill-color': colorExpression(theme.color) } : {}),
    'fill-opacity': typeof theme.opacity === 'number' ? theme.opacity : confidenceExpression(theme.color, theme.opacity.confidence),
  };
}

const CLUSTER_COLOR = '#37474F';

/** MapLibre style layers for one definition. */
export function styleLayersOf(def: LayerDefinition, scheme: Scheme = 'light'): Record<string, unknown>[] {
  const base = { source: def.id, 'source-layer': def.id, minzoom: def.minzoom, metadata: { 'gc:layer': def.id, 'gc:group': def.group } };
  const layout = { visibility: def.visible ? 'visible' : 'none' };
  const p = def.paint;
  switch (p.kind) {
    case 'fill':
      return [
        { ...base, id: `${def.id}-fill`, type: 'fill', layout, paint: { 'fill-color': colorExpression(p.color, scheme), 'fill-opacity': opacityExpression(p.opacity) } },
        { ...base, id: `${def.id}-outline`, type: 'line', layout: { ...layout, 'line-join': 'round' }, paint: { 'line-color': ink(p.outline, scheme), 'line-width': p.outline.width } },
        ...(p.overlays ?? []).map((o) => ({
          ...base,
          id: `${def.id}-${o.id}`,
          type: 'line',
          layout,
          metadata: { ...base.metadata, 'gc:flag': o.id },
          filter: ['==', ['get', o.property], true],
          paint: { 'line-color': ink(o, scheme), 'line-width': o.width, 'line-dasharray': o.dash },
        })),
        // Outlines of a mode: present in every style, invisible until the mode sets their opacity (themeOverlayPaintOf).
        ...(def.themes ?? []).flatMap((th) =>
          (th.overlays ?? []).map((o) => ({
            ...base,
            id: themeOverlayId(def, th, o),
            type: 'line',
            layout,
            metadata: { ...base.metadata, 'gc:flag': o.id, 'gc:theme': th.id },
            filter: ['==', ['get', o.property], true],
            paint: { 'line-color': ink(o, scheme), 'line-width': o.width, 'line-dasharray': o.dash, 'line-opacity': 0 },
          })),
        ),
      ];
    case 'line':
      return [
        {
          ...base,
          id: `${def.id}-line`,
          type: 'line',
          layout: { ...layout, 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': colorExpression(p.color, scheme), 'line-width': p.width, ...(p.dash ? { 'line-dasharray': p.dash } : {}) },
        },
      ];
    case 'circle':
      return [
        {
          ...base,
          id: `${def.id}-circle`,
          type: 'circle',
          layout,
          paint: {
            // Server-side clusters carry point_count: drawn larger and neutral, sized by how many they hold.
            'circle-color': ['case', ['has', 'point_count'], CLUSTER_COLOR, colorExpression(p.color, scheme)],
            'circle-radius': ['case', ['has', 'point_count'], ['interpolate', ['linear'], ['get', 'point_count'], 1, p.radius + 2, 50, p.radius * 2.5, 500, p.radius * 4], p.radius],
            'circle-stroke-color': p.stroke,
            'circle-stroke-width': 1.5,
            'circle-opacity': 0.95,
          },
        },
      ];
  }
}
