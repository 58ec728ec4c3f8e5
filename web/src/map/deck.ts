/**
 * deck.gl, loaded on demand. The first view of the console draws nothing with deck.gl (names and markers are
 * MapLibre's), so its ~200 KiB of code stays out of the first load: overlays ask for the layer classes when they
 * have something to draw, get null the first time, and are asked again (refreshPlugins) once the chunk is in.
 */
import type * as DeckLayers from '@deck.gl/layers';
import { refreshPlugins } from '../plugins/registry';

let classes: typeof DeckLayers | null = null;
let loading: Promise<typeof DeckLayers> | null = null;

export function loadDeckLayers(): Promise<typeof DeckLayers> {
  loading ??= import('@deck.gl/layers').then((m) => {
    classes = m;
    refreshPlugins();
    return m;
  });
  return loading;
}

/** deck.gl's layer classes if loaded; otherwise null, and the load is started (the overlays are re-read after it). */
export function deckLayerClasses(): typeof DeckLayers | null {
  if (!classes) void loadDeckLayers();
  return classes;
}
