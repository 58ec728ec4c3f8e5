/**
 * The upload page (lazy-loaded, office and admin): choose a file and its layer → the datum (from the .prj when the
 * file has one, else the user's choice, pre-filled with a guess) → the column mapping over the first rows (saved
 * per office and reused) → a dry run whose features are drawn on the map over the existing data (a wrong datum is
 * visibly off) with its problems listed → the import, after which the map shows the new data.
 * A panel beside the map rather than a modal, so the map stays in view; Escape closes it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../i18n';
import type { PluginContext } from '../plugins/registry';
import {
  fetchImportCatalogue, fetchJob, fetchPreview, resample, saveMapping, startImport, uploadFile,
  type ImportCatalogue, type ImportJob, type ImportReport, type Mapping, type Upload,
} from './api';
import { EncodingField, FileField } from './FileFields';
import { ImportPanel, useMountSignal, useReveal } from './ImportPanel';
import { JobProgress } from './JobProgress';
import { pollJob } from './jobs';
import { MappingStep } from './MappingStep';
import { ReportView } from './ReportView';
import { boundsOf, reloadSource } from './onMap';
import { setPreview } from './state';

const RELATED_SOURCES: Record<string, string[]> = { wastewater_sites: ['wastewater_sites', 'catchments'], catchments: ['catchments'] };

export default function ImportPage({ ctx, onClose }: { ctx: PluginContext; onClose: () => void }) {
  const { t } = useTranslation('imports');
  const lang = ctx.lang === 'en' ? 'en' : 'zh-CN';
  const [catalogue, setCatalogue] = useState<ImportCatalogue | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [layer, setLayer] = useState('villages');
  const [encoding, setEncoding] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [uploadFraction, setUploadFraction] = useState<number | null>(null);
  const [datum, setDatum] = useState('');
  const [mapping, setMapping] = useState<Mapping>({ fields: {} });
  const [mappingName, setMappingName] = useState('default');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [accepted, setAccepted] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signal = useMountSignal();
  const outcome = useReveal<HTMLDivElement>(report, message, error);

  useEffect(() => {
    fetchImportCatalogue().then(setCatalogue, (e: Error) => setError(e.message));
    return () => setPreview(null);
  }, []);

  const spec = catalogue?.layers.find((l) => l.layer === layer) ?? null;
  const sampleQuery = () => `layer=${layer}${encoding ? `&encoding=${encoding}` : ''}`;

  /** A new sample (new file, layer or encoding): the saved mapping of the office, else the suggested one. */
  const adopt = (u: Upload) => {
    setUpload(u);
    setReport(null);
    setPreview(null);
    const m = u.sample.mapping;
    setMapping(m?.saved[0]?.mapping ?? m?.suggested ?? { fields: {} });
    if (m?.saved[0]) setMappingName(m.saved[0].name);
    const d = u.sample.datum;
    setDatum(d.declared ?? d.guess?.id ?? '');
  };

  const run = async (what: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    try {
      await what();
    } catch (e) {
      setError((e as Error & { detail?: string }).detail ?? (e as Error).message);
    }
  };

  const onUpload = () =>
    run(async () => {
      if (!file) return;
      setUploadFraction(0);
      try {
        adopt(await uploadFile(file, sampleQuery(), setUploadFraction));
      } finally {
        setUploadFraction(null);
      }
    });

  // Another layer or encoding for the same upload: sample again.
  useEffect(() => {
    if (!upload) return;
    void run(async () => adopt(await resample(upload.uploadId, sampleQuery())));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layer, encoding]);

  const importQuery = (dryRun: boolean) =>
    [`upload_id=${upload!.uploadId}`, `layer=${layer}`, datum && `datum=${encodeURIComponent(datum)}`, encoding && `encoding=${encoding}`,
      accepted.length && `accept=${accepted.join(',')}`, dryRun && 'dry_run=1', `lang=${lang === 'en' ? 'en' : 'zh-CN'}`].filter(Boolean).join('&');

  const execute = (dryRun: boolean) =>
    run(async () => {
      const started = await startImport(importQuery(dryRun), mapping);
      setJob(started);
      const done = await pollJob((sig: AbortSignal) => fetchJob(started.id, sig), setJob, signal());
      setJob(done);
      if (!done.report) throw Object.assign(new Error(done.error?.detail ?? done.error?.title ?? t('failed')), { detail: done.error?.detail });
      if (dryRun) {
        // The report and its preview appear together: a clean report never sits over the last run's features.
        const fc = done.hasPreview ? await fetchPreview(done.id) : null;
        setReport(done.report);
        setPreview(fc);
        const b = fc && boundsOf(fc);
        if (b && ctx.map) ctx.map.fitBounds(b, { padding: 60, maxZoom: 15, duration: 0 });
        return;
      }
      setReport(done.report);
      if (done.report.status === 'imported') {
        setPreview(null);
        if (ctx.map) for (const s of RELATED_SOURCES[layer] ?? [layer]) reloadSource(ctx.map, s);
        setMessage(t('imported', { new: done.report.counts.new, changed: done.report.counts.changed }));
      }
    });

  const save = () => run(async () => {
    await saveMapping(layer, mappingName, mapping);
    setMessage(t('mapping.saved', { name: mappingName }));
  });

  const running = job?.state === 'running' || uploadFraction !== null;
  // Every problem must be fixed, or be of a rule the office may accept and has ticked.
  const blocking = !report || Object.keys(report.problemCounts).some((r) => !(catalogue?.acceptable.includes(r) && accepted.includes(r)));
  const canImport = !!report && report.dryRun && !running && !blocking && report.counts.new + report.counts.changed > 0;

  return (
    <ImportPanel titleId="imp-title" title={t('title')} testId="import-page" onClose={onClose}>

      <section aria-labelledby="imp-step1">
        <h3 id="imp-step1">{t('step.file')}</h3>
        <div className="imp-row">
          <FileField label={t('file')} accept=".zip,.geojson,.json,.geojsonl,.csv,.xlsx" testId="import-file" onChange={setFile} />
          <label>
            {t('layer')}
            <select value={layer} onChange={(e) => setLayer(e.target.value)} data-testid="import-layer">
              {catalogue?.layers.map((l) => (
                <option key={l.layer} value={l.layer}>{pick(l.title, ctx.lang)}</option>
              ))}
            </select>
          </label>
          <EncodingField value={encoding} onChange={setEncoding} />
          <button type="button" className="primary" disabled={!file || running} onClick={onUpload} data-testid="import-upload">{t('upload')}</button>
        </div>
        {upload && (
          <p className="muted" data-testid="import-detected">
            {t('detected', { name: upload.filename, format: upload.sample.format, encoding: upload.sample.encoding ?? '—', source: t(`encodingSource.${upload.sample.encodingSource}`), rows: upload.sample.estimatedRecords ?? '?' })}
          </p>
        )}
      </section>

      {upload && spec && catalogue && (
        <>
          <section aria-labelledby="imp-step2">
            <h3 id="imp-step2">{t('step.datum')}</h3>
            <label>
              {t('datum')}
              <select value={datum} onChange={(e) => setDatum(e.target.value)} data-testid="import-datum" aria-describedby="imp-datum-note">
                <option value="">{t('datumChoose')}</option>
                {catalogue.datums.map((d) => (
                  <option key={d.id} value={d.id}>{pick(d.title, ctx.lang)}</option>
                ))}
              </select>
            </label>
            <p id="imp-datum-note" className="muted">
              {upload.sample.datum.declared
                ? t('datumDeclared', { id: upload.sample.datum.declared })
                : upload.sample.datum.guess
                  ? t(upload.sample.datum.guess.certain ? 'datumGuessCertain' : 'datumGuess', { id: upload.sample.datum.guess.id })
                  : t('datumNone')}
            </p>
          </section>

          <section aria-labelledby="imp-step3">
            <h3 id="imp-step3">{t('step.mapping')}</h3>
            <MappingStep layer={spec} sample={upload.sample} mapping={mapping} setMapping={setMapping} lang={ctx.lang} />
            <div className="imp-row">
              <label>
                {t('mapping.name')}
                <input value={mappingName} onChange={(e) => setMappingName(e.target.value)} maxLength={80} />
              </label>
              <button type="button" onClick={save} disabled={!mappingName.trim()}>{t('mapping.save')}</button>
              {upload.sample.mapping && upload.sample.mapping.saved.length > 0 && (
                <label>
                  {t('mapping.reuse')}
                  <select onChange={(e) => {
                    const s = upload.sample.mapping!.saved.find((x) => x.name === e.target.value);
                    if (s) {
                      setMapping(s.mapping);
                      setMappingName(s.name);
                    }
                  }} value={mappingName}>
                    {upload.sample.mapping.saved.map((s) => (
                      <option key={s.name} value={s.name}>{s.name}</option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          </section>

          <section aria-labelledby="imp-step4">
            <h3 id="imp-step4">{t('step.check')}</h3>
            <div className="imp-row">
              <button type="button" onClick={() => execute(true)} disabled={running || !datum} data-testid="import-dry-run">{t('dryRun')}</button>
              <button type="button" className="primary" onClick={() => execute(false)} disabled={!canImport} data-testid="import-write">{t('import')}</button>
            </div>
            {!datum && <p className="error">{t('datumRequired')}</p>}
            <JobProgress uploadFraction={uploadFraction} running={job?.state === 'running'} progress={job?.progress ?? null} />
          </section>
        </>
      )}
      {uploadFraction !== null && !upload && <JobProgress uploadFraction={uploadFraction} running={false} progress={null} />}
      <div ref={outcome}>
        {message && <p className="imp-message" role="status" data-testid="import-message">{message}</p>}
        {error && <p className="error" role="alert" data-testid="import-error">{error}</p>}
        {report && catalogue && <ReportView report={report} acceptable={catalogue.acceptable} accepted={accepted} setAccepted={setAccepted} />}
      </div>
    </ImportPanel>
  );
}
