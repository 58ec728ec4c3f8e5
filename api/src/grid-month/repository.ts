/**
 * SQL of the monthly figures: the officer's form data, the one write path (lock, read version, upsert, record the
 * submission) and the office's reporting status. No rules here: service.ts checks with domain/figures and calls
 * these inside one transaction.
 *
 * Scope is in SQL: a grid officer reaches a grid only through their own grid_assignment row; every other role
 * through its jurisdiction prefix (IN_SCOPE below, the one place that says so).
 */
import type { Queryable } from 'db';
import { FIELD_PARAM, FIGURE_FIELDS, type FigureField, type Figures } from 'domain/figures';
import type { FormGrid, StatusRow } from './schemas.js';
import { inScopeSql } from '../users/scope.js';

export interface Writer {
  id: number;
  role: string;
  scopePrefix: string;
}

/** $1 grid code, $2 user id, $3 role, $4 scope prefix. */
const IN_SCOPE = `
  CASE WHEN $3 = 'grid_officer'
       THEN EXISTS (SELECT 1 FROM grid_assignment a WHERE a.grid_code = g.code AND a.user_id = $2)
       ELSE ${inScopeSql('g.code', '$4')} END`;

/** grid_month's columns are the API's snake_case names of the figures (domain/figures FIELD_PARAM). */
const COLUMN: Record<FigureField, string> = FIELD_PARAM;

/** grid_month's columns as the Figures object (camelCase keys), for SELECT lists. */
const FIGURES_JSON = (alias: string) => `json_build_object(${FIGURE_FIELDS.map((k) => `'${k}', ${alias}.${COLUMN[k]}`).join(', ')})`;

export interface GridInScope {
  code: string;
  name: string;
  population: number;
}

export async function gridInScope(tx: Queryable, user: Writer, gridCode: string): Promise<GridInScope | null> {
  const [row] = await tx.query<GridInScope>(
    `SELECT g.code, g.name, g.population FROM grid_cell g WHERE g.code = $1 AND ${IN_SCOPE}`,
    [gridCode, user.id, user.role, user.scopePrefix],
  );
  return row ?? null;
}

/** Serialises every write to one grid's month (also when no row exists yet to lock). Held until commit. */
export async function lockGridMonth(tx: Queryable, gridCode: string, month: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('grid_month/' || $1 || '/' || $2, 0))`, [gridCode, month]);
}

export interface MonthRow {
  figures: Figures;
  version: number;
  source: 'import' | 'officer' | 'office';
  updatedAt: string | null;
}

export async function monthRow(tx: Queryable, gridCode: string, monthStart: string): Promise<MonthRow | null> {
  const [row] = await tx.query<MonthRow>(
    `SELECT ${FIGURES_JSON('m')} AS figures, m.version, m.source, m.updated_at AS "updatedAt"
     FROM grid_month m WHERE m.grid_code = $1 AND m.month = $2::date`,
    [gridCode, monthStart],
  );
  return row ?? null;
}

/** Writes the figures as the next version; returns it. */
export async function writeMonth(tx: Queryable, gridCode: string, monthStart: string, f: Figures, source: 'officer' | 'office', userId: number): Promise<number> {
  const cols = FIGURE_FIELDS.map((k) => COLUMN[k]);
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO grid_month (grid_code, month, ${cols.join(', ')}, version, source, updated_at, updated_by)
     VALUES ($1, $2::date, ${cols.map((_, i) => `$${i + 3}`).join(', ')}, 1, $10, now(), $11)
     ON CONFLICT (grid_code, month) DO UPDATE SET
       ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       version = grid_month.version + 1, source = EXCLUDED.source, updated_at = now(), updated_by = EXCLUDED.updated_by
     RETURNING version`,
    [gridCode, monthStart, ...FIGURE_FIELDS.map((k) => f[k]), source, userId],
  );
  return row!.version;
}

export interface SubmissionRow {
  gridCode: string;
  month: string;
  userId: number | null;
  version: number;
  receivedAt: string;
}

export async function findSubmission(tx: Queryable, submissionId: string): Promise<SubmissionRow | null> {
  const [row] = await tx.query<SubmissionRow>(
    `SELECT grid_code AS "gridCode", to_char(month, 'YYYY-MM') AS month, user_id AS "userId", version, received_at AS "receivedAt"
     FROM grid_month_submission WHERE submission_id = $1`,
    [submissionId],
  );
  return row ?? null;
}

