/**
 * The basemap's part of /api/style.json: its source (tiles from /api/basemap on the console's own origin) and the
 * layers drawing it, which go under the console's own layers. Raster: one raster layer, a little desaturated.
 * Vector: BASEMAP_STYLE's layers, or the style generated from the archive (vector-style.ts) for the scheme and
 * language asked; text in either uses the console's own glyphs (the style's `glyphs` URL is the console's).
 */
import type { Scheme } from '../style/paint.js';
import type { BasemapPlan } from './plan.js';
import { BASEMAP_SOURCE, generatedBasemapLayers, type Lang } from './vector-style.js';

export interface BasemapStylePart {
  source: Record<string, unknown>;
  layers: Record<string, unknown>[];
}

export function basemapStylePart(plan: BasemapPlan, origin: string, opts: { scheme: Scheme; lang: Lang }): BasemapStylePart {
  const tiles = [`${origin}/api/basemap/{z}/{x}/{y}.${plan.extension}`];
  const common = { tiles, minzoom: plan.minzoom, maxzoom: plan.maxzoom, attribution: plan.attribution, ...(plan.bounds ? { bounds: plan.bounds } : {}) };
  if (plan.kind === 'raster') {
    return {
      source: { type: 'raster', tileSize: 256, ...common },
      layers: [{ id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE, metadata: { 'gc:group': 'basemap' }, paint: { 'raster-saturation': -0.4 } }],
    };
  }
  return {
    source: { type: 'vector', ...common },
    layers: plan.customStyle ? plan.customStyle.layers : generatedBasemapLayers(plan.vectorLayers, opts.scheme, opts.lang),
  };
}
