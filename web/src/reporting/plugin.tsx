/**
 * 月报 · the monthly figures per grid. For a grid officer: the form for each of their grids, working offline
 * (outbox in IndexedDB, the app installed as a PWA, see pwa.ts). For the office: who has reported this month and
 * the reminder list of who has not. Other roles see nothing of it.
 * Messages: this module's own (i18n/) and the figures' catalogue shared with the API (domain/figures).
 */
import { i18n } from '../i18n';
import { lazyPart, type ConsolePlugin, type PluginContext } from '../plugins/registry';
import './reporting.css';

const OFFICE_ROLES = new Set(['office', 'admin']);

// Each role downloads only its own part: the officer's form, outbox (IndexedDB) and offline app, or the office's
// status list. English (i18n/en.json) comes with the other English catalogues when chosen (i18n/index.ts).
// The officer's form also speaks the figures' words, shared with the API (domain/figures): they join this module's
// namespace with the form, in both languages.
const FiguresPanel = lazyPart('reporting', () =>
  Promise.all([import('./FiguresPanel'), import('domain/figures')]).then(([m, { FIGURE_MESSAGES }]) => {
    for (const lang of ['zh-CN', 'en'] as const) i18n.addResourceBundle(lang, 'reporting', FIGURE_MESSAGES[lang], true, true);
    return m.FiguresPanel;
  }),
);
const ReportingStatus = lazyPart('reporting', () => import('./ReportingStatus').then((m) => m.ReportingStatus));
/** The officer whose outbox has been started (a different sign-in on the same page starts theirs). */
let startedFor: string | null = null;

function ReportingControl({ ctx }: { ctx: PluginContext }) {
  const user = ctx.user;
  if (user?.role === 'grid_officer') return <FiguresPanel ctx={ctx} />;
  if (user && OFFICE_ROLES.has(user.role)) return <ReportingStatus ctx={ctx} />;
  return null;
}

const plugin: ConsolePlugin = {
  id: 'reporting',
  // Called whenever the console draws, whether or not the side panel is open: the outbox must be sent and the
  // offline app installed even while the officer only looks at the map (the same hook the officer plug-in uses).
  deckLayers: (ctx) => {
    const user = ctx.user;
    if (user?.role === 'grid_officer' && startedFor !== user.username) {
      startedFor = user.username;
      void Promise.all([import('./state'), import('./pwa')]).then(([state, pwa]) => {
        state.startFigures(user.username);
        pwa.registerOfflineApp();
      });
    }
    return [];
  },
  Control: ReportingControl,
};

export default plugin;
