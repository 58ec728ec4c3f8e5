/** The mode's own state: the chosen substance and the sites with their latest loads, shared by layer and panel. */
import { refreshPlugins } from '../plugins/registry';
import { fetchSites, type Site, type Substance } from './api';

let substance: Substance = 'index';
let sites: Site[] = [];
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export const getSubstance = () => substance;
export const getSites = () => sites;

function changed() {
  listeners.forEach((l) => l());
  refreshPlugins();
}

export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function loadSites(): Promise<void> {
  loading ??= fetchSites(substance)
    .then((r) => {
      sites = r.sites;
      changed();
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
  return loading;
}

export function setSubstance(s: Substance): void {
  if (s === substance) return;
  substance = s;
  changed();
  void loadSites();
}
