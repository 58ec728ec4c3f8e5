/**
 * Plants' weekly values over the trend window: computed from samples (sql/plant-weeks.sql), stored one row per
 * plant and week (wastewater_plant_week, migration 130: a new week adds rows, nothing is rewritten), and kept in
 * memory between recomputes.
 *
 * The memory copy: a recompute after an import needs every plant's window (an area's trend is combined from all
 * its plants, the province's from all of them). Reading ~55,000 plant weeks at province scale costs more than the
 * whole update may, so the last state written is kept in this process, tagged with the random token the recompute also
 * writes to dataset_info. A recompute (under the advisory lock, recompute.ts) uses the copy only when the stored
 * token is still its token, i.e. nobody — another process, a rolled-back transaction — wrote since.
 */
import type { Queryable } from 'db';
import { addWeeks, emptyWeeks, shiftWeeks, shiftWeeksInPlace, stepOf, type PlantWeeks, type Substance, type TrendWindow } from 'domain/wastewater';
import { SQL } from './sql.js';

export type PlantMap = Map<number, PlantWeeks>;

/** Weekly values of plants (all, or those given) for weeks first..last of window `w`, from the samples. */
export async function plantWeeksFromSamples(db: Queryable, w: TrendWindow, siteIds: number[] | null, first = w.from, last = w.to): Promise<PlantMap> {
  const rows = await db.query<{ r: [number, Substance[], number[], number[], number[], number[]] }>(SQL.plantWeeks, [w.from, first, last, siteIds]);
  const out: PlantMap = new Map();
  for (const { r } of rows) {
    const [siteId, substances, steps, lo, hi, n] = r;
    const plant: PlantWeeks = new Map();
    out.set(siteId, plant);
    for (let k = 0; k < substances.length; k++) {
      let weeks = plant.get(substances[k]!);
      if (!weeks) plant.set(substances[k]!, (weeks = emptyWeeks(w.weeks)));
      const s = steps[k]!;
      if (s < 0 || s >= w.weeks) continue;
      weeks.lo[s] = lo[k]!;
      weeks.hi[s] = hi[k]!;
      weeks.n[s] = n[k]!;
    }
  }
  return out;
}

/** Stored plant weeks of window `w` (all plants, or those given), as week arrays. */
export async function readStoredPlants(db: Queryable, w: TrendWindow, siteIds: number[] | null = null): Promise<PlantMap> {
  const rows = await db.query<{ r: [number, number, Substance[], number[], number[], number[]] }>(
    `SELECT json_build_array(site_id, (week - $1::date) / 7, substances, lo, hi, n) AS r FROM wastewater_plant_week
     WHERE week BETWEEN $1::date AND $2::date AND ($3::bigint[] IS NULL OR site_id = ANY ($3::bigint[]))`,
    [w.from, w.to, siteIds],
  );
  const out: PlantMap = new Map();
  for (const { r } of rows) {
    const [siteId, step, substances, lo, hi, n] = r;
    let plant = out.get(siteId);
    if (!plant) out.set(siteId, (plant = new Map()));
    substances.forEach((sub, k) => {
      let a = plant!.get(sub);
      if (!a) plant!.set(sub, (a = emptyWeeks(w.weeks)));
      a.lo[step] = lo[k]!;
      a.hi[step] = hi[k]!;
      a.n[step] = n[k]!;
    });
  }
  return out;
}

/**
 * Write weeks `first`..`last` (steps of window `w`) of the plants given: one row per plant and week with data,
 * replacing what was stored for those weeks (a week no sample is left in loses its row). `all`: every stored week
 * goes first (the full recompute), including weeks before the window, which no trend reads any more.
 */
export async function storePlantWeeks(db: Queryable, w: TrendWindow, plants: PlantMap, siteIds: Iterable<number>, first: number, last: number, all = false): Promise<void> {
  const ids = [...siteIds];
  if (all) await db.query('TRUNCATE wastewater_plant_week');
  else {
    await db.query('DELETE FROM wastewater_plant_week WHERE site_id = ANY ($1::bigint[]) AND week BETWEEN $2::date AND $3::date', [
      ids, addWeeks(w.from, first), addWeeks(w.from, last),
    ]);
  }
  const cols = { id: [] as number[], week: [] as string[], subs: [] as string[], lo: [] as string[], hi: [] as string[], n: [] as string[] };
  const flush = async () => {
    if (!cols.id.length) return;
    await db.query(
      `INSERT INTO wastewater_plant_week (site_id, week, substances, lo, hi, n)
       SELECT id, w, s::text[], l::float8[], h::float8[], c::int[]
       FROM unnest($1::bigint[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u (id, w, s, l, h, c)`,
      [cols.id, cols.week, cols.subs, cols.lo, cols.hi, cols.n],
    );
    for (const k of Object.keys(cols) as (keyof typeof cols)[]) cols[k].length = 0;
  };
  const list = (a: readonly (number | string)[]) => `{${a.join(',')}}`;
  for (const id of ids) {
    const plant = plants.get(id);
    if (!plant) continue;
    for (let step = first; step <= last; step++) {
      const subs = [...plant.keys()].filter((s) => plant.get(s)!.n[step]! > 0);
      if (!subs.length) continue;
      const at = subs.map((s) => plant.get(s)!);
      cols.id.push(id);
      cols.week.push(addWeeks(w.from, step));
      cols.subs.push(list(subs));
      cols.lo.push(list(at.map((a) => a.lo[step]!)));
      cols.hi.push(list(at.map((a) => a.hi[step]!)));
      cols.n.push(list(at.map((a) => a.n[step]!)));
      if (cols.id.length >= 10000) await flush();
    }
  }
  await flush();
}

interface Cached {
  token: string;
  window: TrendWindow;
  plants: PlantMap;
}

let cache: Cached | null = null;

/**
 * The plants as last written with `token`, moved onto window `w`; null when this process has not got them. The
 * copy is handed over, not shared: the caller changes it, and gives it back with rememberPlants once written (a
 * recompute that fails in between leaves no copy behind).
 */
export function takeCachedPlants(token: string | undefined, w: TrendWindow): PlantMap | null {
  const c = cache;
  cache = null;
  if (!c || !token || c.token !== token) return null;
  if (c.window.from === w.from && c.window.weeks === w.weeks) return c.plants;
  if (c.window.weeks !== w.weeks) {
    const out: PlantMap = new Map();
    for (const [id, plant] of c.plants) out.set(id, new Map([...plant].map(([sub, a]) => [sub, shiftWeeks(w, c.window.from, a)])));
    return out;
  }
  // The copy is ours: its arrays are moved in place rather than copied (12,700 series at province scale).
  const shift = stepOf(w, c.window.from);
  for (const plant of c.plants.values()) for (const a of plant.values()) shiftWeeksInPlace(a, shift);
  return c.plants;
}

export function rememberPlants(token: string, window: TrendWindow, plants: PlantMap): void {
  cache = { token, window, plants };
}
