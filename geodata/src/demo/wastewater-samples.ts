/**
 * Seed step: two years of weekly lab results for every wastewater site, six substances. The generator only writes
 * samples; the API's seeding (api/src/seeding/seed-demo.ts) runs the recompute that derives area_signal from them.
 *
 * The story: each county follows a scenario for methamphetamine and ketamine — rising over the last half year,
 * falling, or flat — and most of its townships follow it (the rest draw their own), so the map shows areas of
 * each trend. Levels are of the order reported by Chinese wastewater-based epidemiology surveys, in
 * mg/day/1000 inhabitants: methamphetamine ~10–60, ketamine ~3–20, morphine ~10–30 (partly medicinal),
 * amphetamine ~2–8, MDMA ~0.2–1.5, benzoylecgonine (cocaine) ~0.1–0.8. Inflow is ~250 L per person and day
 * with daily noise, so concentrations come out at tens of ng/L for methamphetamine and near the LOQ for MDMA
 * and benzoylecgonine, which are then reported below the LOQ (the lab writes the LOQ and sets the flag).
 * Tracing points follow their plant's scenario with more noise. A few weeks are missing (equipment, holidays).
 *
 * What real surveillance data has and the console must not misread (issue 12):
 *  - censored stretches: one plant in nine serves a place with little use, where every substance sits around its
 *    LOQ and is mostly reported below it; at one in twelve, everything fades below the LOQ over the last 10 weeks;
 *  - an LOQ change: the second lab lowered its LOQs to a quarter 13 weeks before "as of" (so "< 2" became a
 *    measured 0.8 with no change in use);
 *  - a plant joining late: second plants (code suffix -2, wastewater-sites.ts) report only for the last
 *    LATE_PLANT_WEEKS weeks, at their own steady level, so their township's pooled series jumps when they join.
 */
import { SUBSTANCES, type Substance } from 'domain/wastewater';
import { insertChunks } from './bulk.js';
import type { SeedStep } from './context.js';
import { addDays } from './dates.js';
import { gauss, pick, type Rng } from './rng.js';
import { countyScenario, LATE_PLANT_WEEKS, SCENARIOS, STORY_WEEKS, type Scenario } from './story.js';

export const WEEKS = 104;
/** Weeks before "as of" when LOQ_CHANGE_LAB lowered its LOQs, and by how much. */
export const LOQ_CHANGE_WEEKS = 13;
const LOQ_CHANGE_FACTOR = 0.25;

/** Median level (mg/day/1000 inhabitants) and a lab's typical LOQ (ng/L) per substance. */
const LEVEL: Record<Substance, { median: number; spread: number; loq: number }> = {
  methamphetamine: { median: 25, spread: 0.5, loq: 1 },
  amphetamine: { median: 4, spread: 0.4, loq: 1 },
  ketamine: { median: 8, spread: 0.5, loq: 1 },
  mdma: { median: 0.6, spread: 0.5, loq: 2 },
  morphine: { median: 18, spread: 0.3, loq: 1 },
  benzoylecgonine: { median: 0.35, spread: 0.5, loq: 1 },
};
/** Substances that follow the area's scenario; the others stay flat with noise. */
const STORY: readonly Substance[] = ['methamphetamine', 'ketamine', 'amphetamine'];
const LABS = ['湖南省禁毒科研中心污水检测实验室', '衡岳市疾病预防控制中心检测实验室', '中南大学环境毒理实验室', '湖南华测检测技术有限公司'];
/** The lab that changed its LOQs (LOQ_CHANGE_WEEKS). Its LOQs were 2 ng/L before (×2 the usual), a quarter after. */
const LOQ_CHANGE_LAB = LABS[1]!;
/** Kinds of plant: the usual; little use (around the LOQ); use fading below the LOQ lately. */
type Profile = 'usual' | 'trace' | 'fading';

export interface SiteForSeed {
  id: number;
  code: string;
  kind: 'plant_inlet' | 'tracing';
  parent_id: number | null;
  township_code: string;
  population_served: number;
}

export interface SampleSeedRow {
  site_id: number;
  sampled_at: string;
  substance: Substance;
  concentration_ng_l: number;
  below_loq: boolean;
  loq_ng_l: number;
  flow_m3_day: number;
  lab: string;
}

/** Multiplier at week w (0 = oldest) for a scenario: change happens over the last 26 weeks, by `size`. */
function scenarioFactor(s: Scenario, w: number, size: number): number {
  const start = WEEKS - STORY_WEEKS;
  if (s === 'flat' || w < start) return 1;
  const x = (w - start) / 25;
  return s === 'rising' ? 1 + size * x : 1 / (1 + size * x);
}

/** The LOQ (ng/L) a lab reported in week w. */
function loqOf(s: Substance, lab: string, w: number): number {
  if (lab !== LOQ_CHANGE_LAB || !STORY.includes(s)) return LEVEL[s].loq;
  return w < WEEKS - LOQ_CHANGE_WEEKS ? 2 * LEVEL[s].loq : 2 * LEVEL[s].loq * LOQ_CHANGE_FACTOR;
}

