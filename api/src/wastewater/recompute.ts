/**
 * Recompute of drug signals over the trend window:
 *   catchment shares (sql/shares.sql) → each plant's weekly values (sql/plant-weeks.sql; stored one row per plant
 *   and week, plant-store.ts) → each plant's own trends (domain plant.ts, censoring in censored.ts) → each area's consensus
 *   of its plants, level, coverage and divergence (area-signals.ts) → area_signal.
 *
 * Serialised: every recompute first takes a transaction-level advisory lock, so two imports at once (or an
 * import and a full recompute) run one after the other instead of colliding on area_signal's key; the second
 * sees the first's rows once it gets the lock (READ COMMITTED: each statement sees what committed before it).
 *
 * Incremental (after an import): the plants' stored weeks of the window (or this process's copy of them) are
 * taken; only the weeks the new samples fall in are re-read, for the plants that sent them, and only those plant
 * weeks are written; the signals of the areas those plants serve are recomputed —
 * all areas when the window moved, since every trend's window did. See README.md for the figures.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from 'db';
import {
  DEFAULT_WINDOW_WEEKS,
  incrementalPlan,
  indexShares,
  spliceWeeks,
  stepOf,
  touchedSummary,
  windowOf,
  type Share,
  type TouchedSample,
  type TrendWindow,
} from 'domain/wastewater';
import { chinaToday } from 'domain/time';
import { computeSignals, insertMissingSignals, PlantSignals, pruneSignals, updateSignals, withDivergence, type AreaRef, type SignalRow } from './area-signals.js';
import { plantWeeksFromSamples, readStoredPlants, rememberPlants, storePlantWeeks, takeCachedPlants, type PlantMap } from './plant-store.js';
import { SQL } from './sql.js';

export { DEFAULT_WINDOW_WEEKS, type TouchedSample };
const STATE_KEY = 'wastewater_recompute';
/** pg_advisory_xact_lock key of the recompute (any fixed bigint; "43" for Hunan, then "ww"). */
export const RECOMPUTE_LOCK = 4_3_7777;

export interface RecomputeOptions {
  /** The day the signals are "as of" (YYYY-MM-DD); default the day of the latest sample (China time). */
  asOf?: string;
  windowWeeks?: number;
  log?: (msg: string) => void;
  /** Part of the recompute done (0..1), after each step: an import's job shows it with an estimate. */
  onProgress?: (part: number) => void;
}

export interface RecomputeResult {
  asOf: string | null;
  windowWeeks: number;
  areas: number;
  signals: number;
  ms: Record<string, number>;
  /** This process's CPU time for the recompute (ms): on a shared machine, less distorted than the wall-clock `ms`. */
  cpuMs?: number;
}

interface State {
  asOf: string;
  windowWeeks: number;
  token?: string;
}

/**
 * Relative cost of each step (measured at province scale), so that progress moves with the time spent: a full
 * recompute reads every plant's window from the samples; an incremental one only the new weeks.
 */
const STEP_WEIGHTS: Record<string, number> = {
  shares: 2, 'read plants': 1, 'plant weeks': 4, 'plant trends': 3, 'read areas and shares': 1, 'area trends': 2, 'write signals': 2,
};

/** The steps of one recompute: their milliseconds (the result's `ms`), the log, and progress by STEP_WEIGHTS. */
class Steps {
  readonly ms: Record<string, number> = {};
  private done = 0;
  private readonly cpu0 = process.cpuUsage();
  constructor(
    private readonly opts: RecomputeOptions,
    private readonly total: number,
  ) {}

  async run<T>(step: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    const out = await fn();
    const took = Math.round(performance.now() - t0);
    this.ms[step] = (this.ms[step] ?? 0) + took;
    this.opts.log?.(`${step}: ${took} ms`);
    this.done += STEP_WEIGHTS[step] ?? 1;
    this.opts.onProgress?.(Math.min(1, this.done / this.total));
    return out;
  }

