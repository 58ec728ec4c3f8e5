/**
 * Opening hours of firms and venues (营业时间), as offices write them, parsed into weekly windows and stored in one
 * canonical text. The notation is the weekly subset of OpenStreetMap's opening_hours, plus the Chinese spellings
 * offices use in their spreadsheets:
 *
 *   Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00; Su off       周一至周五 8:00-12:00，14:00-18:00；周六 9:00-12:00；周日休息
 *   24/7                                                          全天 / 24小时 / 每天 00:00-24:00
 *   Mo-Su 20:00-02:00        (past midnight: the night's hours belong to the next day's early morning)
 *
 * Why not the `opening_hours` npm package: it evaluates in the runtime's local time zone (a server in UTC would
 * shift every window by 8 hours), it does not read the Chinese spellings, and holidays, sunrise and week numbers are
 * not in offices' data. A rule later in the text replaces the days it names (as in OSM): "Mo-Su 9:00-17:00; Su off".
 */

/** Minutes after local midnight, [open, close), close ≤ 1440. */
export type Window = readonly [number, number];
/** Monday … Sunday, each day's windows sorted and not overlapping. */
export type WeeklyHours = readonly (readonly Window[])[];

export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const ZH_DAYS: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6 };
export const MAX_OPENING_HOURS_LENGTH = 200;

export type HoursError = { ok: false; error: 'too_long' | 'bad_days' | 'bad_time' | 'empty' ; at: string };
export type HoursResult = { ok: true; hours: WeeklyHours; canonical: string } | HoursError;

/** Chinese and full-width spellings to the OSM ones, so one grammar reads both. */
function normalise(text: string): string {
  return text
    .replace(/[：]/g, ':')
    .replace(/[；;\n]/g, ';')
    .replace(/[，、]/g, ',')
    .replace(/[－—–~～至到]/g, '-')
    .replace(/(?:周|星期|礼拜)([一二三四五六日天七])/g, (_, d: string) => DAY_CODES[ZH_DAYS[d]!]!)
    .replace(/每天|每日|天天/g, 'Mo-Su')
    .replace(/工作日/g, 'Mo-Fr')
    .replace(/(?:休息|不营业|关闭|闭店|停业)/g, 'off')
    .replace(/^\s*(?:24\/7|全天|24\s*小时(?:营业)?)\s*$/i, 'Mo-Su 00:00-24:00')
    .replace(/(?:全天|24\s*小时)/g, '00:00-24:00')
    .trim();
}

function parseDays(s: string): number[] | null {
  const days = new Set<number>();
  for (const part of s.split(',')) {
    const m = /^([A-Z][a-z])(?:-([A-Z][a-z]))?$/.exec(part.trim());
    if (!m) return null;
    const a = DAY_CODES.indexOf(m[1] as (typeof DAY_CODES)[number]);
    const b = m[2] ? DAY_CODES.indexOf(m[2] as (typeof DAY_CODES)[number]) : a;
    if (a < 0 || b < 0) return null;
    // Fr-Mo wraps over the weekend, as in OSM.
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days];
}

const TIME = /^(\d{1,2}):(\d{2})$/;
function minutes(s: string): number | null {
  const m = TIME.exec(s.trim());
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}

/** Merge overlapping or touching windows of one day, sorted by opening time. */
function merge(ws: Window[]): Window[] {
  const sorted = [...ws].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Parse an office's text; on success also the canonical spelling that is stored. */
export function parseOpeningHours(text: string): HoursResult {
  if (text.length > MAX_OPENING_HOURS_LENGTH) return { ok: false, error: 'too_long', at: text.slice(0, 20) };
  const norm = normalise(text);
  if (!norm) return { ok: false, error: 'empty', at: '' };
  const week: Window[][] = DAY_CODES.map(() => []);
  for (const rule of norm.split(';').map((r) => r.trim()).filter(Boolean)) {
    // "08:00-12:00" alone means every day; otherwise the day part ends at the first space before a time or "off".
    const m = /^((?:[A-Z][a-z](?:-[A-Z][a-z])?\s*,?\s*)+)?\s*(.*)$/.exec(rule)!;
    const days = m[1] ? parseDays(m[1].replace(/\s+/g, '').replace(/,$/, '')) : [0, 1, 2, 3, 4, 5, 6];
    if (!days) return { ok: false, error: 'bad_days', at: rule };
    const body = m[2]!.trim();
    const windows: Window[] = [];
    const spill: Window[] = [];
    if (body !== 'off' && body !== 'closed') {
      for (const span of body.split(',')) {
        const [from, to, extra] = span.split('-');
        const a = from !== undefined ? minutes(from) : null;
        const b = to !== undefined ? minutes(to) : null;
        if (a === null || b === null || extra !== undefined || a === b || a >= 1440) return { ok: false, error: 'bad_time', at: span.trim() || rule };
        if (b > a) windows.push([a, b]);
        else {
          windows.push([a, 1440]);
          if (b > 0) spill.push([0, b]);
        }
      }
    }
    for (const d of days) {
      week[d] = [...windows];
    }
    // A night's hours past midnight open the next morning (added after the rule replaced that day's own hours).
    for (const d of days) week[(d + 1) % 7]!.push(...spill);
  }
  const hours = week.map(merge);
  return { ok: true, hours, canonical: formatOpeningHours(hours) };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Canonical text: consecutive days with the same windows grouped ("Mo-Fr 08:00-18:00; Sa,Su off"), and a night
 * that runs past midnight written as one span ("Mo-Su 14:00-02:00"), as offices write it.
 */
export function formatOpeningHours(hours: WeeklyHours): string {
  if (hours.every((ws) => ws.length === 1 && ws[0]![0] === 0 && ws[0]![1] === 1440)) return '24/7';
  // Day d's early-morning window belongs to the night before when that night runs to midnight.
  const carried = (d: number) => {
    const first = hours[d]![0];
    const before = hours[(d + 6) % 7]!;
    const last = before[before.length - 1];
    return !!first && first[0] === 0 && first[1] < 1440 && !!last && last[1] === 1440 && last[0] > 0;
  };
  const spans = hours.map((ws, d) => {
    const own = carried(d) ? ws.slice(1) : ws;
    return own.map(([a, b], i) => `${hhmm(a)}-${hhmm(i === own.length - 1 && b === 1440 && carried((d + 1) % 7) ? hours[(d + 1) % 7]![0]![1] : b)}`);
  });
  const key = (d: number) => (spans[d]!.length ? spans[d]!.join(',') : 'off');
  const rules: string[] = [];
  let d = 0;
  while (d < 7) {
    let e = d;
    while (e + 1 < 7 && key(e + 1) === key(d)) e++;
    rules.push(`${e === d ? DAY_CODES[d] : `${DAY_CODES[d]}-${DAY_CODES[e]}`} ${key(d)}`);
    d = e + 1;
  }
  return rules.join('; ');
}

/** Monday = 0 … Sunday = 6 of an ISO date (a calendar date: no time zone involved). */
export function weekdayOf(isoDate: string): number {
  return (new Date(isoDate + 'T00:00:00Z').getUTCDay() + 6) % 7;
}

/** The windows of a date; null hours (not known) mean no constraint, i.e. open all day. */
export function windowsOn(hours: WeeklyHours | null, isoDate: string): readonly Window[] {
  return hours ? hours[weekdayOf(isoDate)]! : [[0, 1440]];
}

export { hhmm as minutesToClock };
