/**
 * What changed in a jurisdiction between two instants, for the wall's shift-change view (交接班) at the morning
 * briefing: listings and delistings entered, drug signals that turned rising, inspections that fell overdue,
 * checkpoint cases, and check-ins flagged far from their site. Every block is scoped by the jurisdiction prefix in
 * SQL. Day-based data (checkpoint days, due dates) is compared on China's calendar dates of the two instants.
 *
 * Visitor mode: with `visitor`, the rows carry no person's name and no exact site name — the SQL does not select
 * them, so they never leave the server; the page words a site from its kind and township instead.
 */
import type { Queryable } from 'db';
import type { z } from 'zod';
import type { Changes, caseRow, flaggedRow, listingChangeRow, overdueRow, risingChangeRow } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export interface ChangeWindow {
  prefix: string;
  since: Date;
  until: Date;
  visitor: boolean;
  /** Most rows listed per block (the counts are always complete). */
  limit: number;
}

/** China's calendar date of an instant (UTC+8, no daylight saving). */
export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

// $1 prefix, $2 since, $3 until, $4 visitor, $5 limit. A name column is NULL in visitor mode. (Area names stay:
// a township is not a site.)
const LISTINGS = `
  SELECT e.kind, e.on_date::text AS "onDate", e.grade, l.area_code AS "areaCode", a.name AS "areaName", a.level,
         e.recorded_at AS "recordedAt", CASE WHEN $4 THEN NULL ELSE e.recorded_by END AS "recordedBy",
         (count(*) FILTER (WHERE e.kind <> 'delisted') OVER ())::int AS "listedTotal", (count(*) FILTER (WHERE e.kind = 'delisted') OVER ())::int AS "delistedTotal"
  FROM listing_event e JOIN listing l ON l.id = e.listing_id
  LEFT JOIN admin_area a ON a.code = l.area_code AND a.valid_to IS NULL
  WHERE e.kind IN ('listed', 'relisted', 'delisted') AND e.recorded_at >= $2 AND e.recorded_at < $3
    AND ${inScopeSql('l.area_code', '$1')}
  ORDER BY e.recorded_at DESC, e.id DESC LIMIT $5`;

const RISING = `
  SELECT s.area_code AS "areaCode", a.name AS "areaName", s.trend, s.pct_change AS "pctChange", s.trend_since AS "since", (count(*) OVER ())::int AS total
  FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
  WHERE s.substance = 'index' AND a.level = 'township' AND s.trend IN ('rising_significant', 'rising')
    AND s.trend_since >= $2 AND s.trend_since < $3 AND ${inScopeSql('s.area_code', '$1')}
  ORDER BY s.trend = 'rising_significant' DESC, s.pct_change DESC NULLS LAST LIMIT $4`;

// A target falls overdue the day after its due date: due dates in [since's date, until's date).
const OVERDUE = `
  WITH due AS (
    SELECT 'firm' AS kind, f.id, f.name, f.business AS "subKind", f.township_code,
           inspection_next_due(max(i.inspected_on), f.inspection_every_days) AS due
    FROM firm f LEFT JOIN inspection i ON i.firm_id = f.id WHERE ${inScopeSql('f.township_code', '$1')} GROUP BY f.id
    UNION ALL
    SELECT 'venue', v.id, v.name, v.kind, v.township_code, inspection_next_due(max(i.inspected_on), v.inspection_every_days)
    FROM venue v LEFT JOIN inspection i ON i.venue_id = v.id WHERE ${inScopeSql('v.township_code', '$1')} GROUP BY v.id)
  SELECT d.kind, d.id, CASE WHEN $4 THEN NULL ELSE d.name END AS name, d."subKind", a.name AS "townshipName", d.due::text AS "due",
         count(*) OVER ()::int AS total
  FROM due d LEFT JOIN admin_area a ON a.code = d.township_code AND a.valid_to IS NULL
  WHERE d.due >= $2::date AND d.due < $3::date
  ORDER BY d.due, d.kind, d.id LIMIT $5`;

