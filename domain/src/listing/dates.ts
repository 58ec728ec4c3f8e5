/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'), done in UTC so that no time zone ever shifts a term end.
 * Listing terms are counted in whole years from the listing date (2024-02-29 + 1 year → 2025-02-28).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

function toUtc(s: string): Date {
  const m = ISO_DATE.exec(s);
  if (!m) throw new Error(`not an ISO date: ${s}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
}

const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(s: string, days: number): string {
  const d = toUtc(s);
  d.setUTCDate(d.getUTCDate() + days);
  return fmt(d);
}

/** Whole years, clamping 29 February to 28 February in common years. */
export function addYears(s: string, years: number): string {
  const d = toUtc(s);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fmt(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

export const yearOf = (s: string) => Number(s.slice(0, 4));
export const maxDate = (a: string, b: string) => (a >= b ? a : b);
