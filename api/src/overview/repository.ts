/**
 * Key figures of a jurisdiction for the command centre's wall display: what is listed, which signals rise,
 * what the checkpoints did this week, what inspections are due, and (for roles that may see them) the monthly
 * people aggregates as rates. One round trip per block; every block is scoped by the jurisdiction prefix.
 */
import type { Queryable } from 'db';
import type { z } from 'zod';
import type { checkpointRow, inspectionFigures as inspectionRow, listingFigures as listingRow, risingTownship } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export async function listingFigures(db: Queryable, prefix: string, asOf: string) {
  const [row] = await db.query<z.output<typeof listingRow>>(
    `SELECT count(*) FILTER (WHERE ls.status <> 'delisted' AND ls.grade = 'key_rectification')::int AS key_rectification,
            count(*) FILTER (WHERE ls.status <> 'delisted' AND ls.grade = 'key_supervision')::int AS key_supervision,
            count(*) FILTER (WHERE ls.status <> 'delisted' AND ls.grade = 'key_attention')::int AS key_attention,
            count(*) FILTER (WHERE ls.status <> 'delisted' AND ls.term_ends_on < $2::date)::int AS past_term,
            count(*) FILTER (WHERE ls.status <> 'delisted' AND ls.term_ends_on BETWEEN $2::date AND $2::date + 30)::int AS term_ending_30d,
            count(*) FILTER (WHERE ls.status = 'delisted' AND ls.event_on > $2::date - 365)::int AS delisted_12m
     FROM (SELECT DISTINCT area_code FROM listing WHERE ${inScopeSql('area_code', '$1')}) a
     CROSS JOIN LATERAL listing_state_at(a.area_code, $2::date) ls`,
    [prefix, asOf],
  );
  return row!;
}

export async function signalFigures(db: Queryable, prefix: string) {
  const byTrend = await db.query<{ trend: string; n: number }>(
    `SELECT s.trend, count(*)::int AS n FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.substance = 'index' AND a.level = 'township' AND ${inScopeSql('s.area_code', '$1')} GROUP BY s.trend`,
    [prefix],
  );
  const rising = await db.query<z.output<typeof risingTownship>>(
    `SELECT a.code, a.name, s.trend, s.pct_change AS "pctChange", s.coverage
     FROM area_signal s JOIN admin_area a ON a.code = s.area_code AND a.valid_to IS NULL
     WHERE s.substance = 'index' AND a.level = 'township' AND s.trend IN ('rising_significant', 'rising') AND ${inScopeSql('s.area_code', '$1')}
     ORDER BY s.trend = 'rising_significant' DESC, s.p_value, s.pct_change DESC NULLS LAST LIMIT 5`,
    [prefix],
  );
  return { townshipsByTrend: Object.fromEntries(byTrend.map((r) => [r.trend, r.n])), topRising: rising };
}

export async function checkpointFigures(db: Queryable, prefix: string, asOf: string, days = 7) {
  const [row] = await db.query<z.output<typeof checkpointRow>>(
    `SELECT count(DISTINCT c.id)::int AS checkpoints, count(DISTINCT c.id) FILTER (WHERE c.on_border)::int AS on_border,
            coalesce(sum(d.vehicles), 0)::int AS vehicles, coalesce(sum(d.people), 0)::int AS people,
            coalesce(sum(d.cases), 0)::int AS cases, coalesce(sum(d.precursors_kg), 0)::float8 AS precursors_kg,
            (SELECT coalesce(jsonb_object_agg(drug, kg), '{}'::jsonb) FROM (
               SELECT s.drug, round(sum(s.kg), 3)::float8 AS kg FROM checkpoint_seizure s JOIN checkpoint c2 ON c2.id = s.checkpoint_id
               WHERE ${inScopeSql('c2.county_code', '$1')} AND s.day > $2::date - $3::int AND s.day <= $2::date GROUP BY s.drug) q) AS seized_kg
     FROM checkpoint c LEFT JOIN checkpoint_day d ON d.checkpoint_id = c.id AND d.day > $2::date - $3::int AND d.day <= $2::date
     WHERE ${inScopeSql('c.county_code', '$1')}`,
    [prefix, asOf, days],
  );
  return { days, ...row! };
}

export async function inspectionFigures(db: Queryable, prefix: string, asOf: string) {
  const [row] = await db.query<z.output<typeof inspectionRow>>(
    `WITH due AS (
       SELECT 'firm' AS kind, inspection_next_due(max(i.inspected_on), f.inspection_every_days) AS due
       FROM firm f LEFT JOIN inspection i ON i.firm_id = f.id WHERE ${inScopeSql('f.township_code', '$1')} GROUP BY f.id
       UNION ALL
       SELECT 'venue', inspection_next_due(max(i.inspected_on), v.inspection_every_days)
       FROM venue v LEFT JOIN inspection i ON i.venue_id = v.id WHERE ${inScopeSql('v.township_code', '$1')} GROUP BY v.id)
     SELECT count(*) FILTER (WHERE kind = 'firm' AND due < $2::date)::int AS firms_overdue,
            count(*) FILTER (WHERE kind = 'firm' AND due BETWEEN $2::date AND $2::date + 7)::int AS firms_due_7d,
            count(*) FILTER (WHERE kind = 'venue' AND due < $2::date)::int AS venues_overdue,
            count(*) FILTER (WHERE kind = 'venue' AND due BETWEEN $2::date AND $2::date + 7)::int AS venues_due_7d
     FROM due`,
    [prefix, asOf],
  );
  return row!;
}

/** Latest month's people aggregates over the jurisdiction: counts, and the two rates the reports quote. */
export async function peopleFigures(db: Queryable, prefix: string, asOf: string) {
  const [row] = await db.query<{ month: string | null; registered: number; under_control: number; risk_high: number; rehab_due: number; rehab_done: number }>(
    `SELECT max(month) AS month, coalesce(sum(registered), 0)::int AS registered, coalesce(sum(under_control), 0)::int AS under_control,
            coalesce(sum(risk_high), 0)::int AS risk_high, coalesce(sum(rehab_due), 0)::int AS rehab_due, coalesce(sum(rehab_done), 0)::int AS rehab_done
     FROM grid_month WHERE ${inScopeSql('grid_code', '$1')}
       AND month = (SELECT max(month) FROM grid_month WHERE month <= $2::date)`,
    [prefix, asOf],
  );
  const r = row!;
  return {
    month: r.month,
    counts: { registered: r.registered, underControl: r.under_control, riskHigh: r.risk_high, rehabDue: r.rehab_due, rehabDone: r.rehab_done },
    // 管控率 and 执行率 (community rehabilitation), as the annual reports state them.
    controlRate: r.registered ? r.under_control / r.registered : null,
    rehabExecutionRate: r.rehab_due ? r.rehab_done / r.rehab_due : null,
  };
}
