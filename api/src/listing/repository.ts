/**
 * Listing SQL: reading listings as they stood on any date (from listing_event), and writing one action's rows.
 * No rules here: service.ts asks rules.ts and then calls these inside one transaction.
 */
import { eq } from 'drizzle-orm';
import type { Queryable } from 'db';
import { listing, listingAssessment, listingEvent } from 'db/schema';
import {
  type AssessmentRecord,
  type EventDraft,
  type ListingRecord,
  type AreaLevel,
  type Body,
  type Category,
  type Condition,
  type Grade,
  type Status,
  CONDITIONS,
} from 'domain/listing';
import { inScopeSql } from '../users/scope.js';

export interface ListingView extends ListingRecord {
  id: number;
  areaName: string | null;
  areaLevel: AreaLevel | null;
}

export interface ListingFilter {
  asOf: string;
  /** Jurisdiction prefix of the reader: only areas under it. */
  scopePrefix: string;
  /** Further narrowing to an area's prefix. */
  areaPrefix?: string;
  grade?: Grade;
  /** A status, or 'active' for anything not delisted. */
  status?: Status | 'active';
  ids?: number[];
}

/**
 * The state of each listing at $1 is its last event on or before $1 (events store the state after them), the same
 * rule as the SQL function listing_state_at() that the tiles use.
 */
const LISTINGS_AS_OF = `
SELECT l.id, l.area_code AS "areaCode", a.name AS "areaName", a.level AS "areaLevel", l.body, l.categories,
       l.listed_on AS "listedOn", l.relisted_from AS "relistedFrom",
       e.grade, e.status, e.term_ends_on AS "termEndsOn", e.on_date AS "lastEventOn",
       CASE WHEN e.status = 'delisted' THEN e.on_date END AS "delistedOn",
       d.extended, d.decided_on AS "decidedOn"
FROM listing l
JOIN LATERAL (
  SELECT grade, status, term_ends_on, on_date FROM listing_event e
  WHERE e.listing_id = l.id AND e.on_date <= $1 ORDER BY e.on_date DESC, e.id DESC LIMIT 1
) e ON true
CROSS JOIN LATERAL (
  SELECT coalesce(bool_or(x.kind = 'extended'), false) AS extended,
         max(x.on_date) FILTER (WHERE x.kind <> 'assessed') AS decided_on
  FROM listing_event x WHERE x.listing_id = l.id AND x.on_date <= $1
) d
LEFT JOIN admin_area a ON a.code = l.area_code AND a.valid_to IS NULL
WHERE l.listed_on <= $1 AND ${inScopeSql('l.area_code', '$2')}`;

/** Small builder for the optional filters: each adds one parameter. */
function whereFilters(f: ListingFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (sql: (n: string) => string, v: unknown) => {
    params.push(v);
    parts.push(sql(`$${params.length}`));
  };
  if (f.areaPrefix) add((p) => inScopeSql('l.area_code', p), f.areaPrefix);
  if (f.grade) add((p) => `e.grade = ${p}`, f.grade);
  if (f.status === 'active') parts.push(`e.status <> 'delisted'`);
  else if (f.status) add((p) => `e.status = ${p}`, f.status);
  if (f.ids) add((p) => `l.id = ANY(${p}::bigint[])`, f.ids);
  return parts.map((p) => ` AND ${p}`).join('');
}

export async function findListings(db: Queryable, f: ListingFilter): Promise<ListingView[]> {
  const params: unknown[] = [f.asOf, f.scopePrefix];
  const sql = `${LISTINGS_AS_OF}${whereFilters(f, params)} ORDER BY l.area_code, l.listed_on, l.id`;
  return db.query<ListingView>(sql, params);
}

export async function findListing(db: Queryable, id: number, f: Omit<ListingFilter, 'ids'>): Promise<ListingView | null> {
  const [row] = await findListings(db, { ...f, ids: [id] });
  return row ?? null;
}

export interface AssessmentView extends AssessmentRecord {
  id: number;
  listingId: number;
}

