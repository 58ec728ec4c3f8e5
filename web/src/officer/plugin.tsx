/**
 * 我的网格 · My grids: the grid officer's view on a phone outdoors. Always on for the role grid_officer (no mode
 * switch: it is their whole job) and absent for every other role, whose users have no grids of their own.
 * The map frames their grids, dims everything else and draws the boundaries strongly; the panel answers
 * "am I in my grid?" and lists what is due. The last answer of /api/grids/mine is kept for weak networks.
 */
import { lazyModule, lazyPart, type ConsolePlugin } from '../plugins/registry';
import './officer.css';

/** The officer's state and map layers (with the point-in-polygon code) load only for a grid officer. */
const officerParts = lazyModule(() => Promise.all([import('./state'), import('./overlays')]).then(([s, o]) => ({ ...s, ...o })));

const OfficerPanel = lazyPart('officer', () => import('./OfficerPanel').then((m) => m.OfficerPanel));

const plugin: ConsolePlugin = {
  id: 'officer',
  deckLayers: (ctx) => {
    if (ctx.user?.role !== 'grid_officer') return [];
    const p = officerParts();
    if (!p) return [];
    const { attachMap, getOfficerState, loadMine, officerLayers } = p;
    loadMine(ctx.user.username);
    attachMap(ctx.map);
    const s = getOfficerState();
    return s.grids?.length ? officerLayers(s.grids, s.position) : [];
  },
  // Only a grid officer has this panel: nobody else downloads it.
  Control: ({ ctx }) => (ctx.user?.role === 'grid_officer' ? <OfficerPanel ctx={ctx} /> : null),
};

export default plugin;
