/**
 * 月报 · the monthly figures per grid. For a grid officer: the form for each of their grids, working offline
 * (outbox in IndexedDB, the app installed as a PWA, see pwa.ts). For the office: who has reported this month and
 * the reminder list of who has not. Other roles see nothing of it.
 * Messages: this module's own (i18n/) and the figures' catalogue shared with the API (domain/figures).
 */
import { FIGURE_MESSAGES } from 'domain/figures';
import { lazyPart, type ConsolePlugin, type PluginContext } from '../plugins/registry';
import './reporting.css';

const OFFICE_ROLES = new Set(['office', 'admin']);

// Each role downloads only its own part: the officer's form, outbox (IndexedDB) and offline app, or the office's
// status list. English (i18n/en.json) comes with the other English catalogues when chosen (i18n/index.ts).
const FiguresPanel = lazyPart('reporting', () => import('./FiguresPanel').then((m) => m.FiguresPanel));
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
  // The figures' words are shared with the API (domain/figures); this module's own come with its parts.
  messages: { 'zh-CN': FIGURE_MESSAGES['zh-CN'], en: FIGURE_MESSAGES.en },
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