  cpuMs(): number {
    const c = process.cpuUsage(this.cpu0);
    return Math.round((c.user + c.system) / 1000);
  }
}
const weightOf = (steps: readonly string[]) => steps.reduce((s, k) => s + (STEP_WEIGHTS[k] ?? 1), 0);
const SIGNAL_STEPS = ['plant trends', 'read areas and shares', 'area trends', 'write signals'];
const FULL_WEIGHT = weightOf(['shares', 'plant weeks', ...SIGNAL_STEPS]);
const INCREMENTAL_WEIGHT = weightOf(['read plants', 'plant weeks', ...SIGNAL_STEPS]);

/** Run `fn` in a transaction holding the recompute lock (joining the caller's transaction when given one). */
async function serialised<T>(db: Queryable | Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const run = async (tx: Queryable) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [RECOMPUTE_LOCK]);
    return fn(tx);
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}

export async function rebuildShares(db: Queryable, siteIds: number[] | null = null): Promise<void> {
  if (siteIds) await db.query('DELETE FROM wastewater_catchment_share WHERE site_id = ANY ($1::bigint[])', [siteIds]);
  else await db.query('DELETE FROM wastewater_catchment_share');
  await db.query(SQL.shares, [siteIds]);
  // The shares changed: no process may use the copy it keeps under the stored token any more (a new token, as a
  // recompute's; the plants' copies go with it, which costs a read of the stored plant weeks).
  await db.query(`UPDATE dataset_info SET value = value || jsonb_build_object('token', $2::text) WHERE key = $1`, [STATE_KEY, randomUUID()]);
  sharesCache = null;
}

/**
 * Every catchment share as this process last read them under a recompute's token (the same rule as the plants'
 * copy in plant-store.ts: used only while dataset_info still holds that token). Only rebuildShares writes
 * shares, and it changes the token. An update after an import then reads none of the ~19,000 rows at province
 * scale.
 */
let sharesCache: { token: string; shares: Share[] } | null = null;

export async function readShares(db: Queryable, opts: { siteIds?: number[]; areaCodes?: string[] } = {}): Promise<Share[]> {
  const rows = await db.query<{ r: [number, string, number, number] }>(
    `SELECT json_build_array(site_id, area_code, share, people) AS r FROM wastewater_catchment_share
     WHERE ($1::bigint[] IS NULL OR site_id = ANY ($1::bigint[])) AND ($2::text[] IS NULL OR area_code = ANY ($2::text[]))`,
    [opts.siteIds ?? null, opts.areaCodes ?? null],
  );
  return rows.map(({ r }) => ({ siteId: r[0], areaCode: r[1], share: r[2], people: r[3] }));
}

/** Current township-and-above areas (those given, or all). */
export async function readAreas(db: Queryable, codes: string[] | null): Promise<AreaRef[]> {
  return db.query<AreaRef>(
    `SELECT code, level, population FROM admin_area WHERE valid_to IS NULL AND level IN ('province', 'city', 'county', 'township')
       AND ($1::text[] IS NULL OR code = ANY ($1::text[])) ORDER BY code`,
    [codes],
  );
}

async function latestSampleDay(db: Queryable): Promise<string | null> {
  const [r] = await db.query<{ d: string | null }>(`SELECT (max(sampled_at) AT TIME ZONE 'Asia/Shanghai')::date AS d FROM wastewater_sample`);
  return r?.d ?? null;
}

export async function recomputeState(db: Queryable): Promise<State | null> {
  const [r] = await db.query<{ value: State }>('SELECT value FROM dataset_info WHERE key = $1', [STATE_KEY]);
  return r?.value ?? null;
}

