/**
 * The evidence behind an area's listing colour on a date, structured (the page words it): the class the map paints
 * (the same rule as the tiles' LISTING_CLASS_SQL: grade while listed, "recently delisted" for a year after
 * delisting, else none), the listing's events and assessments up to that date, its due dates, and what would
 * change the colour next.
 */
import type { Queryable } from 'db';
import { addDays, CONDITIONS, flagsAt, type ListingFlags } from 'domain/listing';
import type { ListingChange, ListingEvidence } from './schemas.js';
import { findAssessments, findEvents, findListings, type EventView, type ListingView } from './repository.js';

/** A delisted area keeps its blue outline and colour for this many days (LISTING_CLASS_SQL). */
export const RECENTLY_DELISTED_DAYS = 365;

export type { ListingChange, ListingEvidence };

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
