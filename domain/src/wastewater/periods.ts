/**
 * Weekly and monthly aggregation of per-sample normalised loads.
 *
 * Buckets are in China Standard Time (UTC+8, no daylight saving): a sample taken at 07:00 on a Monday in Hunan
 * belongs to that Monday's week even though it is still Sunday in UTC. Weeks start on Monday (ISO 8601), months on
 * the 1st; a bucket is named by its first day, 'YYYY-MM-DD'. The same rule is written in SQL (series.sql) as
 * date_trunc('week' | 'month', sampled_at AT TIME ZONE 'Asia/Shanghai').
 *
 * A bucket's value is the mean of its samples' normalised loads (several samples a week are averaged, not summed:
 * each is already a per-day figure). It is "censored" only when every sample in it was below the LOQ, so a chart
 * marks a point as below-LOQ only when there is no measured value behind it at all.
 */
export type Period = 'week' | 'month';

const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

function cstDate(at: Date | string): Date {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) throw new RangeError(`not a timestamp: ${String(at)}`);
  return new Date(t + CST_OFFSET_MS); // read with getUTC* to get the wall clock in China
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** First day (Monday) of the China-time week containing `at`. */
export function weekStart(at: Date | string): string {
  const d = cstDate(at);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return ymd(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - dow * DAY_MS));
}

/** First day of the China-time month containing `at`. */
export function monthStart(at: Date | string): string {
  const d = cstDate(at);
  return ymd(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
}

export function periodStart(period: Period, at: Date | string): string {
  return period === 'week' ? weekStart(at) : monthStart(at);
}

export interface LoadPoint {
  sampledAt: string;
  normalised: number;
  censored: boolean;
}

export interface PeriodValue {
  period: string;
  value: number;
  n: number;
  censoredCount: number;
  /** Every sample in the bucket was below the LOQ. */
  censored: boolean;
}

/** Buckets in time order. */
export function aggregate(points: readonly LoadPoint[], period: Period): PeriodValue[] {
  const buckets = new Map<string, { sum: number; n: number; censored: number }>();
  for (const p of points) {
    const key = periodStart(period, p.sampledAt);
    const b = buckets.get(key) ?? { sum: 0, n: 0, censored: 0 };
    b.sum += p.normalised;
    b.n += 1;
    if (p.censored) b.censored += 1;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, b]) => ({ period: key, value: b.sum / b.n, n: b.n, censoredCount: b.censored, censored: b.censored === b.n }));
}

/** Monday `weeks` weeks before the week of `asOf` (inclusive window start for a trend over `weeks` weeks). */
export function windowStart(asOf: string, weeks: number): string {
  const end = Date.parse(weekStart(`${asOf}T12:00:00+08:00`) + 'T00:00:00Z');
  return ymd(new Date(end - (weeks - 1) * 7 * DAY_MS));
}

/** The Monday `k` weeks after Monday `week` (YYYY-MM-DD). */
export function addWeeks(week: string, k: number): string {
  return ymd(new Date(Date.parse(week + 'T00:00:00Z') + k * 7 * DAY_MS));
}
