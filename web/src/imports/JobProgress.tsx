/**
 * The progress of an upload or of a running import job, as both import pages show it: a bar with the phase
 * (reading, checking, writing, recomputing) and the estimate of the time left, all from the catalogue.
 */
import { useTranslation } from 'react-i18next';
import type { ProgressState } from 'api/src/imports/progress';

interface Props {
  /** 0..1 while the file is being sent, else null. */
  uploadFraction: number | null;
  /** Whether a job is running, and its last progress (null before the first report). */
  running: boolean;
  progress: ProgressState | null;
}

export function JobProgress({ uploadFraction, running, progress: p }: Props) {
  const { t } = useTranslation('imports');
  if (uploadFraction !== null) {
    const text = `${t('progress.upload')} ${Math.round(uploadFraction * 100)}%`;
    return (
      <div className="imp-progress" role="status">
        <progress value={uploadFraction} max={1} aria-label={t('progress.upload')} aria-valuetext={text} /> {text}
      </div>
    );
  }
  if (!running) return null;
  const phase = p ? t(`progress.${p.phase}`, { done: p.done, total: p.total ?? '?' }) : t('progress.starting');
  const eta = p?.etaSeconds !== null && p?.etaSeconds !== undefined ? t('progress.eta', { s: p.etaSeconds }) : null;
  const text = eta ? `${phase} · ${eta}` : phase;
  return (
    <div className="imp-progress" role="status" data-testid="import-progress" data-phase={p?.phase ?? 'starting'}>
      <progress value={p?.fraction ?? 0} max={1} aria-label={t('progress.label')} aria-valuetext={text} /> {text}
    </div>
  );
}