const CASES = `
  SELECT c.id, CASE WHEN $4 THEN NULL ELSE c.name END AS name, c.kind, a.name AS "countyName", d.day::text AS day, d.cases,
         (SELECT coalesce(round(sum(s.kg), 3), 0)::float8 FROM checkpoint_seizure s WHERE s.checkpoint_id = c.id AND s.day = d.day) AS "seizedKg",
         (sum(d.cases) OVER ())::int AS "totalCases"
  FROM checkpoint_day d JOIN checkpoint c ON c.id = d.checkpoint_id
  LEFT JOIN admin_area a ON a.code = c.county_code AND a.valid_to IS NULL
  WHERE d.cases > 0 AND d.day >= $2::date AND d.day <= $3::date AND ${inScopeSql('c.county_code', '$1')}
  ORDER BY d.day DESC, d.cases DESC, c.id LIMIT $5`;

const FLAGGED = `
  SELECT CASE WHEN i.firm_id IS NULL THEN 'venue' ELSE 'firm' END AS kind, CASE WHEN $4 THEN NULL ELSE coalesce(f.name, v.name) END AS name,
         coalesce(f.business, v.kind) AS "subKind", a.name AS "townshipName", CASE WHEN $4 THEN NULL ELSE i.inspector END AS inspector,
         i.recorded_at AS "recordedAt", round(i.distance_m)::int AS "distanceM", (count(*) OVER ())::int AS total
  FROM inspection i LEFT JOIN firm f ON f.id = i.firm_id LEFT JOIN venue v ON v.id = i.venue_id
  LEFT JOIN admin_area a ON a.code = coalesce(f.township_code, v.township_code) AND a.valid_to IS NULL
  WHERE i.far_from_site AND i.recorded_at >= $2 AND i.recorded_at < $3 AND ${inScopeSql('coalesce(f.township_code, v.township_code)', '$1')}
  ORDER BY i.recorded_at DESC LIMIT $5`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export async function changesBetween(db: Queryable, w: ChangeWindow): Promise<Changes> {
  const instants = [w.prefix, w.since.toISOString(), w.until.toISOString(), w.visitor, w.limit];
  const days = [w.prefix, chinaDate(w.since), chinaDate(w.until), w.visitor, w.limit];
  type Row<S extends z.ZodType> = z.output<S>;
  const [listings, rising, overdue, cases, flagged] = await Promise.all([
    db.query<Row<typeof listingChangeRow> & { listedTotal: number; delistedTotal: number }>(LISTINGS, instants),
    db.query<Row<typeof risingChangeRow> & { total: number }>(RISING, [w.prefix, w.since.toISOString(), w.until.toISOString(), w.limit]),
    db.query<Row<typeof overdueRow> & { total: number }>(OVERDUE, days),
    db.query<Row<typeof caseRow> & { totalCases: number }>(CASES, days),
    db.query<Row<typeof flaggedRow> & { total: number }>(FLAGGED, instants),
  ]);
  return {
    listings: {
      listed: listings[0]?.listedTotal ?? 0,
      delisted: listings[0]?.delistedTotal ?? 0,
      items: listings.map(({ listedTotal: _l, delistedTotal: _d, ...r }) => ({ ...r, recordedAt: iso(r.recordedAt) })),
    },
    rising: { count: rising[0]?.total ?? 0, items: rising.map(({ total: _t, ...r }) => ({ ...r, since: iso(r.since) })) },
    overdue: { count: overdue[0]?.total ?? 0, items: overdue.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id) })) },
    checkpointCases: { cases: cases[0]?.totalCases ?? 0, items: cases.map(({ totalCases: _t, ...r }) => ({ ...r, id: Number(r.id) })) },
    flaggedCheckIns: { count: flagged[0]?.total ?? 0, items: flagged.map(({ total: _t, ...r }) => ({ ...r, recordedAt: iso(r.recordedAt) })) },
  };
}
