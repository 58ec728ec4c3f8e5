/**
 * The wastewater mode's map layer: sampling sites sized by their latest load (deck.gl), tracing sites in sky blue,
 * plants in black. Loaded with the sites' state once the mode is switched on (plugin.tsx).
 */
import type { LayersList } from '@deck.gl/core';
import { deckLayerClasses } from '../map/deck';
import type { PluginContext } from '../plugins/registry';
import type { Site } from './api';
import { siteRadius } from './siteRadius';

export function siteLayers(sites: Site[], ctx: PluginContext): LayersList {
  const deck = deckLayerClasses();
  if (!deck) return [];
  const { ScatterplotLayer } = deck;
  const maxLoad = Math.max(...sites.map((s) => s.latestNormalised ?? 0));
  return [
    new ScatterplotLayer<Site>({
      id: 'ww-site-loads',
      data: sites,
      getPosition: (s) => [s.lon, s.lat],
      getRadius: (s) => siteRadius(s.latestNormalised, maxLoad),
      radiusUnits: 'pixels',
      getFillColor: (s) => (s.kind === 'tracing' ? [86, 180, 233, 200] : [0, 0, 0, 140]),
      getLineColor: [255, 255, 255, 230],
      lineWidthMinPixels: 1,
      stroked: true,
      pickable: true,
      onClick: ({ object }) => {
        if (object) ctx.select({ layer: 'wastewater_sites', id: object.code });
        return true;
      },
      updateTriggers: { getRadius: [maxLoad] },
    }),
  ];
}
