/**
 * The trend window and the arithmetic of moving area series within it, apart from the SQL that reads and stores
 * them (api/src/wastewater/recompute.ts). A window is `weeks` whole weeks (Monday, China time) ending with the week
 * of `asOf`; week i of a series is the i-th week from `from`.
 */
import { emptySeries, SIGNAL_KEYS, type AreaSeries, type AreaSeriesMap } from './areal.js';
import { chinaDateOf } from '../time/clock.js';
import { weekStart, windowStart } from './periods.js';

/** Trend window: half a year of weekly values. */
export const DEFAULT_WINDOW_WEEKS = 26;

const WEEK_MS = 7 * 86400e3;

export interface TrendWindow {
  asOf: string;
  weeks: number;
  /** Monday of the first week (YYYY-MM-DD). */
  from: string;
  /** Monday of the last week, the week of asOf. */
  to: string;
}

export function windowOf(asOf: string, weeks: number): TrendWindow {
  return { asOf, weeks, from: windowStart(asOf, weeks), to: weekStart(`${asOf}T12:00:00+08:00`) };
}

/** The index in window `w` of the week starting on Monday `week` (negative or ≥ weeks when outside). */
export const stepOf = (w: TrendWindow, week: string) => Math.round((Date.parse(week + 'T00:00:00Z') - Date.parse(w.from + 'T00:00:00Z')) / WEEK_MS);

/** A stored series (window starting `storedFrom`) moved onto window `w`: weeks outside `w` are dropped. */
export function shiftSeries(w: TrendWindow, storedFrom: string, people: readonly number[], normalised: readonly number[], load: readonly number[]): AreaSeries {
  const shift = stepOf(w, storedFrom); // the stored week i is week i + shift of w
  const a = emptySeries(w.weeks);
  for (let i = 0; i < people.length; i++) {
    const s = i + shift;
    if (s < 0 || s >= w.weeks || !(people[i]! > 0)) continue;
    a.people[s] = people[i]!;
    a.peopleNorm[s] = people[i]! * normalised[i]!;
    a.load[s] = load[i]!;
  }
  return a;
}

export interface TouchedSample {
  siteId: number;
  sampledAt: string;
}

/** The day (YYYY-MM-DD, China time) of the latest sample, the weeks the samples fall in, and their plants. */
export function touchedSummary(touched: readonly TouchedSample[]): { latestDay: string; weeks: Set<string>; siteIds: Set<number> } {
  let latestDay = '';
  const weeks = new Set<string>();
  const siteIds = new Set<number>();
  for (const t of touched) {
    weeks.add(weekStart(t.sampledAt));
    siteIds.add(t.siteId);
    const day = chinaDateOf(t.sampledAt);
    if (day > latestDay) latestDay = day;
  }
  return { latestDay, weeks, siteIds };
}

export interface IncrementalPlan {
  window: TrendWindow;
  /** Whether the window differs from the stored one (every stored series shifts, every signal is recomputed). */
  windowMoved: boolean;
  /** The touched weeks inside the window, first to last (the span first..last is recomputed). */
  weeksInWindow: string[];
}

/**
 * Where an incremental update stands: "as of" is the later of the stored state's and the newest sample's day
 * (unless given); the window moves when that pushes it into a later week or the window length changes.
 */
export function incrementalPlan(
  state: { asOf: string; windowWeeks: number } | null,
  touched: { latestDay: string; weeks: Set<string> },
  weeks: number,
  asOf?: string,
): IncrementalPlan {
  const at = asOf ?? (state && state.asOf > touched.latestDay ? state.asOf : touched.latestDay);
  const window = windowOf(at, weeks);
  const windowMoved = !state || windowOf(state.asOf, state.windowWeeks).from !== window.from || state.windowWeeks !== weeks;
  const weeksInWindow = [...touched.weeks].filter((k) => k >= window.from && k <= window.to).sort();
  return { window, windowMoved, weeksInWindow };
}

/**
 * Replace weeks first..last of the stored series of `areas` with the freshly aggregated ones (a week no plant
 * reported any more becomes empty), creating series that did not exist. Changes `stored` in place.
 */
export function spliceWeeks(stored: AreaSeriesMap, fresh: AreaSeriesMap, areas: readonly string[], w: TrendWindow, first: string, last: string): void {
  const steps: number[] = [];
  for (let s = stepOf(w, first); s <= stepOf(w, last); s++) steps.push(s);
  for (const area of areas) {
    let m = stored.get(area);
    if (!m) stored.set(area, (m = new Map()));
    for (const key of SIGNAL_KEYS) {
      const f = fresh.get(area)?.get(key);
      let a = m.get(key);
      if (!a && !f) continue;
      if (!a) m.set(key, (a = emptySeries(w.weeks)));
      for (const s of steps) {
        a.people[s] = f?.people[s] ?? 0;
        a.peopleNorm[s] = f?.peopleNorm[s] ?? 0;
        a.load[s] = f?.load[s] ?? 0;
      }
    }
  }
}
