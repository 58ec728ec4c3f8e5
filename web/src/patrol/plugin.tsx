/**
 * 巡查 · Patrol: the inspector's day. A map mode with the day's due-or-risky firms and venues, a planned route
 * (server-side scoring, opening hours and working hours: domain/src/patrol/schedule.ts) drawn as a numbered path, a
 * printable patrol sheet, and a form in the details panel to record what an inspection found.
 */
import { useSyncExternalStore } from 'react';
import type { ConsolePlugin, PluginContext } from '../plugins/registry';
import en from './i18n/en.json';
import zh from './i18n/zh-CN.json';
import { InspectionForm } from './InspectionForm';
import { routeLayers } from './overlays';
import { flyToTarget, PatrolControl } from './PatrolControl';
import { PatrolSheet } from './PatrolSheet';
import { getPatrolState, setSheetOpen, subscribePatrol } from './state';
import './patrol.css';

function Control({ ctx }: { ctx: PluginContext }) {
  const s = useSyncExternalStore(subscribePatrol, getPatrolState);
  return (
    <>
      <PatrolControl ctx={ctx} />
      {s.sheetOpen && s.plan && <PatrolSheet plan={s.plan} inspector={ctx.user?.displayName ?? ctx.user?.username ?? ''} lang={ctx.lang} onClose={() => setSheetOpen(false)} />}
    </>
  );
}

const plugin: ConsolePlugin = {
  id: 'patrol',
  title: { zh: '巡查', en: 'Patrol' },
  messages: { 'zh-CN': zh, en },
  deckLayers: (ctx) => {
    const plan = getPatrolState().plan;
    return ctx.active && plan && plan.count > 0 ? routeLayers(plan, (s) => flyToTarget(ctx, s)) : [];
  },
  Control,
  DetailSection: InspectionForm,
};

export default plugin;