export function generateSamples(sites: readonly SiteForSeed[], asOf: string, r: Rng): SampleSeedRow[] {
  const counties = [...new Set(sites.map((s) => s.township_code.slice(0, 6) + '000000'))].sort();
  const scenarioOf = (county: string) => countyScenario(county, counties);
  // Every county's lab, the LOQ-changing one for every fourth county so that the change shows wherever you look.
  const countyLab = new Map(counties.map((c, i) => [c, i % 4 === 1 ? LOQ_CHANGE_LAB : pick(r, LABS.filter((l) => l !== LOQ_CHANGE_LAB))]));
  const plants = new Map<number, { scenario: Scenario; size: number; base: Record<Substance, number>; profile: Profile }>();
  // The Monday of the as-of week minus WEEKS-1 weeks; samples on a fixed weekday per site, 08:00–10:00 China time.
  const asOfDate = new Date(asOf + 'T00:00:00Z');
  const monday = addDays(asOf, -((asOfDate.getUTCDay() + 6) % 7));
  const firstMonday = addDays(monday, -7 * (WEEKS - 1));
  const rows: SampleSeedRow[] = [];

  const ordered = [...sites].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'plant_inlet' ? -1 : 1));
  for (const site of ordered) {
    const county = site.township_code.slice(0, 6) + '000000';
    const late = site.code.endsWith('-2'); // a second plant: joined late, steady
    const perCapitaFlow = 0.2 + r() * 0.1; // m³ per person and day
    let profile = site.parent_id !== null ? plants.get(site.parent_id) : undefined;
    if (!profile) {
      const scenario: Scenario = late ? 'flat' : r() < 0.7 ? scenarioOf(county) : pick(r, SCENARIOS);
      const roll = r();
      const kind: Profile = late ? 'usual' : roll < 1 / 9 ? 'trace' : roll < 1 / 9 + 1 / 12 ? 'fading' : 'usual';
      // A trace plant's substances sit at 0.3–1.1 × their LOQ, in per-capita terms (conc ≈ load ÷ per-capita flow).
      const level = (s: Substance) =>
        kind === 'trace' ? LEVEL[s].loq * perCapitaFlow * (0.3 + 0.8 * r()) : LEVEL[s].median * Math.exp(LEVEL[s].spread * gauss(r)) * (late ? 1.8 : 1);
      const base = Object.fromEntries(SUBSTANCES.map((s) => [s, level(s)])) as Record<Substance, number>;
      profile = { scenario: kind === 'usual' ? scenario : 'flat', size: 0.5 + r() * 0.7, base, profile: kind };
      if (site.kind === 'plant_inlet') plants.set(site.id, profile);
    }
    const noise = site.kind === 'tracing' ? 0.3 : 0.15;
    const weekday = Math.floor(r() * 5); // Monday–Friday
    const lab = countyLab.get(county)!;
    for (let w = 0; w < WEEKS; w++) {
      if (r() < 0.03) continue; // a missed week
      if (late && w < WEEKS - LATE_PLANT_WEEKS) continue; // not yet in the programme
      const day = addDays(firstMonday, 7 * w + weekday);
      if (day > asOf) continue;
      const minutes = 8 * 60 + Math.floor(r() * 120);
      const sampledAt = new Date(Date.parse(day + 'T00:00:00+08:00') + minutes * 60e3).toISOString();
      const flow = Math.round(site.population_served * perCapitaFlow * Math.exp(0.1 * gauss(r)) * 100) / 100;
      for (const s of SUBSTANCES) {
        const story = STORY.includes(s);
        // Fading: every substance falls to a fiftieth over the last 10 weeks, well under its LOQ.
        const fade = profile.profile === 'fading' && w >= WEEKS - 10 ? 0.02 : 1;
        const factor = (story ? scenarioFactor(profile.scenario, w, profile.size) : 1) * fade;
        const normalised = profile.base[s] * factor * Math.exp(noise * gauss(r));
        const loadMg = (normalised * site.population_served) / 1000;
        const conc = (loadMg / flow) * 1e3; // mg/day ÷ m³/day × 1e3 = ng/L
        const loq = loqOf(s, lab, w);
        const below = conc < loq;
        rows.push({
          site_id: site.id,
          sampled_at: sampledAt,
          substance: s,
          concentration_ng_l: below ? loq : Math.round(conc * 1000) / 1000,
          below_loq: below,
          loq_ng_l: loq,
          flow_m3_day: Math.max(1, flow),
          lab,
        });
      }
    }
  }
  return rows;
}

const INSERT = `
  INSERT INTO wastewater_sample (site_id, sampled_at, substance, concentration_ng_l, below_loq, loq_ng_l, flow_m3_day, lab)
  SELECT site_id, sampled_at, substance, concentration_ng_l, below_loq, loq_ng_l, flow_m3_day, lab
  FROM jsonb_to_recordset($1::jsonb) AS r (site_id bigint, sampled_at timestamptz, substance text, concentration_ng_l numeric,
                                          below_loq boolean, loq_ng_l numeric, flow_m3_day numeric, lab text)`;

export const seedWastewaterSamples: SeedStep = async (ctx) => {
  const sites = await ctx.db.query<SiteForSeed>(
    `SELECT id, code, kind, parent_site_id AS parent_id, township_code, population_served FROM wastewater_site ORDER BY id`,
  );
  const rows = generateSamples(sites, ctx.asOf, ctx.rng('wastewater'));
  const total = rows.length;
  let done = 0;
  await insertChunks(ctx.db, INSERT, rows, {
    chunk: 5000,
    onChunk: (n) => ctx.progress({ step: 'wastewater-samples', done: (done += n), total }),
  });
};
