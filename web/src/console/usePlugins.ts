/**
 * The plug-ins as the console drives them: one context each (active when its mode is on, or always for plug-ins
 * without a mode), and the style overrides and deck.gl layers they ask for, re-read when a plug-in calls refresh.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CatalogueLayer, Lang, SessionUser } from '../api/types';
import { getPlugins, pluginsVersion, refreshPlugins, subscribePlugins, type PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';

export function usePlugins(opts: {
  map: MapLibreMap | null;
  lang: Lang;
  user: SessionUser;
  catalogue: CatalogueLayer[] | null;
  selection: Selection | null;
  select: (s: Selection | null) => void;
  activeModes: string[];
  setModeActive: (id: string, on: boolean) => void;
}) {
  const { map, lang, user, catalogue, selection, select, activeModes, setModeActive } = opts;
  useSyncExternalStore(subscribePlugins, pluginsVersion);
  const pluginCtx = useCallback(
    (id: string, hasTitle: boolean): PluginContext => ({
      map,
      lang,
      user,
      catalogue: catalogue ?? [],
      selection,
      select: (s) => select(s),
      active: !hasTitle || activeModes.includes(id),
      setModeActive,
      refresh: refreshPlugins,
    }),
    [map, lang, user, catalogue, selection, select, activeModes, setModeActive],
  );

  const plugins = getPlugins();
  const version = pluginsVersion();
  const pluginContexts = useMemo(
    () => plugins.map((p) => ({ plugin: p, ctx: pluginCtx(p.id, !!p.title) })),
    // version: plug-ins ask for a re-read through refreshPlugins()
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [plugins, pluginCtx, version],
  );
  const overrides = useMemo(() => pluginContexts.flatMap(({ plugin, ctx }) => plugin.styleOverrides?.(ctx) ?? []), [pluginContexts]);
  const deckLayers = useMemo(() => pluginContexts.flatMap(({ plugin, ctx }) => plugin.deckLayers?.(ctx) ?? []), [pluginContexts]);
  return { pluginContexts, overrides, deckLayers };
}
