/**
 * What a listing needs next, as of a date: yearly assessment due dates, term ends, extensions used up, and the
 * "due work" list the office works through. Pure; reads the same records as rules.ts.
 */
import { addYears, daysBetween } from './dates.js';
import { TERMS, type AssessmentRecord, type ListingRecord } from './rules.js';

/** Art. 19: assessment is yearly, counted from the last assessment (or from the listing date). Null once closed. */
export function nextAssessmentDue(l: ListingRecord, assessments: readonly AssessmentRecord[], asOf: string): string | null {
  if (l.status === 'delisted' && l.delistedOn! <= asOf) return null;
  let last = l.listedOn;
  for (const a of assessments) if (a.assessedOn <= asOf && a.assessedOn > last) last = a.assessedOn;
  return addYears(last, 1);
}

export interface ListingFlags {
  /** Yearly assessment not recorded by its due date. */
  assessmentOverdue: boolean;
  nextAssessmentDue: string | null;
  /** The term has ended and no decision (extend, downgrade, delist) has been recorded. */
  termExpired: boolean;
  /** No extension left: already extended, or a grade without one. */
  extensionUsedUp: boolean;
  /** Art. 13: unresolved at the end of the extension, the area stays listed. */
  continuing: boolean;
}

export function flagsAt(l: ListingRecord, assessments: readonly AssessmentRecord[], asOf: string): ListingFlags {
  const active = l.status !== 'delisted' || l.delistedOn! > asOf;
  const due = nextAssessmentDue(l, assessments, asOf);
  return {
    assessmentOverdue: active && due !== null && due < asOf,
    nextAssessmentDue: active ? due : null,
    termExpired: active && l.termEndsOn < asOf,
    extensionUsedUp: l.extended || TERMS[l.grade].extensionYears === 0,
    continuing: active && l.extended && l.termEndsOn < asOf,
  };
}

export type DueKind = 'term_ending' | 'term_expired' | 'continuing' | 'assessment_due' | 'assessment_overdue' | 'extension_used_up';

export interface DueItem {
  kind: DueKind;
  /** The date the work falls due. */
  dueOn: string;
  /** Days from asOf to dueOn: negative when overdue. */
  days: number;
}

/**
 * Due work of one active listing within `withinDays` of `asOf`:
 *  - term_ending: the term ends within the window (decide: extend, downgrade or delist);
 *  - term_expired: the term has ended with no decision; continuing: ended after the extension (stays listed);
 *  - assessment_due / assessment_overdue: the yearly assessment;
 *  - extension_used_up: a term ending within the window that cannot be extended (only delist/downgrade/continue).
 */
export function dueWork(l: ListingRecord, assessments: readonly AssessmentRecord[], asOf: string, withinDays: number): DueItem[] {
  const f = flagsAt(l, assessments, asOf);
  if (l.status === 'delisted' && l.delistedOn! <= asOf) return [];
  const out: DueItem[] = [];
  const item = (kind: DueKind, dueOn: string) => out.push({ kind, dueOn, days: daysBetween(asOf, dueOn) });
  const toEnd = daysBetween(asOf, l.termEndsOn);
  if (f.continuing) item('continuing', l.termEndsOn);
  else if (f.termExpired) item('term_expired', l.termEndsOn);
  else if (toEnd <= withinDays) item('term_ending', l.termEndsOn);
  if (f.extensionUsedUp && !f.continuing && toEnd <= withinDays) item('extension_used_up', l.termEndsOn);
  if (f.nextAssessmentDue) {
    if (f.assessmentOverdue) item('assessment_overdue', f.nextAssessmentDue);
    else if (daysBetween(asOf, f.nextAssessmentDue) <= withinDays) item('assessment_due', f.nextAssessmentDue);
  }
  return out;
}
