/**
 * A grid's monthly figures (counts only, never persons: docs/DOMAIN.md "People: aggregates only") and the checks
 * the officer's phone and the API both apply. The phone runs them as the officer types (it may be offline); the
 * API runs them again on arrival, so a changed or hand-made request gets the same answer.
 *
 *  - refusals: a count that is missing, not a number, not a whole number, negative, larger than the grid's
 *    population, or inconsistent with another count (the same rules as grid_month's CHECK constraints, plus
 *    "no more than the population" and "rehabilitation reports due among the registered");
 *  - warnings: a big jump against last month's figures. Real changes happen (a raid, a move); the officer confirms
 *    they checked, and the office sees the warning with the submission.
 */

export const FIGURE_FIELDS = ['registered', 'underControl', 'riskLow', 'riskMedium', 'riskHigh', 'rehabDue', 'rehabDone'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export type Figures = Record<FigureField, number>;
/** A form in progress: what the officer typed so far (null = empty). */
export type DraftFigures = Partial<Record<FigureField, number | null>>;

/** The API's snake_case names (grid_month's columns), for problem+json `param` and request bodies. */
export const FIELD_PARAM: Record<FigureField, string> = {
  registered: 'registered',
  underControl: 'under_control',
  riskLow: 'risk_low',
  riskMedium: 'risk_medium',
  riskHigh: 'risk_high',
  rehabDue: 'rehab_due',
  rehabDone: 'rehab_done',
};

/** No grid holds more people than this; also the bound when a grid's population is unknown (0). */
export const MAX_COUNT = 100_000;

export type RefusalRule = 'required' | 'notNumber' | 'notWhole' | 'negative' | 'tooLarge' | 'abovePopulation' | 'aboveRegistered' | 'riskSum' | 'aboveRehabDue';
export type WarningRule = 'jump';

export interface FigureRefusal {
  field: FigureField;
  rule: RefusalRule;
  /** Numbers the message needs: the limit, the other field's value, the sum. */
  values: Record<string, number | string>;
}

export interface FigureWarning {
  field: FigureField;
  rule: WarningRule;
  values: { previous: number; value: number; change: number };
}

export interface FigureContext {
  /** The grid's population (grid_cell.population); 0 when unknown, then only MAX_COUNT bounds a count. */
  population: number;
  /** Last month's figures, when the grid reported them. */
  previous?: Figures | null;
}

/** One count on its own: type, whole, sign and size. `raw` is whatever the form or the request carried. */
export function checkCount(field: FigureField, raw: unknown, population: number): FigureRefusal | null {
  if (raw === null || raw === undefined || raw === '') return { field, rule: 'required', values: {} };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { field, rule: 'notNumber', values: { value: String(raw) } };
  if (!Number.isInteger(raw)) return { field, rule: 'notWhole', values: { value: raw } };
  if (raw < 0) return { field, rule: 'negative', values: { value: raw } };
  if (raw > MAX_COUNT) return { field, rule: 'tooLarge', values: { value: raw, max: MAX_COUNT } };
  if (population > 0 && raw > population) return { field, rule: 'abovePopulation', values: { value: raw, population } };
  return null;
}

/** The counts against each other (only once each is a valid count on its own). */
function checkConsistency(f: Figures): FigureRefusal[] {
  const out: FigureRefusal[] = [];
  if (f.underControl > f.registered) out.push({ field: 'underControl', rule: 'aboveRegistered', values: { value: f.underControl, registered: f.registered } });
  if (f.rehabDue > f.registered) out.push({ field: 'rehabDue', rule: 'aboveRegistered', values: { value: f.rehabDue, registered: f.registered } });
  const sum = f.riskLow + f.riskMedium + f.riskHigh;
  if (sum !== f.registered) out.push({ field: 'riskLow', rule: 'riskSum', values: { sum, registered: f.registered } });
  if (f.rehabDone > f.rehabDue) out.push({ field: 'rehabDone', rule: 'aboveRehabDue', values: { value: f.rehabDone, rehabDue: f.rehabDue } });
  return out;
}

/**
 * A jump worth a second look: the count moved by at least half of last month's value and by more than a few
 * people (grids are small: 2 → 4 is +100 % and ordinary, 2 → 12 is not).
 */
export const JUMP_SHARE = 0.5;
export const JUMP_MIN_PEOPLE = 5;

export function jumpWarnings(f: Figures, previous: Figures | null | undefined): FigureWarning[] {
  if (!previous) return [];
  const out: FigureWarning[] = [];
  for (const field of FIGURE_FIELDS) {
    const change = f[field] - previous[field];
    if (Math.abs(change) >= JUMP_MIN_PEOPLE && Math.abs(change) >= JUMP_SHARE * previous[field]) {
      out.push({ field, rule: 'jump', values: { previous: previous[field], value: f[field], change } });
    }
  }
  return out;
}

export type FigureCheck =
  | { ok: true; figures: Figures; warnings: FigureWarning[] }
  | { ok: false; refusals: FigureRefusal[]; warnings: FigureWarning[] };

/** Everything a submission must pass. `input` is untrusted (a request body's `figures`, or the form's state). */
export function checkFigures(input: Record<string, unknown>, ctx: FigureContext): FigureCheck {
  const refusals = FIGURE_FIELDS.map((field) => checkCount(field, input[field], ctx.population)).filter((r): r is FigureRefusal => r !== null);
  if (refusals.length) return { ok: false, refusals, warnings: [] };
  const figures = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, input[f] as number])) as Figures;
  const inconsistent = checkConsistency(figures);
  const warnings = jumpWarnings(figures, ctx.previous);
  return inconsistent.length ? { ok: false, refusals: inconsistent, warnings } : { ok: true, figures, warnings };
}

/** A draft may leave counts empty; the ones given must each be a valid count. */
export function checkDraft(input: Record<string, unknown>, population: number): FigureRefusal[] {
  return FIGURE_FIELDS.filter((f) => input[f] !== null && input[f] !== undefined && input[f] !== '')
    .map((f) => checkCount(f, input[f], population))
    .filter((r): r is FigureRefusal => r !== null);
}

/** Months as 'YYYY-MM' in the API and the page; grid_month stores the first day. */
export const monthStart = (month: string) => `${month}-01`;
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
/** The month a date (YYYY-MM-DD) falls in. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);
