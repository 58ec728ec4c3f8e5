/**
 * Area signals from the plants' own trends (domain/src/wastewater consensus.ts), the divergence flag, and their
 * rows in area_signal. Pure computation apart from the two functions that read enforcement and write rows.
 */
import type { Queryable } from 'db';
import {
  areaLevelOf,
  completeWeeks,
  consensusSummary,
  consensusTrend,
  enforcementTrend,
  isDivergent,
  isMostlyCensored,
  plantSignal,
  SIGNAL_KEYS,
  type AreaTrend,
  type EnforcementMeasure,
  type EnforcementTrend,
  type PlantSignal,
  type PlantWeeks,
  type Share,
  type SignalKey,
  type TrendWindow,
} from 'domain/wastewater';
import type { PlantMap } from './plant-store.js';
import { SQL } from './sql.js';

export interface AreaRef {
  code: string;
  level: string;
  population: number;
}

/** Plants whose signals are computed between two looks at the event loop (a few ms of work at province scale). */
const YIELD_EVERY = 128;

/**
 * A plant's signal as the recompute keeps it until the last area is computed: its trend and latest week, without
 * the weekly series (built for the trend and dropped at once, so that ~15,000 series do not live through the
 * whole update and cost the garbage collector every copy).
 */
export type PlantSignalSummary = Omit<PlantSignal, 'series'>;

/** Each plant's signals, computed once per recompute however many areas it serves. */
export class PlantSignals {
  private readonly memo = new Map<number, (PlantSignalSummary | undefined)[]>();
  private static readonly keyIndex = new Map<SignalKey, number>(SIGNAL_KEYS.map((k, i) => [k, i]));
  constructor(
    private readonly plants: PlantMap,
    private readonly weeks: number,
  ) {}

