/**
 * Problems and repairs of an import, collected with a cap (a broken file of a million rows must not fill memory)
 * and counted per rule. Errors block the write unless the office accepts their rule (`accept`, only for the rules
 * that are judgements: suspected offsets, gaps, overlaps); repairs are reported and never block.
 */
import type { Geometry } from 'geojson';
import { message, type Lang } from './messages.js';

export interface Problem {
  /** Feature number or spreadsheet row; 0 for the file as a whole. */
  feature: number;
  code: string | null;
  field: string | null;
  rule: string;
  params: Record<string, string | number>;
  /** Where it is, for the map (overlaps, gaps, a point outside its area). */
  geometry?: Geometry;
}

/** Rules an office may accept knowingly; every other problem must be fixed in the file. */
export const ACCEPTABLE_RULES = new Set(['datum_offset_suspected', 'overlap', 'gap', 'outside_parent', 'point_outside_parent']);

export const MAX_LISTED = 1000;

export class ProblemLog {
  readonly problems: Problem[] = [];
  readonly repairs: Problem[] = [];
  readonly counts = new Map<string, number>();
  private readonly badFeatures = new Set<number>();

  constructor(private readonly accepted: ReadonlySet<string> = new Set()) {}

  add(p: Problem): void {
    this.counts.set(p.rule, (this.counts.get(p.rule) ?? 0) + 1);
    if (!this.accepted.has(p.rule)) this.badFeatures.add(p.feature);
    if (this.problems.length < MAX_LISTED) this.problems.push(p);
  }

  repair(p: Problem): void {
    if (this.repairs.length < MAX_LISTED) this.repairs.push(p);
  }

  /** Problems that block a write (not accepted). */
  get blocking(): number {
    let n = 0;
    for (const [rule, c] of this.counts) if (!this.accepted.has(rule)) n += c;
    return n;
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  isBad(feature: number): boolean {
    return this.badFeatures.has(feature);
  }

  isAccepted(rule: string): boolean {
    return this.accepted.has(rule);
  }
}

export interface ReportedProblem {
  feature: number;
  code: string | null;
  field: string | null;
  rule: string;
  message: string;
  accepted?: true;
  params: Record<string, string | number>;
}

export function reportProblem(p: Problem, lang: Lang, accepted: boolean): ReportedProblem {
  return { feature: p.feature, code: p.code, field: p.field, rule: p.rule, message: message(p.rule, p.params, lang), ...(accepted ? { accepted: true as const } : {}), params: p.params };
}
