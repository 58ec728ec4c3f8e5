/**
 * 月报 · the monthly figures per grid. For a grid officer: the form for each of their grids, working offline
 * (outbox in IndexedDB, the app installed as a PWA, see pwa.ts). For the office: who has reported this month and
 * the reminder list of who has not. Other roles see nothing of it.
 * Messages: this module's own (i18n/) and the figures' catalogue shared with the API (domain/figures).
 */
import { FIGURE_MESSAGES } from 'domain/figures';
import type { ConsolePlugin, PluginContext } from '../plugins/registry';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { FiguresPanel } from './FiguresPanel';
import { ReportingStatus } from './ReportingStatus';
import { startFigures } from './state';
import { registerOfflineApp } from './pwa';
import './reporting.css';

const OFFICE_ROLES = new Set(['office', 'admin']);

function ReportingControl({ ctx }: { ctx: PluginContext }) {
  const user = ctx.user;
  if (user?.role === 'grid_officer') return <FiguresPanel ctx={ctx} />;
  if (user && OFFICE_ROLES.has(user.role)) return <ReportingStatus ctx={ctx} />;
  return null;
}

const plugin: ConsolePlugin = {
  id: 'reporting',
  messages: { 'zh-CN': { ...zh, ...FIGURE_MESSAGES['zh-CN'] }, en: { ...en, ...FIGURE_MESSAGES.en } },
  // Called whenever the console draws, whether or not the side panel is open: the outbox must be sent and the
  // offline app installed even while the officer only looks at the map (the same hook the officer plug-in uses).
  deckLayers: (ctx) => {
    if (ctx.user?.role === 'grid_officer') {
      startFigures(ctx.user.username);
      registerOfflineApp();
    }
    return [];
  },
  Control: ReportingControl,
};

export default plugin;
