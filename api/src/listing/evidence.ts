/**
 * The evidence behind an area's listing colour on a date, structured (the page words it): the class the map paints
 * (the same rule as the tiles' LISTING_CLASS_SQL: grade while listed, "recently delisted" for a year after
 * delisting, else none), the listing's events and assessments up to that date, its due dates, and what would
 * change the colour next.
 */
import type { Queryable } from 'db';
import { addDays, CONDITIONS, flagsAt, type ListingFlags } from 'domain/listing';
import { findAssessments, findEvents, findListings, type EventView, type ListingView } from './repository.js';

/** A delisted area keeps its blue outline and colour for this many days (LISTING_CLASS_SQL). */
export const RECENTLY_DELISTED_DAYS = 365;

export type ListingChange =
  /** Not listed: a committee's listing decision would colour it. */
  | { code: 'listing_decision' }
  /** Listed: the yearly assessment is due on `on` (delisting needs all six conditions met). */
  | { code: 'assessment_due'; on: string; conditionsMet: number | null }
  /** Listed: the term ends on `on`; then extend (if any extension is left), downgrade, delist, or it continues. */
  | { code: 'term_ends'; on: string; extensionLeft: boolean }
  /** Recently delisted: the colour returns to "not listed" on `on`, unless it is listed again. */
  | { code: 'delisted_colour_ends'; on: string };

export interface ListingEvidence {
  asOf: string;
  class: string;
  listing: Pick<ListingView, 'id' | 'grade' | 'status' | 'body' | 'categories' | 'listedOn' | 'termEndsOn' | 'delistedOn' | 'extended'> | null;
  events: Pick<EventView, 'kind' | 'onDate' | 'grade' | 'status' | 'termEndsOn'>[];
  assessments: { year: number; assessedOn: string; conditionsMet: number; conditions: Record<string, boolean> }[];
  flags: ListingFlags | null;
  changes: ListingChange[];
}

export async function listingEvidence(db: Queryable, areaCode: string, asOf: string, scopePrefix: string): Promise<ListingEvidence> {
  const listings = (await findListings(db, { asOf, scopePrefix, areaPrefix: areaCode })).filter((l) => l.areaCode === areaCode);
  // The area's latest listing on that date (the one listing_state_at() colours by).
  const l = listings.sort((a, b) => (a.listedOn < b.listedOn ? 1 : a.listedOn > b.listedOn ? -1 : b.id - a.id))[0];
  if (!l) return { asOf, class: 'none', listing: null, events: [], assessments: [], flags: null, changes: [{ code: 'listing_decision' }] };
  const [events, assessments] = await Promise.all([findEvents(db, l.id, asOf), findAssessments(db, [l.id], asOf)]);
  const active = l.status !== 'delisted';
  const colourEnds = l.delistedOn ? addDays(l.delistedOn, RECENTLY_DELISTED_DAYS) : null;
  const cls = active ? l.grade : colourEnds && asOf < colourEnds ? 'recently_delisted' : 'none';
  const flags = flagsAt(l, assessments, asOf);
  const last = [...assessments].sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0];
  const met = (c: Record<string, boolean>) => CONDITIONS.filter((k) => c[k]).length;
  const changes: ListingChange[] = [];
  if (active) {
    if (flags.nextAssessmentDue) changes.push({ code: 'assessment_due', on: flags.nextAssessmentDue, conditionsMet: last ? met(last.conditions) : null });
    changes.push({ code: 'term_ends', on: l.termEndsOn, extensionLeft: !flags.extensionUsedUp });
  } else if (cls === 'recently_delisted') changes.push({ code: 'delisted_colour_ends', on: colourEnds! });
  else changes.push({ code: 'listing_decision' });
  return {
    asOf,
    class: cls,
    listing: { id: l.id, grade: l.grade, status: l.status, body: l.body, categories: l.categories, listedOn: l.listedOn, termEndsOn: l.termEndsOn, delistedOn: l.delistedOn, extended: l.extended },
    events: events.map((e) => ({ kind: e.kind, onDate: e.onDate, grade: e.grade, status: e.status, termEndsOn: e.termEndsOn })),
    assessments: assessments.map((a) => ({ year: a.year, assessedOn: a.assessedOn, conditionsMet: met(a.conditions), conditions: a.conditions })),
    flags: active ? flags : null,
    changes,
  };
}
