/**
 * Plug-in point for thematic modules (web/src/listing/, web/src/wastewater/ and later ones), so that they add to
 * the console without editing its files.
 *
 * How to plug in: create `web/src/<module>/plugin.ts` (or `.tsx`) whose default export is a `ConsolePlugin`.
 * `plugins/index.ts` finds it with `import.meta.glob` at build time; nothing else needs registering.
 *
 *   import type { ConsolePlugin } from '../plugins/registry';
 *   const plugin: ConsolePlugin = {
 *     id: 'wastewater',
 *     title: { zh: '污水验毒', en: 'Wastewater' },            // shown as a theme switch ("mode") in the layer panel
 *     deckLayers: (ctx) => ctx.active ? [new ScatterplotLayer({ id: 'ww-loads', beforeId: 'townships-line', ... })] : [],
 *     styleOverrides: (ctx) => ctx.active ? [{ layer: 'catchments', paint: { 'fill-color': [...] } }] : [],
 *     Control: DateSlider,                                     // rendered in the side panel while the mode is active
 *     DetailSection: LoadsSection,                             // rendered in the details panel for every selection
 *   };
 *   export default plugin;
 *
 * Words: i18n namespace = id (useTranslation('wastewater')), from web/src/wastewater/i18n/{zh-CN,en}.json. The
 * zh-CN catalogue loads with the plug-in's parts made by `lazyPart('wastewater', ...)`, English when chosen
 * (i18n/index.ts); a part that shows words must be made with lazyPart.
 *
 * State inside a plug-in (a chosen date, fetched data): keep it in the module and call `ctx.refresh()` (or the
 * `refreshPlugins()` export) after it changes; the console then asks again for deckLayers and styleOverrides.
 * Heavy code (charts) belongs behind `lazyPart` or `React.lazy(() => import(...))`, and code the map layers need only
 * in some cases behind `lazyModule`, so that it stays out of the first bundle.
 */
import { lazy, type ComponentType } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayersList } from '@deck.gl/core';
import type { Bilingual, CatalogueLayer, Lang, SessionUser } from '../api/types';
import { loadModuleMessages } from '../i18n';
import type { Selection } from '../url/viewHash';

export interface PluginContext {
  map: MapLibreMap | null;
  lang: Lang;
  user: SessionUser | null;
  catalogue: CatalogueLayer[];
  selection: Selection | null;
  /** Selects a feature (opens the details panel), or clears the selection with null. */
  select: (selection: Selection | null) => void;
  /** Whether this plug-in's mode is switched on (always true for plug-ins without a title). */
  active: boolean;
  /** Switches a map mode (a plug-in with a title) on or off, as its box in the layer panel does. */
  setModeActive: (id: string, on: boolean) => void;
  /** Asks the console to re-read deckLayers/styleOverrides (call after the plug-in's own state changes). */
  refresh: () => void;
}

/**
 * A paint or layout override on every style layer of one catalogue layer (matched by metadata "gc:layer"), or on
 * the one style layer `styleLayer` names.
 */
export interface StyleOverride {
  layer: string;
  styleLayer?: string;
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
}

export interface ConsolePlugin {
  id: string;
  /** When present the plug-in is a map mode that the user switches on/off in the layer panel. */
  title?: Bilingual;
  /** deck.gl layers drawn interleaved with the map; give them `beforeId` to sit under the point layers. */
  deckLayers?: (ctx: PluginContext) => LayersList;
  styleOverrides?: (ctx: PluginContext) => StyleOverride[];
  /** A control (e.g. a date picker) in the side panel, shown while the mode is active. */
  Control?: ComponentType<{ ctx: PluginContext }>;
  /** A section in the details panel; render null when the selection is not yours. */
  DetailSection?: ComponentType<{ ctx: PluginContext; selection: Selection }>;
}

const plugins: ConsolePlugin[] = [];
let version = 0;
const listeners = new Set<() => void>();

export function registerPlugin(plugin: ConsolePlugin): void {
  if (plugins.some((p) => p.id === plugin.id)) return;
  plugins.push(plugin);
  refreshPlugins();
}

export function getPlugins(): readonly ConsolePlugin[] {
  return plugins;
}

/** Bumps the version that the console watches (useSyncExternalStore) to re-read plug-in layers. */
export function refreshPlugins(): void {
  version++;
  listeners.forEach((l) => l());
}

export function subscribePlugins(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function pluginsVersion(): number {
  return version;
}

/**
 * A plug-in's panel part loaded only when it is first shown (its own chunk), together with the zh-CN catalogue of
 * its namespace `ns` (the plug-in id): `lazyPart('patrol', () => import('./X').then((m) => m.X))`. The part renders
 * once both are in, so its words never show as keys. The console renders plug-in parts inside <Suspense>.
 */
export function lazyPart<P>(ns: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(() => Promise.all([load(), loadModuleMessages(ns)]).then(([c]) => ({ default: c }))) as unknown as ComponentType<P>;
}

/**
 * Code that a plug-in's map layers need only in some cases (its mode on, a grid officer signed in), loaded when
 * first asked for: `const parts = lazyModule(() => import('./overlays'))`, then `parts()` is null until the code is
 * in, and the console is asked for the layers again then (refreshPlugins).
 */
export function lazyModule<T>(load: () => Promise<T>): () => T | null {
  let loaded: T | null = null;
  let loading: Promise<void> | null = null;
  return () => {
    loading ??= load().then(
      (m) => {
        loaded = m;
        refreshPlugins();
      },
      (e: unknown) => {
        loading = null; // asked again at the next redraw (a weak network)
        console.warn('plug-in code not loaded', e);
      },
    );
    return loaded;
  };
}
