/**
 * 本月数据上报 · the grid officer's monthly figures, below "my grids": per grid its status (reported, waiting to
 * send, conflict, refused) and the form. Works from the phone's copy when there is no network.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import type { FormGrid } from './api';
import { ConflictView } from './ConflictView';
import { FiguresForm } from './FiguresForm';
import { dismiss, getFiguresState, subscribeFigures } from './state';

export function FiguresPanel({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('reporting');
  const s = useSyncExternalStore(subscribeFigures, getFiguresState);
  const time = (iso: string) => new Date(iso).toLocaleString(ctx.lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const a = s.answer;
  return (
    <section className="figures" aria-labelledby="figures-title">
      <h3 id="figures-title">{t('title', { month: a?.month ?? '' })}</h3>
      <p className="officer-small">{t('hint')}</p>
      {s.source === 'cache' && s.savedAt && <p className="officer-offline">{t('offlineData', { time: time(s.savedAt) })}</p>}
      {!a && s.loadFailed && <p className="officer-offline">{t('noData')}</p>}
      {a?.grids.map((g) => <GridFigures key={`${g.code}-${g.version}`} grid={g} month={a.month} time={time} />)}
      {/* Items waiting for a grid that is no longer in the form (reassigned) still show what became of them. */}
      {s.outbox
        .filter((o) => !a?.grids.some((g) => g.code === o.gridCode && a.month === o.month))
        .map((o) => (
          <p key={o.submissionId} className="figures-status" data-state={o.state}>
            {o.gridCode} {o.month}: {o.state === 'refused' ? t('status.refused', { detail: ctx.lang === 'en' ? o.problem?.detail : o.problem?.detailZh }) : t(`status.${o.state}`, { time: time(o.queuedAt) })}
            {o.state === 'refused' && (
              <button type="button" className="officer-secondary" onClick={() => void dismiss(o)}>
                {t('dismiss')}
              </button>
            )}
          </p>
        ))}
    </section>
  );
}

function GridFigures({ grid, month, time }: { grid: FormGrid; month: string; time: (iso: string) => string }) {
  const { t, i18n } = useTranslation('reporting');
  const s = useSyncExternalStore(subscribeFigures, getFiguresState);
  const pending = s.outbox.find((o) => o.gridCode === grid.code && o.month === month);
  return (
    <section className="figures-grid" data-grid={grid.code} aria-labelledby={`figures-${grid.code}`}>
      <h4 id={`figures-${grid.code}`}>{grid.name}</h4>
      <p className="officer-small">
        {t('population', { count: grid.population })}
        {grid.figures && ` · ${t('onFile', { version: grid.version, source: t(`source.${grid.source}`) })}`}
      </p>
      <div role="status" aria-live="polite">
        {pending?.state === 'queued' && <p className="figures-status" data-state="queued">{t('status.queued', { time: time(pending.queuedAt) })}</p>}
        {pending?.state === 'sending' && <p className="figures-status" data-state="sending">{t('status.sending')}</p>}
        {pending?.state === 'refused' && (
          <p className="figures-status" data-state="refused">
            {t('status.refused', { detail: i18n.language === 'en' ? pending.problem?.detail : pending.problem?.detailZh })}
            <button type="button" className="officer-secondary" onClick={() => void dismiss(pending)}>
              {t('dismiss')}
            </button>
          </p>
        )}
        {!pending && grid.submittedAt && <p className="figures-status" data-state="sent">{t('status.sent', { time: time(grid.submittedAt) })}</p>}
        {!pending && !grid.submittedAt && <p className="figures-status" data-state="none">{t('status.notYet')}</p>}
      </div>
      {pending?.state === 'conflict' ? <ConflictView item={pending} /> : <FiguresForm grid={grid} month={month} />}
    </section>
  );
}
