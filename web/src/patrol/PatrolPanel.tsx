/** The patrol mode's side-panel part: the day's plan control, and the printable sheet when it is open. */
import { useSyncExternalStore } from 'react';
import type { PluginContext } from '../plugins/registry';
import { PatrolControl } from './PatrolControl';
import { PatrolSheet } from './PatrolSheet';
import { getPatrolState, setSheetOpen, subscribePatrol } from './state';

export function PatrolPanel({ ctx }: { ctx: PluginContext }) {
  const s = useSyncExternalStore(subscribePatrol, getPatrolState);
  return (
    <>
      <PatrolControl ctx={ctx} />
      {s.sheetOpen && s.plan && <PatrolSheet plan={s.plan} inspector={ctx.user?.displayName ?? ctx.user?.username ?? ''} lang={ctx.lang} onClose={() => setSheetOpen(false)} />}
    </>
  );
}
