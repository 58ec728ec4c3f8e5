/**
 * The office's view of the month: how many grids reported, and the reminder list of those that have not, with who
 * walks each grid and their phone (staff, never a person the counts are about).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import { fetchStatus, type StatusAnswer } from './api';

export function ReportingStatus({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('reporting');
  const [status, setStatus] = useState<StatusAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    fetchStatus()
      .then((s) => (setStatus(s), setFailed(false)))
      .catch(() => setFailed(true));
  }, []);
  useEffect(load, [load]);
  const time = (iso: string) => new Date(iso).toLocaleString(ctx.lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <section className="reporting-status" aria-labelledby="reporting-title">
      <h3 id="reporting-title">{t('office.title', { month: status?.month ?? '' })}</h3>
      {failed && <p role="alert">{t('office.failed')}</p>}
      {status && (
        <>
          <p className="reporting-summary">
            <meter min={0} max={status.total} value={status.reportedCount} aria-hidden="true" />{' '}
            {t('office.summary', { reported: status.reportedCount, total: status.total, missing: status.notReportedCount })}
          </p>
          <details open>
            <summary>{t('office.remind')} ({status.notReportedCount})</summary>
            {status.notReportedCount === 0 && <p>{t('office.none')}</p>}
            <ul className="reporting-list" data-list="not-reported">
              {status.notReported.map((g) => (
                <li key={g.code} data-grid={g.code}>
                  <button type="button" onClick={() => ctx.select({ layer: 'grids', id: g.code })}>
                    {g.name}
                  </button>{' '}
                  <span className="reporting-where">{[g.townshipName, g.villageName].filter(Boolean).join(' · ')}</span>
                  <span className="reporting-officers">
                    {g.officers.length
                      ? g.officers.map((o) => `${o.duty ? t(`duty.${o.duty}`) : ''} ${o.name}${o.phone ? ` ${o.phone}` : ''}`).join('；')
                      : t('office.noOfficer')}
                  </span>
                </li>
              ))}
            </ul>
          </details>
          <details>
            <summary>{t('office.reported')} ({status.reportedCount})</summary>
            <ul className="reporting-list" data-list="reported">
              {status.reported.map((g) => (
                <li key={g.code} data-grid={g.code}>
                  {g.name} · {time(g.submittedAt)}
                </li>
              ))}
            </ul>
          </details>
          {status.truncated && <p>{t('office.truncated')}</p>}
        </>
      )}
      <button type="button" onClick={load}>
        {t('office.reload')}
      </button>
    </section>
  );
}
