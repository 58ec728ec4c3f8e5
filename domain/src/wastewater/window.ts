/**
 * The trend window and the arithmetic of moving a plant's week arrays within it, apart from the SQL that reads
 * and stores them (api/src/wastewater/recompute.ts). A window is `weeks` whole weeks (Monday, China time) ending with the week
 * of `asOf`; week i of a series is the i-th week from `from`.
 */
import { chinaDateOf } from '../time/clock.js';
import { emptyWeeks, type WeekArrays } from './plant.js';
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

/**
 * Week arrays stored for a window starting `storedFrom`, moved onto window `w`: weeks outside `w` are dropped,
 * weeks `w` has and the stored window had not are empty (n = 0).
 */
export function shiftWeeks(w: TrendWindow, storedFrom: string, stored: WeekArrays): WeekArrays {
  const shift = stepOf(w, storedFrom); // the stored week i is week i + shift of w
  if (shift === 0 && stored.n.length === w.weeks) return stored;
  const out = emptyWeeks(w.weeks);
  for (let i = 0; i < stored.n.length; i++) {
    const s = i + shift;
    if (s < 0 || s >= w.weeks || !(stored.n[i]! > 0)) continue;
    out.lo[s] = stored.lo[i]!;
    out.hi[s] = stored.hi[i]!;
    out.n[s] = stored.n[i]!;
  }
  return out;
}

/** shiftWeeks for arrays that already have the window's length, moved in place (by `shift` = stepOf(w, storedFrom)). */
export function shiftWeeksInPlace(a: WeekArrays, shift: number): void {
  const len = a.n.length;
  // Stored week i goes to i + shift: walk so that every week is read before it is overwritten.
  const up = shift <= 0;
  for (let k = 0; k < len; k++) {
    const s = up ? k : len - 1 - k;
    const i = s - shift;
    const keep = i >= 0 && i < len && a.n[i]! > 0;
    a.lo[s] = keep ? a.lo[i]! : 0;
    a.hi[s] = keep ? a.hi[i]! : 0;
    a.n[s] = keep ? a.n[i]! : 0;
  }
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
  // A lab file holds a few sampling times for many rows (a week of a province: 12,696 rows, one time): the
  // calendar arithmetic is done once per distinct time.
  const seen = new Set<string>();
  for (const t of touched) {
    siteIds.add(t.siteId);
    if (seen.has(t.sampledAt)) continue;
    seen.add(t.sampledAt);
    weeks.add(weekStart(t.sampledAt));
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

/** Replace weeks first..last (steps) of `stored` by `fresh` (a week no sample is left in becomes empty). */
export function spliceWeeks(stored: WeekArrays, fresh: WeekArrays | undefined, first: number, last: number): void {
  for (let s = first; s <= last; s++) {
    stored.lo[s] = fresh?.lo[s] ?? 0;
    stored.hi[s] = fresh?.hi[s] ?? 0;
    stored.n[s] = fresh?.n[s] ?? 0;
  }
}

/** Weeks of "as of"'s window that are over: all of them on a Sunday, else all but the week of "as of". */
export function completeWeeks(w: TrendWindow): number {
  const dow = new Date(`${w.asOf}T12:00:00Z`).getUTCDay(); // China-time calendar day: 0 = Sunday
  return dow === 0 ? w.weeks : w.weeks - 1;
}
