/**
 * The monthly figures of a grid: the officer's submission, their draft, the office's correction. Each write is one
 * transaction: scope (SQL), a lock on the grid's month, the idempotency record, the checks of domain/figures, the
 * version check, the write, the audit entry. A refusal throws before anything is written.
 */
import type { Database, Queryable } from 'db';
import {
  checkDraft,
  checkFigures,
  FIELD_PARAM,
  figureMessage,
  monthStart,
  previousMonth,
  type FigureRefusal,
  type Figures,
  type FigureWarning,
} from 'domain/figures';
import { recordAudit } from '../audit/audit.js';
import type { SessionUser } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import * as repo from './repository.js';
import type { SubmitResult } from './schemas.js';

type User = Pick<SessionUser, 'id' | 'username' | 'role' | 'scopePrefix'>;

/** Refusals as one problem: the first names `param`, all are listed, in both languages. */
export function refusalProblem(refusals: FigureRefusal[], status: 400 | 422 = 422): ProblemError {
  const first = refusals[0]!;
  return new ProblemError(status, 'Figures refused', {
    param: `figures.${FIELD_PARAM[first.field]}`,
    rule: first.rule,
    detail: refusals.map((r) => figureMessage('en', 'refusal', r)).join('; '),
    detail_zh: refusals.map((r) => figureMessage('zh-CN', 'refusal', r)).join('；'),
    errors: refusals.map((r) => ({ param: `figures.${FIELD_PARAM[r.field]}`, rule: r.rule, values: r.values, message: figureMessage('en', 'refusal', r), message_zh: figureMessage('zh-CN', 'refusal', r) })),
  });
}

const warningsOut = (ws: FigureWarning[]) =>
  ws.map((w) => ({ param: `figures.${FIELD_PARAM[w.field]}`, field: w.field, rule: w.rule, values: w.values, message: figureMessage('en', 'warning', w), message_zh: figureMessage('zh-CN', 'warning', w) }));

/** The figures changed since the sender's version: both sides, so the phone can show them side by side. */
function conflictProblem(current: repo.MonthRow | null, sent: Figures, baseVersion: number): ProblemError {
  return new ProblemError(409, 'Changed meanwhile', {
    param: 'base_version',
    detail: `These figures were filled in against version ${baseVersion}; the grid's month is now at version ${current?.version ?? 0} (${current?.source ?? 'none'}). Nothing was changed: compare both and send again against the new version.`,
    detail_zh: `填报时的版本为 ${baseVersion}，本月数据现为第 ${current?.version ?? 0} 版，已被修改。未作任何更改：请对照两边数据后重新提交。`,
    current: current && { figures: current.figures, version: current.version, source: current.source, updatedAt: current.updatedAt },
    yours: { figures: sent, baseVersion },
  });
}

async function grid(tx: Queryable, user: User, gridCode: string) {
  const g = await repo.gridInScope(tx, user, gridCode);
  if (!g) throw new ProblemError(404, 'Not found', { param: 'grid', detail: `Grid ${gridCode} is not one of yours.`, detail_zh: `网格 ${gridCode} 不在您的范围内。` });
  return g;
}

export interface SubmitInput {
  submissionId: string;
  gridCode: string;
  month: string;
  baseVersion: number;
  figures: Record<string, unknown>;
  confirmWarnings: boolean;
}

export type { SubmitResult };

