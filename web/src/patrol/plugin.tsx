/**
 * 巡查 · Patrol: the inspector's day. A map mode with the day's due-or-risky firms and venues, a planned route
 * (server-side scoring, opening hours and working hours: domain/src/patrol/schedule.ts) drawn as a numbered path, a
 * printable patrol sheet, and a form in the details panel to record what an inspection found.
 */
import { lazyModule, lazyPart, type ConsolePlugin } from '../plugins/registry';
import './patrol.css';

/** The day's state and the route layers: only once the mode is switched on (its panel loads the state anyway). */
const patrolParts = lazyModule(() => Promise.all([import('./state'), import('./overlays')]).then(([s, o]) => ({ ...s, ...o })));

const plugin: ConsolePlugin = {
  id: 'patrol',
  title: { zh: '巡查', en: 'Patrol' },
  deckLayers: (ctx) => {
    const parts = ctx.active ? patrolParts() : null;
    const plan = parts?.getPatrolState().plan;
    return parts && plan && plan.count > 0 ? parts.routeLayers(plan, (s) => void import('./PatrolControl').then((m) => m.flyToTarget(ctx, s))) : [];
  },
  Control: lazyPart('patrol', () => import('./PatrolPanel').then((m) => m.PatrolPanel)),
  DetailSection: lazyPart('patrol', () => import('./InspectionForm').then((m) => m.InspectionForm)),
};

export default plugin;