  /**
   * Plants' signals in plant order while `more()` says so (or all are computed), yielding to the event loop
   * every few hundred plants so that queries issued before run on meanwhile. The rest are computed on demand
   * (get), area by area.
   */
  async computeWhile(more: () => boolean): Promise<void> {
    let k = 0;
    for (const id of this.plants.keys()) {
      if (!more()) return;
      for (const key of SIGNAL_KEYS) this.get(id, key);
      if (++k % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  get(siteId: number, key: SignalKey): PlantSignalSummary {
    let m = this.memo.get(siteId);
    if (!m) this.memo.set(siteId, (m = Array(SIGNAL_KEYS.length)));
    const k = PlantSignals.keyIndex.get(key)!;
    return (m[k] ??= withoutSeries(signalOfPlant(this.plants, siteId, key, this.weeks)));
  }
}

function withoutSeries({ series: _series, ...summary }: PlantSignal): PlantSignalSummary {
  return summary;
}

const NO_WEEKS: PlantWeeks = new Map();
/** A plant's signal of `key` (a plant without stored weeks has none with data). */
const signalOfPlant = (plants: PlantMap, siteId: number, key: SignalKey, weeks: number) => plantSignal(plants.get(siteId) ?? NO_WEEKS, key, weeks);

export interface SignalRow {
  areaCode: string;
  substance: SignalKey;
  trend: string;
  latestLoad: number | null;
  latestCensored: boolean;
  pctChange: number | null;
  senSlope: number | null;
  pValue: number | null;
  nSamples: number;
  coverage: number;
  censoredShare: number;
  kendallS: number | null;
  kendallVar: number | null;
  kendallZ: number | null;
  nPlants: number;
  nPlantsUsed: number;
  panelJoined: number;
  panelLeft: number;
  enforcementTrend: string | null;
  enforcementP: number | null;
  divergent: boolean;
}

/** The consensus of an area's plants for one signal, with the inputs the evidence shows (their series too). */
export function areaTrend(w: TrendWindow, shares: readonly Share[], plants: PlantMap, key: SignalKey): { trend: AreaTrend; signals: PlantSignal[] } {
  const signals = shares.map((sh) => signalOfPlant(plants, sh.siteId, key, w.weeks));
  const trend = consensusTrend(
    shares.map((sh, i) => ({ siteId: sh.siteId, people: sh.people, trend: signals[i]!.trend, firstStep: signals[i]!.firstStep, lastStep: signals[i]!.lastStep })),
    w.weeks,
  );
  return { trend, signals };
}

/**
 * The rows of area_signal for these areas (without enforcement; see withDivergence). The same consensus as
 * areaTrend (consensusSummary, which consensusTrend is made of), without an object per plant, area and signal.
 */
export function computeSignals(w: TrendWindow, areas: readonly AreaRef[], byArea: ReadonlyMap<string, Share[]>, plants: PlantSignals): SignalRow[] {
  const rows: SignalRow[] = [];
  const signals: PlantSignalSummary[] = [];
  let people = new Float64Array(64);
  for (const area of areas) {
    const shares = byArea.get(area.code) ?? [];
    if (people.length < shares.length) people = new Float64Array(shares.length);
    for (let i = 0; i < shares.length; i++) people[i] = shares[i]!.people;
    const areaPeople = people.subarray(0, shares.length);
    signals.length = shares.length;
    for (const key of SIGNAL_KEYS) {
      for (let i = 0; i < shares.length; i++) signals[i] = plants.get(shares[i]!.siteId, key);
      const t = consensusSummary(areaPeople, signals, w.weeks);
      const level = areaLevelOf(areaPeople, signals, w.weeks, area.population);
      const used = t.nUsed;
      rows.push({
        areaCode: area.code,
        substance: key,
        trend: t.category,
        latestLoad: level.latest?.hi ?? null,
        latestCensored: level.latest ? isMostlyCensored(level.latest) : false,
        pctChange: t.pctChange,
        senSlope: t.slope,
        pValue: used ? t.p : null,
        nSamples: t.n,
        coverage: level.coverage,
        censoredShare: Math.min(1, Math.max(0, t.censoredShare)),
        kendallS: used ? t.s : null,
        kendallVar: used ? t.varS : null,
        kendallZ: used ? t.z : null,
        nPlants: t.nWithData,
        nPlantsUsed: used,
        panelJoined: t.panelJoined,
        panelLeft: t.panelLeft,
        enforcementTrend: null,
        enforcementP: null,
        divergent: false,
      });
    }
  }
  return rows;
}

/** Digits of an area's code that its subdivisions share (township 9, county 6, city 4, province 2). */
export const codePrefix = (code: string, level: string) => code.slice(0, ({ township: 9, county: 6, city: 4, province: 2 } as Record<string, number>)[level] ?? 12);

/** Enforcement trends over the complete weeks of window `w`, for the areas given. */
export async function enforcementTrends(db: Queryable, w: TrendWindow, areas: readonly AreaRef[]): Promise<Map<string, EnforcementTrend & { weeks: number; counts: Record<EnforcementMeasure, number[]> }>> {
  const weeks = completeWeeks(w);
  const out = new Map<string, EnforcementTrend & { weeks: number; counts: Record<EnforcementMeasure, number[]> }>();
  if (!areas.length || weeks <= 0) return out;
  const prefixes = areas.map((a) => codePrefix(a.code, a.level));
  const rows = await db.query<{ prefix: string; step: number; inspections: number; checks: number; cases: number }>(SQL.enforcementWeeks, [prefixes, w.from, weeks]);
  const byPrefix = new Map<string, Record<EnforcementMeasure, number[]>>();
  for (const p of prefixes) byPrefix.set(p, { inspections: Array(weeks).fill(0), checks: Array(weeks).fill(0), cases: Array(weeks).fill(0) });
  for (const r of rows) {
    const c = byPrefix.get(r.prefix)!;
    if (r.step < 0 || r.step >= weeks) continue;
    c.inspections[r.step] = r.inspections;
    c.checks[r.step] = r.checks;
    c.cases[r.step] = r.cases;
  }
  areas.forEach((a, i) => {
    const counts = byPrefix.get(prefixes[i]!)!;
    out.set(a.code, { ...enforcementTrend(counts), weeks, counts });
  });
  return out;
}

/**
 * Enforcement beside every index row whose drug trend rises significantly (the only rows that can diverge; the
 * evidence endpoint computes it for any area on request), and the divergence flag.
 */
export async function withDivergence(db: Queryable, w: TrendWindow, rows: SignalRow[], areas: ReadonlyMap<string, AreaRef>): Promise<void> {
  const candidates = rows.filter((r) => r.substance === 'index' && r.trend === 'rising_significant');
  const trends = await enforcementTrends(db, w, candidates.map((r) => areas.get(r.areaCode)!));
  for (const r of candidates) {
    const e = trends.get(r.areaCode);
    if (!e) continue;
    r.enforcementTrend = e.category;
    r.enforcementP = e.measures.length ? e.p : null;
    r.divergent = isDivergent(r.trend, e.category);
  }
}

/**
 * Write computed rows over the stored ones: rows whose values did not change are left as they are (no write, no
 * tile invalidation, computed_at kept: it is when the row's values were last written); the others are updated in
 * place (fillfactor 50, migration 130, so an update stays on its page). Rows not stored yet: pruneSignals, then
 * insertMissingSignals.
 * The rows travel as one parameter, an array of records (signalsLiteral).
 */
export async function updateSignals(db: Queryable, w: TrendWindow, rows: readonly SignalRow[]): Promise<void> {
  if (rows.length) await db.query(SQL.signalsUpdate, [signalsLiteral(rows), w.weeks, [...new Set(rows.map((r) => r.areaCode))]]);
}

/**
 * Before the areas' rows are written: when every area is computed (`all`), the rows of areas no longer current go;
 * returns how many rows the areas have stored, so that insertMissingSignals knows whether any are missing. Run
 * before the writes, not after them, so that it is not left for the end of an import.
 */
export async function pruneSignals(db: Queryable, areaCodes: readonly string[], all: boolean): Promise<number> {
  // One pass counts both the areas' rows and (all) every row: the rows of areas no longer current are the
  // difference, and the DELETE (a scan of the table against the codes) runs only when there are some.
  const [c] = await db.query<{ known: number; total: number }>(
    `SELECT count(*) FILTER (WHERE area_code = ANY ($1::text[]))::int AS known, count(*)::int AS total FROM area_signal WHERE substance = ANY ($2::text[])`,
    [areaCodes, [...SIGNAL_KEYS]],
  );
  const known = c?.known ?? 0;
  if (all && (c?.total ?? 0) > known) {
    await db.query(
      `DELETE FROM area_signal s WHERE s.substance = ANY ($2::text[]) AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS u (a) WHERE u.a = s.area_code)`,
      [areaCodes, [...SIGNAL_KEYS]],
    );
  }
  return known;
}

/**
 * After updateSignals of every row: rows not stored yet (a first recompute, a new area) are inserted, only when
 * the areas had fewer rows stored (pruneSignals) than were computed. Every computed area has a row per signal key
 * (computeSignals).
 */
export async function insertMissingSignals(db: Queryable, w: TrendWindow, rows: readonly SignalRow[], storedBefore: number): Promise<void> {
  if (storedBefore < rows.length) await db.query(SQL.signalsInsert, [signalsLiteral(rows), w.weeks]);
}

/**
 * The rows as the parameter of sql/signals-rows.sql: a PostgreSQL array of area_signal_values records, in that
 * type's column order (migration 155). Every text value here is a code or a catalogue key (digits, letters, `_`),
 * so no value needs quoting inside a record; anything else is refused rather than escaped. Numbers that are not
 * finite go as NULL (as JSON.stringify wrote them before), never as PostgreSQL's 'NaN'.
 */
export function signalsLiteral(rows: readonly SignalRow[]): string {
  // Built by concatenation, not arrays joined: 15,000 rows × 21 values after every import.
  let out = '{';
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    out +=
      (k ? ',"(' : '"(') + word(r.areaCode) + ',' + word(r.substance) + ',' + word(r.trend) + ',' + num(r.latestLoad) + ',' + bool(r.latestCensored) + ',' +
      num(r.pctChange) + ',' + num(r.senSlope) + ',' + num(r.pValue) + ',' + num(r.nSamples) + ',' + num(r.coverage) + ',' + num(r.censoredShare) + ',' +
      num(r.kendallS) + ',' + num(r.kendallVar) + ',' + num(r.kendallZ) + ',' + num(r.nPlants) + ',' + num(r.nPlantsUsed) + ',' + num(r.panelJoined) + ',' +
      num(r.panelLeft) + ',' + word(r.enforcementTrend) + ',' + num(r.enforcementP) + ',' + bool(r.divergent) + ')"';
  }
  return out + '}';
}

/** Words already checked (area codes and keys repeat: an area's code is in seven rows). */
const checkedWords = new Set<string>();
const WORD = /^[A-Za-z0-9_]+$/;
/** A code or key as a record field; NULL (empty) when absent. */
function word(v: string | null): string {
  if (v === null) return '';
  if (checkedWords.has(v)) return v;
  if (!WORD.test(v)) throw new Error(`area_signal value ${JSON.stringify(v)} is not a code or key`);
  if (checkedWords.size > 100_000) checkedWords.clear();
  checkedWords.add(v);
  return v;
}
const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : String(v));
const bool = (v: boolean) => (v ? 't' : 'f');
