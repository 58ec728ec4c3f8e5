/** The fixed SQL of the wastewater domain, read once from the .sql files beside this one. */
import { readFileSync } from 'node:fs';

const load = (name: string) => readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');

export const SQL = {
  shares: load('shares'),
  plantWeeks: load('plant-weeks'),
  enforcementWeeks: load('enforcement-weeks'),
  // The rows the two statements write are read from their JSON parameter by the same query.
  signalsUpdate: load('signals-update').replace('/*rows*/', load('signals-rows')),
  signalsInsert: load('signals-insert').replace('/*rows*/', load('signals-rows')),
  areaSeries: load('area-series'),
  siteSeries: load('site-series'),
} as const;
