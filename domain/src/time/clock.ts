/**
 * The one clock for calendar dates. "Today" is the date in China (Asia/Shanghai, UTC+8 all year): a listing
 * decided at 07:00 in Hengyang belongs to that day, not to the previous one as UTC would have it. Every default
 * "as of today", every "not in the future" check and every date taken from a timestamp goes through here, on the
 * server and in the browser alike (pure, browser-safe: Intl only).
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const chinaDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date in China at an instant, YYYY-MM-DD. Years outside 1000–9999 have no such form (Intl would
 * write year 0 as "1" of the era before) and are refused.
 */
export function chinaDateOf(instant: Date | number | string): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  const parts = Object.fromEntries(chinaDateFormat.formatToParts(d).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (parts.era !== undefined || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`no calendar date for ${d.toISOString()}`);
  return date;
}

/** Today in China, YYYY-MM-DD. */
export const chinaToday = (now: Date | number = Date.now()): string => chinaDateOf(now);
