/**
 * The inspection schedule of firms and venues, in one place: next due = last inspection + the target's interval.
 * A target never inspected counts from NEVER_INSPECTED_FROM, so it is long overdue. The database states the same
 * rule once, as inspection_next_due() (migrations/080_inspection_due.sql), for the queries that need it in SQL.
 */
export const NEVER_INSPECTED_FROM = '2000-01-01';

const DAY_MS = 86_400_000;

export function nextDueDate(lastInspectedOn: string | null, everyDays: number): string {
  const from = Date.parse((lastInspectedOn ?? NEVER_INSPECTED_FROM) + 'T00:00:00Z');
  return new Date(from + everyDays * DAY_MS).toISOString().slice(0, 10);
}