export async function findAssessments(db: Queryable, listingIds: number[], asOf: string): Promise<AssessmentView[]> {
  if (!listingIds.length) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, listing_id, year, assessed_on, ${CONDITIONS.join(', ')}, notes FROM listing_assessment
     WHERE listing_id = ANY($1::bigint[]) AND assessed_on <= $2 ORDER BY listing_id, assessed_on`,
    [listingIds, asOf],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    listingId: Number(r.listing_id),
    year: Number(r.year),
    assessedOn: r.assessed_on as string,
    conditions: Object.fromEntries(CONDITIONS.map((c) => [c, Boolean(r[c])])) as Record<Condition, boolean>,
    notes: (r.notes ?? {}) as Partial<Record<Condition, string>>,
  }));
}

export interface EventView extends EventDraft {
  id: number;
  recordedBy: string;
  recordedAt: string;
}

export async function findEvents(db: Queryable, listingId: number, asOf: string): Promise<EventView[]> {
  return db.query<EventView>(
    `SELECT id, kind, on_date AS "onDate", grade, status, term_ends_on AS "termEndsOn", detail,
            recorded_by AS "recordedBy", recorded_at AS "recordedAt"
     FROM listing_event WHERE listing_id = $1 AND on_date <= $2 ORDER BY on_date, id`,
    [listingId, asOf],
  );
}

/** Lock one listing row for an action, so two actions on it run one after the other. False if it does not exist. */
export async function lockListing(db: Queryable, id: number): Promise<boolean> {
  return (await db.query('SELECT id FROM listing WHERE id = $1 FOR UPDATE', [id])).length > 0;
}

/** The current area with this code, if any. */
export async function findArea(db: Queryable, code: string): Promise<{ code: string; level: AreaLevel; name: string } | null> {
  const [row] = await db.query<{ code: string; level: AreaLevel; name: string }>(
    'SELECT code, level, name FROM admin_area WHERE code = $1 AND valid_to IS NULL',
    [code],
  );
  return row ?? null;
}

/** Whether the area has a listing that is not delisted; locks it so a concurrent action waits. */
export async function hasActiveListing(db: Queryable, areaCode: string): Promise<boolean> {
  const rows = await db.query(`SELECT id FROM listing WHERE area_code = $1 AND status <> 'delisted' FOR UPDATE`, [areaCode]);
  return rows.length > 0;
}

/** The area's outline for a printed report: simplified to ~50 m and 5 decimals, small enough to inline as SVG. */
export async function areaOutline(db: Queryable, code: string): Promise<{ geometry: { type: string; coordinates: unknown }; bbox: [number, number, number, number] } | null> {
  const [row] = await db.query<{ geometry: string; w: number; s: number; e: number; n: number }>(
    `SELECT ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.0005), 5) AS geometry,
            ST_XMin(geom) AS w, ST_YMin(geom) AS s, ST_XMax(geom) AS e, ST_YMax(geom) AS n
     FROM admin_area WHERE code = $1 AND valid_to IS NULL`,
    [code],
  );
  return row ? { geometry: JSON.parse(row.geometry), bbox: [row.w, row.s, row.e, row.n] } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Writes: plain rows of the tables declared in db/schema, so through drizzle (typed columns, no positional lists).
// The reads above stay SQL: they rebuild a listing's state on a date from its events (DISTINCT ON, date windows,
// the jurisdiction's range predicate) and join the areas' geometry, which drizzle would only wrap in `sql`.

export async function insertListing(db: Queryable, l: ListingRecord): Promise<number> {
  const [row] = await db.orm
    .insert(listing)
    .values({
      areaCode: l.areaCode, grade: l.grade, categories: [...l.categories], body: l.body, status: l.status, listedOn: l.listedOn,
      termEndsOn: l.termEndsOn, extended: l.extended, delistedOn: l.delistedOn, relistedFrom: l.relistedFrom,
    })
    .returning({ id: listing.id });
  return row!.id;
}

/** The listing row keeps the current state; the events keep its history. */
export async function updateListing(db: Queryable, id: number, l: ListingRecord): Promise<void> {
  await db.orm
    .update(listing)
    .set({ grade: l.grade, status: l.status, termEndsOn: l.termEndsOn, extended: l.extended, delistedOn: l.delistedOn })
    .where(eq(listing.id, id));
}

export async function insertEvent(db: Queryable, listingId: number, e: EventDraft, recordedBy: string): Promise<number> {
  const [row] = await db.orm
    .insert(listingEvent)
    .values({ listingId, kind: e.kind, onDate: e.onDate, grade: e.grade, status: e.status, termEndsOn: e.termEndsOn, detail: e.detail, recordedBy })
    .returning({ id: listingEvent.id });
  return row!.id;
}

/** The six delisting conditions by column: the vocabulary's names are the columns' (problem_eased → problemEased). */
const conditionColumns = (c: AssessmentRecord['conditions']) => ({
  leadership: c.leadership, mechanisms: c.mechanisms, groundwork: c.groundwork, education: c.education, enforcement: c.enforcement, problemEased: c.problem_eased,
});

export async function insertAssessment(db: Queryable, listingId: number, a: AssessmentRecord): Promise<number> {
  const [row] = await db.orm
    .insert(listingAssessment)
    .values({ listingId, year: a.year, assessedOn: a.assessedOn, ...conditionColumns(a.conditions), notes: a.notes })
    .returning({ id: listingAssessment.id });
  return row!.id;
}

/** Re-export the vocabulary types the routes format with. */
export type { Body, Category, Grade, Status };