export async function insertSubmission(tx: Queryable, s: { id: string; gridCode: string; monthStart: string; userId: number; version: number; warnings: unknown[] }): Promise<string> {
  const [row] = await tx.query<{ receivedAt: string }>(
    `INSERT INTO grid_month_submission (submission_id, grid_code, month, user_id, version, warnings)
     VALUES ($1, $2, $3::date, $4, $5, $6) RETURNING received_at AS "receivedAt"`,
    [s.id, s.gridCode, s.monthStart, s.userId, s.version, JSON.stringify(s.warnings)],
  );
  return row!.receivedAt;
}

export async function saveDraft(tx: Queryable, d: { gridCode: string; monthStart: string; userId: number; figures: Record<string, number | null>; baseVersion: number }): Promise<string> {
  const [row] = await tx.query<{ savedAt: string }>(
    `INSERT INTO grid_month_draft (grid_code, month, user_id, figures, base_version) VALUES ($1, $2::date, $3, $4, $5)
     ON CONFLICT (grid_code, month, user_id) DO UPDATE SET figures = EXCLUDED.figures, base_version = EXCLUDED.base_version, saved_at = now()
     RETURNING saved_at AS "savedAt"`,
    [d.gridCode, d.monthStart, d.userId, JSON.stringify(d.figures), d.baseVersion],
  );
  return row!.savedAt;
}

export async function deleteDraft(tx: Queryable, gridCode: string, monthStart: string, userId: number): Promise<void> {
  await tx.query('DELETE FROM grid_month_draft WHERE grid_code = $1 AND month = $2::date AND user_id = $3', [gridCode, monthStart, userId]);
}

/** The officer's form: each of their grids with the month's figures on file, last month's, the report and their draft. */
export async function officerForms(db: Queryable, userId: number, monthStart: string, previousStart: string) {
  return db.query<FormGrid>(
    `SELECT g.code, g.name, g.population,
            CASE WHEN m.grid_code IS NULL THEN NULL ELSE ${FIGURES_JSON('m')} END AS figures,
            coalesce(m.version, 0) AS version, m.source, m.updated_at AS "updatedAt",
            CASE WHEN p.grid_code IS NULL THEN NULL ELSE ${FIGURES_JSON('p')} END AS previous,
            (SELECT max(s.received_at) FROM grid_month_submission s WHERE s.grid_code = g.code AND s.month = $2::date) AS "submittedAt",
            (SELECT json_build_object('figures', d.figures, 'baseVersion', d.base_version, 'savedAt', d.saved_at)
             FROM grid_month_draft d WHERE d.grid_code = g.code AND d.month = $2::date AND d.user_id = $1) AS draft
     FROM grid_assignment a
     JOIN grid_cell g ON g.code = a.grid_code
     LEFT JOIN grid_month m ON m.grid_code = g.code AND m.month = $2::date
     LEFT JOIN grid_month p ON p.grid_code = g.code AND p.month = $3::date
     WHERE a.user_id = $1
     ORDER BY g.code`,
    [userId, monthStart, previousStart],
  );
}

export type { StatusRow };

/** Every grid under the prefix with its first submission of the month (null: not reported) and who walks it. */
export async function reportingStatus(db: Queryable, prefix: string, monthStart: string): Promise<StatusRow[]> {
  return db.query<StatusRow>(
    `SELECT g.code, g.name, v.name AS "villageName", t.name AS "townshipName",
            (SELECT min(s.received_at) FROM grid_month_submission s WHERE s.grid_code = g.code AND s.month = $2::date) AS "submittedAt",
            (SELECT coalesce(json_agg(json_build_object('name', u.display_name, 'duty', u.duty, 'phone', u.phone) ORDER BY u.duty, u.id), '[]'::json)
             FROM grid_assignment a JOIN app_user u ON u.id = a.user_id AND u.active WHERE a.grid_code = g.code) AS officers
     FROM grid_cell g
     LEFT JOIN admin_area v ON v.code = g.village_code AND v.valid_to IS NULL
     LEFT JOIN admin_area t ON t.code = v.parent_code AND t.valid_to IS NULL
     WHERE ${inScopeSql('g.code', '$1')}
     ORDER BY g.code`,
    [prefix, monthStart],
  );
}
