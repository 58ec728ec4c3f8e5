/**
 * Wastewater (污水验毒) map mode: areas coloured by the trend of their methamphetamine-equivalent index with
 * confidence as transparency (the `signals` theme of the server's layer definitions), sampling sites sized by their latest load (deck.gl), the rising
 * signals list and legend in the side panel, and a lazily loaded time-series chart in the details panel.
 */
import { themeOverrides } from '../map/themes';
import { lazyModule, lazyPart, type ConsolePlugin } from '../plugins/registry';
import './wastewater.css';

/** The sites' state and their map layer: only once the mode is switched on. */
const siteParts = lazyModule(() => Promise.all([import('./state'), import('./overlays')]).then(([s, o]) => ({ ...s, ...o })));

const plugin: ConsolePlugin = {
  id: 'wastewater',
  title: { zh: '污水验毒', en: 'Wastewater' },
  styleOverrides: (ctx) => (ctx.active ? themeOverrides(ctx.catalogue, 'signals') : []),
  deckLayers: (ctx) => {
    const parts = ctx.active ? siteParts() : null;
    if (!parts) return [];
    const sites = parts.getSites();
    if (!sites.length) {
      void parts.loadSites();
      return [];
    }
    return parts.siteLayers(sites, ctx);
  },
  Control: lazyPart('wastewater', () => import('./WastewaterControl').then((m) => m.WastewaterControl)),
  DetailSection: lazyPart('wastewater', () => import('./WastewaterSection').then((m) => m.WastewaterSection)),
};

export default plugin;
