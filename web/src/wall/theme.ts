/**
 * The wall's dark theme and the paint of each view, as StyleOverrides on the server's style (the single source of
 * colours): grade and trend colours stay the colour-blind-safe ones the console uses; only the neutral parts
 * (background, unlisted areas, outlines) turn dark so the coloured areas stand out across a room.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { PluginContext, StyleOverride } from '../plugins/registry';
import wastewater from '../wastewater/plugin';
import type { WallViewId } from './views';

export const DARK = { background: '#0e1217', unlisted: '#1c242d', countyLine: '#cfd8dc', townshipLine: '#546e7a', overdueLine: '#ffffff' } as const;

/** A `match` colour expression with its fallback (the "not listed" colour) replaced; other values pass through. */
export function withFallback(expr: unknown, fallback: string): unknown {
  if (Array.isArray(expr) && expr[0] === 'match') return [...expr.slice(0, -1), fallback];
  if (typeof expr === 'string' && /^#f{3}(f{3})?$/i.test(expr)) return fallback;
  return expr;
}

function fillColorOf(style: StyleSpecification, layer: string): unknown {
  const l = style.layers.find((x) => x.type === 'fill' && (x.metadata as Record<string, unknown> | undefined)?.['gc:layer'] === layer);
  return (l as { paint?: Record<string, unknown> } | undefined)?.paint?.['fill-color'];
}

/** Overrides that turn the server's light style dark (listing colours kept, the white "none" fill made dark). */
export function darkOverrides(style: StyleSpecification): StyleOverride[] {
  const overdue = (normal: string) => ['case', ['==', ['get', 'listing_overdue'], true], DARK.overdueLine, normal];
  return [
    { layer: 'counties', paint: { 'fill-color': withFallback(fillColorOf(style, 'counties'), DARK.unlisted), 'line-color': overdue(DARK.countyLine) } },
    { layer: 'townships', paint: { 'fill-color': withFallback(fillColorOf(style, 'townships'), DARK.unlisted), 'line-color': overdue(DARK.townshipLine) } },
  ];
}

/** The wastewater plug-in's own overrides (trend colour, confidence as opacity), asked for as if its mode were on. */
export function signalOverrides(ctx: PluginContext): StyleOverride[] {
  return wastewater.styleOverrides?.({ ...ctx, active: true }) ?? [];
}

/** Checkpoints drawn large with a thick light ring, readable from the back of the room. */
export const CHECKPOINT_EMPHASIS: StyleOverride = {
  layer: 'checkpoints',
  paint: { 'circle-radius': ['case', ['has', 'point_count'], 18, 13], 'circle-stroke-width': 3, 'circle-stroke-color': '#ffffff' },
};

export function viewOverrides(view: WallViewId, style: StyleSpecification, ctx: PluginContext): StyleOverride[] {
  const base = darkOverrides(style);
  if (view === 'signals') return [...base, ...signalOverrides(ctx)];
  if (view === 'checkpoints') return [...base, CHECKPOINT_EMPHASIS];
  return base;
}
