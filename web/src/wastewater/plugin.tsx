/**
 * Wastewater (污水验毒) map mode: areas coloured by the trend of their methamphetamine-equivalent index with
 * confidence as transparency (the `signals` theme of the server's layer definitions), sampling sites sized by their latest load (deck.gl), the rising
 * signals list and legend in the side panel, and a lazily loaded time-series chart in the details panel.
 */
import { deckLayerClasses } from '../map/deck';
import { themeOverrides } from '../map/themes';
import { lazyModule, lazyPart, type ConsolePlugin } from '../plugins/registry';
import type { Site } from './api';
import './wastewater.css';

/** The sites' state and sizes: only once the mode is switched on. */
const siteParts = lazyModule(() => Promise.all([import('./state'), import('./siteRadius')]).then(([s, r]) => ({ ...s, ...r })));

const plugin: ConsolePlugin = {
  id: 'wastewater',
  title: { zh: '污水验毒', en: 'Wastewater' },
  styleOverrides: (ctx) => (ctx.active ? themeOverrides(ctx.catalogue, 'signals') : []),
  deckLayers: (ctx) => {
    const parts = ctx.active ? siteParts() : null;
    if (!parts) return [];
    const { getSites, loadSites, siteRadius } = parts;
    const sites = getSites();
    if (!sites.length) {
      void loadSites();
      return [];
    }
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
  },
  Control: lazyPart('wastewater', () => import('./WastewaterControl').then((m) => m.WastewaterControl)),
  DetailSection: lazyPart('wastewater', () => import('./WastewaterSection').then((m) => m.WastewaterSection)),
};

export default plugin;
