/**
 * Layer paint → MapLibre style layers and legend entries. Both come from the same ColorRule, so the legend can
 * never disagree with the map (one source of truth).
 */
import { GRADE_COLORS } from 'domain/palette';
import type { ColorRule, LayerDefinition, Text } from '../layers/types.js';

type Expr = unknown;

export function colorExpression(rule: ColorRule): Expr {
  const classes = rule.classes.filter((c) => c.value !== null && typeof c.value !== 'boolean');
  if (!rule.property || classes.length === 0) return rule.fallback.color;
  return ['match', ['get', rule.property], ...classes.flatMap((c) => [c.value, c.color]), rule.fallback.color];
}

export interface LegendEntry {
  label: Text;
  color: string;
  shape: 'fill' | 'line' | 'circle';
  /** The property and value this entry stands for (absent for the fallback). */
  property?: string;
  value?: string | number | boolean | null;
}

export function legendOf(def: LayerDefinition): LegendEntry[] {
  const p = def.paint;
  const shape = p.kind;
  const entries: LegendEntry[] = p.color.classes.map((c) => ({ label: c.label, color: c.color, shape, property: p.color.property, value: c.value }));
  entries.push({ label: p.color.fallback.label, color: p.color.fallback.color, shape });
  if (def.fields.some((f) => f.name === 'listing_overdue')) {
    entries.push({ label: { zh: '逾期未摘牌（黑色虚线框）', en: 'Past its term (black dashed outline)' }, color: '#000000', shape: 'line', property: 'listing_overdue', value: true });
  }
  if (def.fields.some((f) => f.name === 'listing_recently_delisted')) {
    entries.push({ label: { zh: '近一年摘牌（蓝色点线框）', en: 'Delisted within a year (blue dotted outline)' }, color: GRADE_COLORS.recently_delisted, shape: 'line', property: 'listing_recently_delisted', value: true });
  }
  return entries;
}

const CLUSTER_COLOR = '#37474F';

const opacityExpression = (o: number | [number, number][]) => (typeof o === 'number' ? o : ['interpolate', ['linear'], ['zoom'], ...o.flat()]);

/** MapLibre style layers (without `source` fields filled in by the caller) for one definition. */
export function styleLayersOf(def: LayerDefinition): Record<string, unknown>[] {
  const base = { source: def.id, 'source-layer': def.id, minzoom: def.minzoom, metadata: { 'gc:layer': def.id, 'gc:group': def.group } };
  const layout = { visibility: def.visible ? 'visible' : 'none' };
  const p = def.paint;
  switch (p.kind) {
    case 'fill': {
      const out: Record<string, unknown>[] = [
        { ...base, id: `${def.id}-fill`, type: 'fill', layout, paint: { 'fill-color': colorExpression(p.color), 'fill-opacity': opacityExpression(p.opacity) } },
        { ...base, id: `${def.id}-outline`, type: 'line', layout: { ...layout, 'line-join': 'round' }, paint: { 'line-color': p.outline.color, 'line-width': p.outline.width } },
      ];
      // Two listing states also drawn without colour (colour-blind readers, black-and-white prints): past its term
      // → thick black dashes; delisted within a year → blue dots. `gc:flag` names the state for the legend and tests.
      if (def.fields.some((f) => f.name === 'listing_overdue')) {
        out.push({
          ...base,
          id: `${def.id}-overdue`,
          type: 'line',
          layout,
          metadata: { ...base.metadata, 'gc:flag': 'overdue' },
          filter: ['==', ['get', 'listing_overdue'], true],
          paint: { 'line-color': '#000000', 'line-width': 3, 'line-dasharray': [2, 1] },
        });
      }
      if (def.fields.some((f) => f.name === 'listing_recently_delisted')) {
        out.push({
          ...base,
          id: `${def.id}-delisted`,
          type: 'line',
          layout,
          metadata: { ...base.metadata, 'gc:flag': 'recently_delisted' },
          filter: ['==', ['get', 'listing_recently_delisted'], true],
          paint: { 'line-color': GRADE_COLORS.recently_delisted, 'line-width': 2.5, 'line-dasharray': [0.5, 1.5] },
        });
      }
      return out;
    }
    case 'line':
      return [
        {
          ...base,
          id: `${def.id}-line`,
          type: 'line',
          layout: { ...layout, 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': colorExpression(p.color), 'line-width': p.width, ...(p.dash ? { 'line-dasharray': p.dash } : {}) },
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
            'circle-color': ['case', ['has', 'point_count'], CLUSTER_COLOR, colorExpression(p.color)],
            'circle-radius': ['case', ['has', 'point_count'], ['interpolate', ['linear'], ['get', 'point_count'], 1, p.radius + 2, 50, p.radius * 2.5, 500, p.radius * 4], p.radius],
            'circle-stroke-color': p.stroke,
            'circle-stroke-width': 1.5,
            'circle-opacity': 0.95,
          },
        },
      ];
  }
}
