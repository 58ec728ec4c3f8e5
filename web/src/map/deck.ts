/**
 * deck.gl, loaded on demand. The first view of the console draws nothing with deck.gl (names and markers are
 * MapLibre's), so its ~200 KiB of code stays out of the first load: overlays ask for the layer classes when they
 * have something to draw, get null the first time, and are asked again (refreshPlugins) once the chunk is in.
 */
import { lazyModule } from '../plugins/registry';

/** deck.gl's layer classes if loaded; otherwise null, and the load is started (the overlays are re-read after it). */
export const deckLayerClasses = lazyModule(() => import('@deck.gl/layers'));
