/**
 * The lab-results page (lazy-loaded, office and admin; the API refuses everyone else): choose the lab's CSV or
 * Excel file → a dry run that lists every problem by row and column and counts the rows that are fine, writing
 * nothing → the import, as a background job whose phase and estimate the page polls → what was written and
 * recomputed, and the way to the drug signals on the map. The frame, file inputs, progress and polling are the
 * boundary import page's own (ImportPanel, FileFields, JobProgress, jobs.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { PluginContext } from '../plugins/registry';
import { loadSites } from '../wastewater/state';
import { EncodingField, FileField } from './FileFields';
import { ImportPanel, useMountSignal, useReveal } from './ImportPanel';
import { JobProgress } from './JobProgress';
import { pollJob } from './jobs';
import { fetchLabJob, startLabImport, type LabJob, type LabReport } from './labApi';
import { LabReportView } from './LabReportView';
import { reloadSource } from './onMap';

/** The catalogue's words for a refused request (the API's own detail is English and for the log). */
function errorKey(e: unknown): string {
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 413) return 'lab.error.tooLarge';
  if (status === 429) return 'lab.error.busy';
  if (status === 403) return 'lab.error.forbidden';
  if (status === 400 || status === 415) return 'lab.error.unreadable';
  return 'lab.error.failed';
}

export default function LabImportPage({ ctx, onClose }: { ctx: PluginContext; onClose: () => void }) {
  const { t } = useTranslation('imports');
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('');
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [job, setJob] = useState<LabJob | null>(null);
  const [report, setReport] = useState<LabReport | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signal = useMountSignal();
  const outcome = useReveal<HTMLDivElement>(report, error);

  /** Another file or encoding: the last report no longer speaks of what would be imported. */
  const reset = () => {
    setReport(null);
    setJob(null);
    setSkipBadRows(false);
    setError(null);
  };

  /** The signals were recomputed: the area tiles and the site loads the wastewater mode draws are fetched anew. */
  const refreshSignals = () => {
    if (ctx.map) for (const l of ctx.catalogue) if (l.themes?.some((th) => th.id === 'signals')) reloadSource(ctx.map, l.id);
    void loadSites();
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    try {
      setUploadFraction(0);
      let started: LabJob;
      try {
        started = await startLabImport(file, { dryRun, acceptSkipping: !dryRun && skipBadRows, encoding }, setUploadFraction);
      } finally {
        setUploadFraction(null);
      }
      setJob(started);
      const done = await pollJob((s: AbortSignal) => fetchLabJob(started.id, s), setJob, signal());
      if (done.report) setReport(done.report);
      if (done.state === 'refused') setError(t(done.report ? 'lab.refused' : 'lab.error.unreadable'));
      else if (done.state === 'failed') setError(t('lab.error.failed'));
      else if (!dryRun && done.report && done.report.rowsImported > 0) refreshSignals();
    } catch (e) {
      if (!signal().aborted) setError(t(errorKey(e)));
    }
  };

  const running = job?.state === 'running' || uploadFraction !== null;
  const fileLevelProblem = !!report?.problems.some((p) => p.row <= 1);
  const mayChooseSkipping = !!report?.dryRun && report.status === 'has_problems' && !fileLevelProblem && report.rowsToImport > 0;
  const canImport =
    !!report && report.dryRun && !running && report.rowsToImport > 0 && (report.status === 'clean' || (mayChooseSkipping && skipBadRows));

  return (
    <ImportPanel titleId="lab-title" title={t('lab.title')} testId="lab-import-page" onClose={onClose}>
      <p className="muted">{t('lab.intro')}</p>
      <section aria-labelledby="lab-step1">
        <h3 id="lab-step1">{t('lab.step.file')}</h3>
        <p className="muted" id="lab-columns">{t('lab.columns')}</p>
        <div className="imp-row">
          <FileField label={t('lab.file')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" testId="lab-import-file" onChange={(f) => { setFile(f); reset(); }} />
          <EncodingField value={encoding} onChange={(v) => { setEncoding(v); reset(); }} />
        </div>
      </section>

      <section aria-labelledby="lab-step2">
        <h3 id="lab-step2">{t('lab.step.check')}</h3>
        <div className="imp-row">
          <button type="button" onClick={() => run(true)} disabled={!file || running} data-testid="lab-dry-run">{t('lab.dryRun')}</button>
          <button type="button" className="primary" onClick={() => run(false)} disabled={!canImport} data-testid="lab-import">{t('lab.import')}</button>
        </div>
        {mayChooseSkipping && (
          <label className="check">
            <input type="checkbox" checked={skipBadRows} onChange={(e) => setSkipBadRows(e.target.checked)} data-testid="lab-skip-bad-rows" />
            {t('lab.acceptSkipping', { n: report!.rowsToImport })}
          </label>
        )}
        {file && !report && !running && <p className="muted">{t('lab.needsDryRun')}</p>}
        <JobProgress uploadFraction={uploadFraction} running={job?.state === 'running'} progress={job?.progress ?? null} />
      </section>

      <div ref={outcome}>
        {error && <p className="error" role="alert" data-testid="lab-error">{error}</p>}
        {report && <LabReportView report={report} lang={ctx.lang} onShowSignals={() => ctx.setModeActive('wastewater', true)} />}
      </div>
    </ImportPanel>
  );
}
