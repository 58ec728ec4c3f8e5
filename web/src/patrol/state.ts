/**
 * The patrol mode's state, shared by the side panel, the map layers, the print sheet and the inspection form:
 * the chosen day, the due list, the planned route. Changes call refreshPlugins() so the map redraws.
 */
import { refreshPlugins } from '../plugins/registry';
import { fetchDue, fetchPlan, type DueItem, type Plan } from './api';
import { chinaToday } from 'domain/time';

export interface PatrolState {
  date: string;
  maxStops: number;
  due: DueItem[] | null;
  dueFailed: boolean;
  plan: Plan | null;
  planning: boolean;
  planFailed: string | null;
  sheetOpen: boolean;
}

/** Today in China, the inspector's calendar day. */
export { chinaToday };

let state: PatrolState = { date: chinaToday(), maxStops: 8, due: null, dueFailed: false, plan: null, planning: false, planFailed: null, sheetOpen: false };
const listeners = new Set<() => void>();
let dueRequest: AbortController | null = null;

export const getPatrolState = () => state;
export function subscribePatrol(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function set(patch: Partial<PatrolState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
  refreshPlugins();
}

export function loadDue(): void {
  dueRequest?.abort();
  const ac = new AbortController();
  dueRequest = ac;
  fetchDue(state.date, ac.signal)
    .then((r) => set({ due: r.items, dueFailed: false }))
    .catch(() => {
      if (!ac.signal.aborted) set({ dueFailed: true });
    });
}

/** A new day: the old route no longer applies. */
export function setDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date === state.date) return;
  set({ date, plan: null, planFailed: null, due: null });
  loadDue();
}

export const setMaxStops = (n: number) => set({ maxStops: Math.min(30, Math.max(1, Math.round(n) || 1)) });

export async function planDay(): Promise<void> {
  set({ planning: true, planFailed: null });
  try {
    set({ plan: await fetchPlan(state.date, state.maxStops), planning: false });
  } catch (e) {
    set({ planning: false, planFailed: e instanceof Error ? e.message : String(e) });
  }
}

export const clearPlan = () => set({ plan: null });
export const setSheetOpen = (open: boolean) => set({ sheetOpen: open });

/** After an inspection is recorded the due list is stale; the day's route stays as planned (and printed). */
export function afterInspection(): void {
  loadDue();
}