export async function submitFigures(db: Database, user: User, input: SubmitInput): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const g = await grid(tx, user, input.gridCode);
    const start = monthStart(input.month);
    await repo.lockGridMonth(tx, g.code, start);

    const earlier = await repo.findSubmission(tx, input.submissionId);
    if (earlier) {
      if (earlier.gridCode !== g.code || earlier.month !== input.month || earlier.userId !== user.id) {
        throw new ProblemError(422, 'Submission id reused', { param: 'submission_id', detail: 'This submission id was already used for another grid, month or user; make a new one per form.' });
      }
      return { submissionId: input.submissionId, gridCode: g.code, month: input.month, version: earlier.version, receivedAt: earlier.receivedAt, replayed: true, warnings: [] };
    }

    const previous = await repo.monthRow(tx, g.code, monthStart(previousMonth(input.month)));
    const check = checkFigures(input.figures, { population: g.population, previous: previous?.figures });
    if (!check.ok) throw refusalProblem(check.refusals);
    const current = await repo.monthRow(tx, g.code, start);
    if ((current?.version ?? 0) !== input.baseVersion) throw conflictProblem(current, check.figures, input.baseVersion);
    if (check.warnings.length && !input.confirmWarnings) {
      throw new ProblemError(422, 'Please confirm', {
        param: 'confirm_warnings',
        detail: `Big changes since last month; check them and send again with confirm_warnings: true. ${check.warnings.map((w) => figureMessage('en', 'warning', w)).join(' ')}`,
        detail_zh: `与上月相比变化较大，请核实后确认提交。${check.warnings.map((w) => figureMessage('zh-CN', 'warning', w)).join('')}`,
        warnings: warningsOut(check.warnings),
      });
    }

    const version = await repo.writeMonth(tx, g.code, start, check.figures, 'officer', user.id);
    const warnings = warningsOut(check.warnings);
    const receivedAt = await repo.insertSubmission(tx, { id: input.submissionId, gridCode: g.code, monthStart: start, userId: user.id, version, warnings });
    await repo.deleteDraft(tx, g.code, start, user.id);
    await recordAudit(tx, user, {
      action: 'submit',
      entity: 'grid_month',
      entityId: `${g.code}/${input.month}`,
      detail: { submissionId: input.submissionId, version, before: current?.figures ?? null, after: check.figures, warnings: check.warnings.map((w) => w.field) },
    });
    return { submissionId: input.submissionId, gridCode: g.code, month: input.month, version, receivedAt, replayed: false, warnings };
  });
}

export async function saveFiguresDraft(db: Database, user: User, d: { gridCode: string; month: string; baseVersion: number; figures: Record<string, unknown> }) {
  return db.transaction(async (tx) => {
    const g = await grid(tx, user, d.gridCode);
    const refusals = checkDraft(d.figures, g.population);
    if (refusals.length) throw refusalProblem(refusals);
    const figures = Object.fromEntries(Object.entries(d.figures).map(([k, v]) => [k, v ?? null])) as Record<string, number | null>;
    const savedAt = await repo.saveDraft(tx, { gridCode: g.code, monthStart: monthStart(d.month), userId: user.id, figures, baseVersion: d.baseVersion });
    await recordAudit(tx, user, { action: 'save_draft', entity: 'grid_month', entityId: `${g.code}/${d.month}`, detail: { figures, baseVersion: d.baseVersion } });
    return { gridCode: g.code, month: d.month, savedAt };
  });
}

/** An office correction: the same checks and version rule; it does not count as the grid having reported. */
export async function correctFigures(db: Database, user: User, c: { gridCode: string; month: string; baseVersion: number; figures: Record<string, unknown>; reason: string }) {
  return db.transaction(async (tx) => {
    const g = await grid(tx, user, c.gridCode);
    const start = monthStart(c.month);
    await repo.lockGridMonth(tx, g.code, start);
    const check = checkFigures(c.figures, { population: g.population });
    if (!check.ok) throw refusalProblem(check.refusals);
    const current = await repo.monthRow(tx, g.code, start);
    if ((current?.version ?? 0) !== c.baseVersion) throw conflictProblem(current, check.figures, c.baseVersion);
    const version = await repo.writeMonth(tx, g.code, start, check.figures, 'office', user.id);
    await recordAudit(tx, user, { action: 'correct', entity: 'grid_month', entityId: `${g.code}/${c.month}`, detail: { version, before: current?.figures ?? null, after: check.figures, reason: c.reason } });
    return { gridCode: g.code, month: c.month, version, figures: check.figures };
  });
}
