/**
 * 我的网格 · My grids: the grid officer's view on a phone outdoors. Always on for the role grid_officer (no mode
 * switch: it is their whole job) and absent for every other role, whose users have no grids of their own.
 * The map frames their grids, dims everything else and draws the boundaries strongly; the panel answers
 * "am I in my grid?" and lists what is due. The last answer of /api/grids/mine is kept for weak networks.
 */
import type { ConsolePlugin } from '../plugins/registry';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { OfficerPanel } from './OfficerPanel';
import { officerLayers } from './overlays';
import { attachMap, getOfficerState, loadMine } from './state';
import './officer.css';

const plugin: ConsolePlugin = {
  id: 'officer',
  messages: { 'zh-CN': zh, en },
  deckLayers: (ctx) => {
    if (ctx.user?.role !== 'grid_officer') return [];
    loadMine(ctx.user.username);
    attachMap(ctx.map);
    const s = getOfficerState();
    return s.grids?.length ? officerLayers(s.grids, s.position) : [];
  },
  Control: OfficerPanel,
};

export default plugin;
