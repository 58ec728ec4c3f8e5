/**
 * 巡查 · Patrol: the inspector's day. A map mode with the day's due-or-risky firms and venues, a planned route
 * (server-side scoring, opening hours and working hours: domain/src/patrol/schedule.ts) drawn as a numbered path, a
 * printable patrol sheet, and a form in the details panel to record what an inspection found.
 */
import { lazyPart, type ConsolePlugin } from '../plugins/registry';
import zh from './i18n/zh-CN.json';
import { routeLayers } from './overlays';
import { getPatrolState } from './state';
import './patrol.css';

const plugin: ConsolePlugin = {
  id: 'patrol',
  title: { zh: '巡查', en: 'Patrol' },
  messages: { 'zh-CN': zh },
  deckLayers: (ctx) => {
    const plan = getPatrolState().plan;
    return ctx.active && plan && plan.count > 0 ? routeLayers(plan, (s) => void import('./PatrolControl').then((m) => m.flyToTarget(ctx, s))) : [];
  },
  Control: lazyPart(() => import('./PatrolPanel').then((m) => m.PatrolPanel)),
  DetailSection: lazyPart(() => import('./InspectionForm').then((m) => m.InspectionForm)),
};

export default plugin;
