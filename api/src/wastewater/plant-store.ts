/**
 * Plants' weekly values over the trend window: computed from samples (sql/plant-weeks.sql), stored one row per
 * plant (wastewater_plant_series, migration 130, as binary vectors), and kept in memory between recomputes.
 *
 * The memory copy: a recompute after an import needs every plant's window (an area's trend is combined from all
 * its plants, the province's from all of them). Reading ~2,000 rows at province scale costs more than the whole
 * update may, so the last state written is kept in this process, tagged with the random token the recompute also
 * writes to dataset_info. A recompute (under the advisory lock, recompute.ts) uses the copy only when the stored
 * token is still its token, i.e. nobody — another process, a rolled-back transaction — wrote since.
 */
import type { Queryable } from 'db';
import { emptyWeeks, shiftWeeks, type PlantWeeks, type Substance, type TrendWindow, type WeekArrays } from 'domain/wastewater';
import { SQL } from './sql.js';

export type PlantMap = Map<number, PlantWeeks>;

/** Weekly values of plants (all, or those given) for weeks first..last of window `w`, from the samples. */
export async function plantWeeksFromSamples(db: Queryable, w: TrendWindow, siteIds: number[] | null, first = w.from, last = w.to): Promise<PlantMap> {
  const rows = await db.query<{ r: [number, Substance, number[], number[], number[], number[]] }>(SQL.plantWeeks, [w.from, first, last, siteIds]);
  const out: PlantMap = new Map();
  for (const { r } of rows) {
    const [siteId, substance, steps, lo, hi, n] = r;
    let plant = out.get(siteId);
    if (!plant) out.set(siteId, (plant = new Map()));
    const weeks = emptyWeeks(w.weeks);
    steps.forEach((s, k) => {
      if (s < 0 || s >= w.weeks) return;
      weeks.lo[s] = lo[k]!;
      weeks.hi[s] = hi[k]!;
      weeks.n[s] = n[k]!;
    });
    plant.set(substance, weeks);
  }
  return out;
}

/** A vector of numbers as the bytes the table stores (little-endian float64 or int32), base64 for the driver. */
const toBase64 = (a: readonly number[], type: 'f64' | 'i32') =>
  Buffer.from((type === 'f64' ? Float64Array.from(a) : Int32Array.from(a)).buffer).toString('base64');
function fromBase64(b64: string, type: 'f64' | 'i32'): number[] {
  const bytes = Buffer.from(b64, 'base64');
  const copy = new Uint8Array(bytes).buffer; // aligned
  return Array.from(type === 'f64' ? new Float64Array(copy) : new Int32Array(copy));
}

/** Stored plant rows (all, or those given), moved onto window `w`. */
export async function readStoredPlants(db: Queryable, w: TrendWindow, siteIds: number[] | null = null): Promise<PlantMap> {
  const rows = await db.query<{ r: [number, string, number, Substance[], string, string, string] }>(
    `SELECT json_build_array(site_id, window_from, weeks, substances, encode(lo, 'base64'), encode(hi, 'base64'), encode(n, 'base64')) AS r
     FROM wastewater_plant_series WHERE $1::bigint[] IS NULL OR site_id = ANY ($1::bigint[])`,
    [siteIds],
  );
  const out: PlantMap = new Map();
  for (const { r } of rows) {
    const [siteId, from, weeks, substances, loB, hiB, nB] = r;
    const [lo, hi, n] = [fromBase64(loB, 'f64'), fromBase64(hiB, 'f64'), fromBase64(nB, 'i32')];
    const plant: PlantWeeks = new Map();
    substances.forEach((sub, k) => {
      const part = (a: number[]) => a.slice(k * weeks, (k + 1) * weeks);
      plant.set(sub, shiftWeeks(w, from, { lo: part(lo), hi: part(hi), n: part(n) }));
    });
    out.set(siteId, plant);
  }
  return out;
}

/** Write the rows of the plants given (replacing theirs); `all` first removes every other plant's row. */
export async function storePlants(db: Queryable, w: TrendWindow, plants: PlantMap, siteIds: Iterable<number>, all = false): Promise<void> {
  const ids = [...siteIds];
  if (all) await db.query('DELETE FROM wastewater_plant_series');
  else await db.query('DELETE FROM wastewater_plant_series WHERE site_id = ANY ($1::bigint[])', [ids]);
  const cols = { id: [] as number[], subs: [] as string[], lo: [] as string[], hi: [] as string[], n: [] as string[] };
  const flush = async () => {
    if (!cols.id.length) return;
    await db.query(
      `INSERT INTO wastewater_plant_series (site_id, window_from, weeks, substances, lo, hi, n)
       SELECT id, $6::date, $7::int, s::text[], decode(l, 'base64'), decode(h, 'base64'), decode(c, 'base64')
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u (id, s, l, h, c)`,
      [cols.id, cols.subs, cols.lo, cols.hi, cols.n, w.from, w.weeks],
    );
    for (const k of Object.keys(cols) as (keyof typeof cols)[]) cols[k].length = 0;
  };
  for (const id of ids) {
    const plant = plants.get(id);
    if (!plant || plant.size === 0) continue;
    const subs = [...plant.keys()];
    const arrays = subs.map((s) => plant.get(s)!);
    const cat = (f: (a: WeekArrays) => number[]) => arrays.flatMap(f);
    cols.id.push(id);
    cols.subs.push(`{${subs.join(',')}}`);
    cols.lo.push(toBase64(cat((a) => a.lo), 'f64'));
    cols.hi.push(toBase64(cat((a) => a.hi), 'f64'));
    cols.n.push(toBase64(cat((a) => a.n), 'i32'));
    if (cols.id.length >= 2000) await flush();
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
  const out: PlantMap = new Map();
  for (const [id, plant] of c.plants) out.set(id, new Map([...plant].map(([sub, a]) => [sub, shiftWeeks(w, c.window.from, a)])));
  return out;
}

export function rememberPlants(token: string, window: TrendWindow, plants: PlantMap): void {
  cache = { token, window, plants };
}
