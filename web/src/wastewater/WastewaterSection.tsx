/**
 * Details panel section: the series of a selected township/county (its catchment-weighted load) or of a selected
 * sampling site, with its trend and confidence; the chart is loaded only when the section opens.
 */
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { confidenceAlpha, trendColor } from 'domain/palette';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { fetchAreaSeries, fetchSiteSeries, SUBSTANCES, type Series, type Substance } from './api';
import { getSubstance, setSubstance, subscribe } from './state';

const SeriesChart = lazy(() => import('./SeriesChart'));
const AREA_LAYERS = new Set(['counties', 'townships']);

export function WastewaterSection({ selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('wastewater');
  const substance = useSyncExternalStore(subscribe, getSubstance);
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState(false);
  const isArea = AREA_LAYERS.has(selection.layer) && /^\d{12}$/.test(selection.id);
  const isSite = selection.layer === 'wastewater_sites';

  useEffect(() => {
    if (!isArea && !isSite) return;
    const ac = new AbortController();
    setSeries(null);
    setError(false);
    (isArea ? fetchAreaSeries : fetchSiteSeries)(selection.id, substance, period, ac.signal)
      .then(setSeries)
      .catch((e) => {
        if (!ac.signal.aborted) setError(Boolean(e));
      });
    return () => ac.abort();
  }, [isArea, isSite, selection.id, substance, period]);

  if (!isArea && !isSite) return null;
  const trend = series?.signal?.trend ?? series?.trend.category;
  const coverage = series?.signal?.coverage;
  return (
    <section className="ww-section" aria-labelledby="ww-section-title">
      <h3 id="ww-section-title">{t('section.title')}</h3>
      <div className="ww-row">
        <label>
          {t('substance.label')}{' '}
          <select value={substance} onChange={(e) => setSubstance(e.target.value as Substance)}>
            {SUBSTANCES.map((s) => (
              <option key={s} value={s}>
                {t(`substance.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('period.label')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value as 'week' | 'month')}>
            <option value="week">{t('period.week')}</option>
            <option value="month">{t('period.month')}</option>
          </select>
        </label>
      </div>
      {error && <p className="muted">{t('section.error')}</p>}
      {!series && !error && <p className="muted">{t('section.loading')}</p>}
      {series && series.points.length === 0 && <p className="muted">{t('section.noData')}</p>}
      {series && series.points.length > 0 && (
        <>
          <p className="ww-trend" data-trend={trend}>
            <span
              className="ww-swatch"
              aria-hidden="true"
              style={{ background: trendColor(trend), opacity: isArea ? Math.max(0.25, confidenceAlpha(trend, coverage, series.signal?.nSamples)) : 1 }}
            />
            <strong>{t(`trend.${trend}`)}</strong>
            {series.trend.pctChange !== null && <> · {t('section.pctChange', { pct: series.trend.pctChange.toFixed(1) })}</>}
            {Number.isFinite(series.trend.p) && series.trend.n >= 2 && <> · p = {series.trend.p.toPrecision(2)}</>}
            {(series.signal?.censoredShare ?? series.trend.censoredShare ?? 0) > 0 && (
              <> · {t('section.censored', { pct: Math.round((series.signal?.censoredShare ?? series.trend.censoredShare ?? 0) * 100) })}</>
            )}
          </p>
          <p className="muted">
            {isArea && coverage !== undefined
              ? t('section.confidenceArea', { coverage: Math.round(coverage * 100), n: series.signal?.nSamples ?? series.trend.n })
              : t('section.confidenceSite', { n: series.trend.n })}
          </p>
          <Suspense fallback={<p className="muted">{t('section.loadingChart')}</p>}>
            <SeriesChart series={series} />
          </Suspense>
          <p className="muted small">{t('section.loqNote')}</p>
        </>
      )}
    </section>
  );
}
