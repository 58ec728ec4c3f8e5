/** The answer of GET /api/overview as the wall reads it (api/src/overview/routes.ts), and its display helpers. */
export interface Overview {
  asOf: string;
  jurisdiction: string;
  listings: { key_rectification: number; key_supervision: number; key_attention: number; past_term: number; term_ending_30d: number; delisted_12m: number };
  signals: { townshipsByTrend: Record<string, number>; topRising: { code: string; name: string; trend: string; pctChange: number | null; coverage: number }[] };
  checkpoints: { days: number; checkpoints: number; vehicles: number; people: number; cases: number; precursors_kg: number; seized_kg: Record<string, number> };
  inspections: { firms_overdue: number; firms_due_7d: number; venues_overdue: number; venues_due_7d: number };
  people: { month: string | null; controlRate: number | null; rehabExecutionRate: number | null } | null;
  generatedAt: string;
}

/** 0.98774 → "98.8%"; null (no one registered / due) → "—" rather than a made-up 0 %. */
export function percent(rate: number | null | undefined, lang: string): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

export function count(n: number | null | undefined, lang: string): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(lang).format(n);
}

/** Total seized kilograms over all drugs. */
export function seizedKg(seized: Record<string, number> | undefined): number {
  return Math.round(Object.values(seized ?? {}).reduce((a, b) => a + b, 0) * 10) / 10;
}

/** HH:MM in the wall's local time. */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
