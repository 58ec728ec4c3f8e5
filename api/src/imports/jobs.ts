/**
 * Running and finished imports of this process, so the page can poll progress (GET /api/imports/{id}, and
 * GET /api/wastewater/imports/{id} for lab files, whose report `R` differs) and fetch the preview geometries of a
 * dry run. Kept in memory for JOB_TTL_MS; the lasting record of a write is the import table and the audit log.
 * Each user runs at most MAX_RUNNING imports at once.
 */
import { randomUUID } from 'node:crypto';
import type { FeatureCollection } from 'geojson';
import type { ProgressState } from './progress.js';
import type { ImportReport } from './service.js';

export const JOB_TTL_MS = 60 * 60 * 1000;
const MAX_RUNNING = 2;

export interface ImportJob<R = ImportReport> {
  id: string;
  userId: number;
  layer: string;
  dryRun: boolean;
  state: 'running' | 'done' | 'refused' | 'failed';
  progress: ProgressState | null;
  report: R | null;
  /** A refused file's reason (problem detail) when there is no report. */
  error: { status: number; body: Record<string, unknown> } | null;
  preview: FeatureCollection | null;
  startedAt: number;
  finishedAt: number | null;
}

export class ImportJobs<R = ImportReport> {
  private readonly jobs = new Map<string, ImportJob<R>>();

  running(userId: number): number {
    return [...this.jobs.values()].filter((j) => j.userId === userId && j.state === 'running').length;
  }

  canStart(userId: number): boolean {
    return this.running(userId) < MAX_RUNNING;
  }

  create(userId: number, layer: string, dryRun: boolean): ImportJob<R> {
    this.sweep();
    const job: ImportJob<R> = { id: randomUUID(), userId, layer, dryRun, state: 'running', progress: null, report: null, error: null, preview: null, startedAt: Date.now(), finishedAt: null };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string, userId: number): ImportJob<R> | null {
    const j = this.jobs.get(id);
    return j && j.userId === userId ? j : null;
  }

  finish(job: ImportJob<R>, state: ImportJob['state'], data: Partial<Pick<ImportJob<R>, 'report' | 'error' | 'preview'>>): void {
    Object.assign(job, data, { state, finishedAt: Date.now() });
  }

  private sweep(): void {
    for (const [id, j] of this.jobs) if (j.finishedAt && Date.now() - j.finishedAt > JOB_TTL_MS) this.jobs.delete(id);
  }
}

/** The JSON a poll returns: state, progress, and the report once there is one. */
export function jobView<R>(j: ImportJob<R>) {
  return {
    id: j.id,
    layer: j.layer,
    dryRun: j.dryRun,
    state: j.state,
    progress: j.progress,
    report: j.report,
    error: j.error?.body ?? null,
    hasPreview: j.preview !== null,
  };
}
