/** Tolerant readers for API answers: the same field may come camelCase or snake_case. */
export function read<T = unknown>(obj: unknown, ...keys: string[]): T | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const o = obj as Record<string, unknown>;
  for (const k of keys) {
    if (o[k] !== undefined && o[k] !== null) return o[k] as T;
    const snake = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (o[snake] !== undefined && o[snake] !== null) return o[snake] as T;
  }
  return undefined;
}

export function formatNumber(v: unknown, lang: string, digits = 0): string {
  const n = Number(v);
  if (v === undefined || v === null || v === '' || !Number.isFinite(n)) return '—';
  return n.toLocaleString(lang, { maximumFractionDigits: digits });
}

/** A calendar date (YYYY-MM-DD or an ISO time) as the user's language writes it: 2026年11月30日, November 30, 2026. */
export function formatDate(v: unknown, lang: string): string {
  if (typeof v !== 'string' || !v) return '—';
  const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(d.getTime())) return v;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: v.length === 10 ? 'UTC' : 'Asia/Shanghai' }).format(d);
}
