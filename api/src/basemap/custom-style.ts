/**
 * BASEMAP_STYLE: the layers of a MapLibre style written for the vector archive, used instead of the generated
 * ones. Checked once at start-up with MapLibre's own validator, then fitted into the console's style:
 * - its layers read the archive's tiles from the console (source `basemap`), ids prefixed `basemap-`;
 * - text uses the console's own glyphs (any font named bold → the bold fontstack, else the regular);
 * - nothing from outside: the style's `glyphs` and `sprite` are not used, so icons and fill/line patterns (sprite
 *   images) are left out and a symbol layer with nothing but an icon is dropped; its `background` layers too (the
 *   console draws its own background, light or dark).
 * A style naming any other source (raster, GeoJSON, a second vector source) is refused: the console serves only
 * the archive.
 */
import { readFileSync, statSync } from 'node:fs';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONTSTACK_BOLD, FONTSTACK_REGULAR } from 'domain/glyphs';
import { BASEMAP_SOURCE } from './vector-style.js';

type Json = Record<string, unknown>;

const MAX_STYLE_BYTES = 5 * 1024 * 1024;
const PATTERNS = ['fill-pattern', 'line-pattern', 'fill-extrusion-pattern', 'background-pattern'];

export interface FittedStyle {
  layers: Json[];
  /** What was left out and why, for the start-up log. */
  omitted: string[];
}

function fontstackFor(font: unknown): string[] {
  const names = Array.isArray(font) && font.every((f) => typeof f === 'string') ? (font as string[]) : [];
  return [names.some((n) => /bold|heavy|black|semibold/i.test(n)) ? FONTSTACK_BOLD : FONTSTACK_REGULAR];
}

function fitLayer(layer: Json, omitted: string[]): Json | null {
  const id = String(layer.id);
  if (layer.type === 'background') return (omitted.push(`${id} (background: the console draws its own)`), null);
  const paint = { ...((layer.paint as Json | undefined) ?? {}) };
  if (PATTERNS.some((p) => p in paint)) return (omitted.push(`${id} (a sprite pattern)`), null);
  const layout = { ...((layer.layout as Json | undefined) ?? {}) };
  if (layer.type === 'symbol') {
    if ('icon-image' in layout) {
      delete layout['icon-image'];
      if (!('text-field' in layout)) return (omitted.push(`${id} (icons only: sprites are not served)`), null);
      omitted.push(`${id}: its icons (sprites are not served)`);
    }
    if ('text-field' in layout) layout['text-font'] = fontstackFor(layout['text-font']);
  }
  const metadata = { ...((layer.metadata as Json | undefined) ?? {}), 'gc:group': 'basemap' };
  return { ...layer, id: `basemap-${id}`, source: BASEMAP_SOURCE, metadata, layout, paint };
}

/** The style's layers fitted to the console, or an error whose message says what is wrong with the file. */
export function loadBasemapStyle(path: string): FittedStyle {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_STYLE_BYTES) throw new Error(`is ${size} bytes, more than ${MAX_STYLE_BYTES}`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let style: StyleSpecification;
  try {
    style = JSON.parse(text) as StyleSpecification;
  } catch (err) {
    throw new Error(`${path} is not JSON: ${(err as Error).message}`);
  }
  const errors = validateStyleMin(style);
  if (errors.length) {
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    throw new Error(`${path} is not a valid MapLibre style: ${errors.slice(0, 5).map((e) => e.message).join('; ')}${more}`);
  }
  const used = new Set<string>();
  for (const layer of style.layers) {
    if (!('source' in layer) || typeof layer.source !== 'string') continue;
    const type = style.sources[layer.source]?.type;
    if (type !== 'vector') throw new Error(`${path}: layer '${layer.id}' draws source '${layer.source}' (${type}); the console serves only the vector archive (BASEMAP)`);
    used.add(layer.source);
  }
  if (used.size > 1) throw new Error(`${path}: its layers draw ${used.size} vector sources (${[...used].join(', ')}); a basemap style must draw one, the archive`);
  const omitted: string[] = [];
  const layers = (style.layers as unknown as Json[]).map((l) => fitLayer(l, omitted)).filter((l): l is Json => !!l);
  if (!layers.length) throw new Error(`${path}: no layer is left to draw (${omitted.join('; ')})`);
  return { layers, omitted };
}
