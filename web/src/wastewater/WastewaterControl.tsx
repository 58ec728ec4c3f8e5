/**
 * Side-panel control of the wastewater mode: the legend (trend colours, below detection, confidence as transparency,
 * "no data", the divergence outline), the substance for site sizes and the list, the areas whose drug signal rises
 * while enforcement falls (divergence), and the rising signals, significant first, each with its upstream tracing
 * sites and censored share. Choosing one selects its area.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ALPHA, MIN_ALPHA, trendColor } from 'domain/palette';
import { pick } from '../i18n';
import { themeLegend } from '../map/themes';
import type { PluginContext } from '../plugins/registry';
import { fetchDivergent, fetchRising, SUBSTANCES, type Signal, type Substance } from './api';
import { getSubstance, loadSites, setSubstance, subscribe } from './state';

export function WastewaterControl({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('wastewater');
  const substance = useSyncExternalStore(subscribe, getSubstance);
  const [rising, setRising] = useState<Signal[] | null>(null);
  const [divergent, setDivergent] = useState<Signal[] | null>(null);

  useEffect(() => {
    void loadSites();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    fetchDivergent(ac.signal)
      .then((r) => setDivergent(r.signals))
      .catch(() => setDivergent([]));
    return () => ac.abort();
  }, []);

  useEffect(() => {
    const ac = new AbortController();
    fetchRising(substance, ac.signal)
      .then((r) => setRising(r.signals))
      .catch(() => setRising([]));
    return () => ac.abort();
  }, [substance]);

  const layerOf = (level: string) => (level === 'county' ? 'counties' : 'townships');
  // The trend classes exactly as the area layers paint them in this mode (their `signals` theme).
  const legend = themeLegend(ctx.catalogue, 'signals');
  const strongest = legend.find((e) => e.kind === 'class')?.color;
  return (
    <div className="ww-control">
      <h2>{t('title')}</h2>
      <div className="ww-legend" aria-label={t('legend.title')}>
        <p className="small">{t('legend.areas')}</p>
        <ul>
          {legend.map((e) =>
            e.kind === 'overlay' ? (
              <li key={`overlay-${e.property}`} data-overlay={e.property}>
                <span className="ww-outline" style={{ borderColor: e.color }} aria-hidden="true" /> {pick(e.label, ctx.lang)}
              </li>
            ) : (
              <li key={String(e.value ?? e.kind)} data-trend={e.kind === 'fallback' ? 'insufficient' : String(e.value)}>
                <span className={`ww-swatch${e.kind === 'fallback' ? ' ww-nodata' : ''}`} style={{ background: e.color }} aria-hidden="true" /> {pick(e.label, ctx.lang)}
              </li>
            ),
          )}
        </ul>
        <p className="small">
          <span className="ww-swatch" style={{ background: strongest, opacity: MIN_ALPHA + 0.1 }} aria-hidden="true" />
          <span className="ww-swatch" style={{ background: strongest, opacity: MAX_ALPHA }} aria-hidden="true" /> {t('legend.confidence')}
        </p>
        <p className="small">{t('legend.sites')}</p>
      </div>
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
      <h3>{t('divergent.title')}</h3>
      {divergent === null && <p className="muted">{t('section.loading')}</p>}
      {divergent?.length === 0 && <p className="muted">{t('divergent.none')}</p>}
      <ol className="ww-divergent">
        {divergent?.map((s) => (
          <li key={s.areaCode} data-area={s.areaCode}>
            <button type="button" onClick={() => ctx.select({ layer: layerOf(s.level), id: s.areaCode })}>
              <span className="ww-outline" aria-hidden="true" />
              <strong>{s.areaName}</strong> · {t(`trend.${s.trend}`)}
              {s.pctChange !== null && <> · {t('section.pctChange', { pct: s.pctChange.toFixed(0) })}</>}
            </button>
            <span className="muted small"> {t('divergent.item', { trend: t(`trend.${s.enforcementTrend ?? 'insufficient'}`), p: (s.enforcementP ?? 1).toFixed(3) })}</span>
          </li>
        ))}
      </ol>
      <h3>{t('rising.title')}</h3>
      {rising === null && <p className="muted">{t('section.loading')}</p>}
      {rising?.length === 0 && <p className="muted">{t('rising.none')}</p>}
      <ol className="ww-rising">
        {rising?.map((s) => (
          <li key={`${s.areaCode}/${s.substance}`} data-trend={s.trend} data-level={s.level}>
            <button type="button" onClick={() => ctx.select({ layer: layerOf(s.level), id: s.areaCode })}>
              <span className="ww-swatch" style={{ background: trendColor(s.trend) }} aria-hidden="true" />
              <strong>{s.areaName}</strong> · {t(`substance.${s.substance}`)} · {t(`trend.${s.trend}`)}
              {s.pctChange !== null && <> · {t('section.pctChange', { pct: s.pctChange.toFixed(0) })}</>}
            </button>
            <span className="muted small">
              {' '}
              {t('rising.confidence', { coverage: Math.round(s.coverage * 100), n: s.nSamples })}
              {(s.censoredShare ?? 0) > 0 && <> · {t('rising.censored', { pct: Math.round((s.censoredShare ?? 0) * 100) })}</>}
            </span>
            {s.tracingSites && s.tracingSites.length > 0 && (
              <ul className="ww-tracing">
                {s.tracingSites.map((ts) => (
                  <li key={ts.code}>
                    <button type="button" onClick={() => ctx.select({ layer: 'wastewater_sites', id: ts.code })}>
                      {t('rising.tracing')}: {ts.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