/** `allShares`: every share, as the recompute read them; 'unchanged' keeps this process's copy of them, if any, under the new token. */
async function saveState(db: Queryable, w: TrendWindow, plants: PlantMap, previousToken: string | undefined, allShares: Share[] | 'unchanged'): Promise<void> {
  const token = randomUUID();
  await db.query(
    `INSERT INTO dataset_info (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [STATE_KEY, JSON.stringify({ asOf: w.asOf, windowWeeks: w.weeks, token, at: new Date().toISOString() } satisfies State & { at: string })],
  );
  rememberPlants(token, w, plants);
  if (allShares !== 'unchanged') sharesCache = { token, shares: allShares };
  else sharesCache = sharesCache && sharesCache.token === previousToken ? { token, shares: sharesCache.shares } : null;
}

/** Townships per part: each part's rows (7 per township) are written while the next part is computed. */
const TOWNSHIPS_PER_PART = 600;
/** Areas computed between two looks at the event loop (a few ms of work). */
const AREAS_PER_SLICE = 40;

/**
 * The areas in the order their rows are computed and written: townships first, in parts (each needs only its own
 * plants' signals), then the counties, cities and province in one last part (they need every plant's).
 */
export function writeParts(areas: readonly AreaRef[]): AreaRef[][] {
  const townships = areas.filter((a) => a.level === 'township');
  const parts: AreaRef[][] = [];
  for (let i = 0; i < townships.length; i += TOWNSHIPS_PER_PART) parts.push(townships.slice(i, i + TOWNSHIPS_PER_PART));
  const above = areas.filter((a) => a.level !== 'township');
  if (above.length) parts.push(above);
  return parts;
}

/**
 * Signals of the areas given (all when null) from the plants, written to area_signal. `pending`: writes issued
 * before (the plant weeks being stored). On a machine with two cores, PostgreSQL's work and this process's overlap:
 * plants' trends are computed while the plant weeks are stored and the areas read; then the areas' rows are
 * computed part by part (writeParts), each part written (its divergence first) while the next is computed, so
 * that PostgreSQL writes from the first township part on instead of after every plant's trend. The computations
 * yield now and then, so that the queued statements are sent on.
 */
async function signalsFor(db: Queryable, w: TrendWindow, plants: PlantMap, areaCodes: string[] | null, steps: Steps, pending: Promise<unknown>, token: string | undefined) {
  // Every share, from this process's copy when the stored token is still the one it was read under.
  const known = areaCodes === null && token && sharesCache?.token === token ? sharesCache.shares : null;
  // One statement at a time on the transaction's connection (node-postgres deprecates queueing a query while
  // another runs): the writes issued before, then the reads, then each part's writes, as one chain that runs
  // while this process computes.
  let readDone = false;
  const read = started(
    pending
      .then(async () => {
        const areas = await readAreas(db, areaCodes);
        const shares = known ?? (await readShares(db, areaCodes ? { areaCodes } : {}));
        return [areas, shares] as const;
      })
      .finally(() => (readDone = true)),
  );
  const plantSignals = new PlantSignals(plants, w.weeks);
  await steps.run('plant trends', () => plantSignals.computeWhile(() => !readDone));
  const [areas, shares] = await steps.run('read areas and shares', () => read);
  const { byArea } = indexShares(shares);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const rows: SignalRow[] = [];
  const storedBefore = started(read.then(() => pruneSignals(db, areas.map((a) => a.code), areaCodes === null)));
  let written: Promise<unknown> = storedBefore;
  await steps.run('area trends', async () => {
    for (const areasOfPart of writeParts(areas)) {
      // Computed a few dozen areas at a time with a look at the event loop in between: the part before is still
      // being sent (its rows are ~0.5 MB, more than the socket takes at once) and answered meanwhile; a part
      // computed in one go held PostgreSQL up for its whole computation.
      const part: SignalRow[] = [];
      for (let i = 0; i < areasOfPart.length; i += AREAS_PER_SLICE) {
        part.push(...computeSignals(w, areasOfPart.slice(i, i + AREAS_PER_SLICE), byArea, plantSignals));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      rows.push(...part);
      written = started(written.then(() => withDivergence(db, w, part, byCode)).then(() => updateSignals(db, w, part)));
    }
  });
  await steps.run('write signals', async () => {
    await written;
    await insertMissingSignals(db, w, rows, await storedBefore);
  });
  return { areas: areas.length, signals: rows.length, allShares: areaCodes === null ? shares : ('unchanged' as const) };
}

/** Start `p` without waiting for it: a failure surfaces where it is awaited (signalsFor), not as an unhandled rejection. */
function started<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

/** Full recompute: shares, every plant's window from the samples, every area's signals. */
export function recomputeAll(db: Queryable | Database, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  return serialised(db, (tx) => fullRecompute(tx, opts));
}

async function fullRecompute(tx: Queryable, opts: RecomputeOptions): Promise<RecomputeResult> {
  const steps = new Steps(opts, FULL_WEIGHT);
  const weeks = opts.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
  await steps.run('shares', () => rebuildShares(tx));
  const asOf = opts.asOf ?? (await latestSampleDay(tx)) ?? chinaToday();
  const w = windowOf(asOf, weeks);
  const plants = await steps.run('plant weeks', () => plantWeeksFromSamples(tx, w, null));
  const stored = started(storePlantWeeks(tx, w, plants, [...plants.keys()], 0, w.weeks - 1, true));
  const { allShares, ...r } = await signalsFor(tx, w, plants, null, steps, stored, undefined);
  await saveState(tx, w, plants, undefined, allShares);
  return { asOf, windowWeeks: weeks, ...r, ms: steps.ms, cpuMs: steps.cpuMs() };
}

/**
 * After a data import that changed what the signals rest on (sites, catchments, grid cells, area populations and
 * boundaries), inside the import's transaction: shares and everything after them again, with the window ("as of"
 * and length) of the last recompute. Nothing when no recompute has run yet: there are no signals to keep current.
 */
export function recomputeAfterDataChange(db: Queryable | Database, opts: Pick<RecomputeOptions, 'log' | 'onProgress'> = {}): Promise<RecomputeResult | null> {
  return serialised(db, async (tx) => {
    const state = await recomputeState(tx);
    return state ? fullRecompute(tx, { ...opts, asOf: state.asOf, windowWeeks: state.windowWeeks }) : null;
  });
}

/**
 * Incremental update after new samples (inside the import's transaction). The weeks they fall in are re-read for
 * the plants that sent them; the signals of the areas those plants serve are recomputed (all areas when "as of"
 * moved the window into a later week).
 */
export function recomputeTouched(db: Queryable | Database, touched: readonly TouchedSample[], opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  return serialised(db, async (tx) => {
    const steps = new Steps(opts, INCREMENTAL_WEIGHT);
    const state = await recomputeState(tx);
    const weeks = opts.windowWeeks ?? state?.windowWeeks ?? DEFAULT_WINDOW_WEEKS;
    if (!touched.length) return { asOf: state?.asOf ?? null, windowWeeks: weeks, areas: 0, signals: 0, ms: steps.ms };
    // Nothing computed yet, or another window length: the stored weeks cannot serve, start from the samples.
    if (!state?.token || state.windowWeeks !== weeks) return fullRecompute(tx, { ...opts, windowWeeks: weeks });
    const summary = touchedSummary(touched);
    const { window: w, windowMoved, weeksInWindow } = incrementalPlan(state, summary, weeks, opts.asOf);
    const plants = await steps.run('read plants', async () => takeCachedPlants(state?.token, w) ?? readStoredPlants(tx, w));
    const siteIds = [...summary.siteIds];
    let stored: Promise<unknown> = Promise.resolve();
    if (weeksInWindow.length) {
      // The span from the first to the last touched week is re-read (all of it, should the import skip some).
      const first = weeksInWindow[0]!;
      const last = weeksInWindow[weeksInWindow.length - 1]!;
      const fresh = await steps.run('plant weeks', () => plantWeeksFromSamples(tx, w, siteIds, first, last));
      const firstStep = stepOf(w, first);
      const lastStep = stepOf(w, last);
      for (const id of siteIds) {
        let plant = plants.get(id);
        if (!plant) plants.set(id, (plant = new Map()));
        const f = fresh.get(id);
        for (const sub of new Set([...plant.keys(), ...(f?.keys() ?? [])])) {
          let stored = plant.get(sub);
          if (!stored) plant.set(sub, (stored = { lo: Array(w.weeks).fill(0), hi: Array(w.weeks).fill(0), n: Array(w.weeks).fill(0) }));
          spliceWeeks(stored, f?.get(sub), firstStep, lastStep);
        }
      }
      stored = started(storePlantWeeks(tx, w, plants, siteIds, firstStep, lastStep));
    }
    // After the plant weeks' writes (one statement at a time on the connection, see signalsFor).
    const areaCodes = windowMoved ? null : [...new Set((await stored.then(() => readShares(tx, { siteIds }))).map((s) => s.areaCode))];
    const { allShares, ...r } = await signalsFor(tx, w, plants, areaCodes, steps, stored, state.token);
    await saveState(tx, w, plants, state.token, allShares);
    return { asOf: w.asOf, windowWeeks: weeks, ...r, ms: steps.ms, cpuMs: steps.cpuMs() };
  });
}
