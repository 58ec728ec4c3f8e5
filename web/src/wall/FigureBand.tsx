/** The side band: key figures in large type. Every number has a data-figure attribute the browser test reads. */
import { useTranslation } from 'react-i18next';
import type { CatalogueLayer } from '../api/types';
import { count, percent, seizedKg, type Overview } from './overview';

const GRADES = ['key_rectification', 'key_supervision', 'key_attention'] as const;

function Figure({ id, label, value, swatch, warn }: { id: string; label: string; value: string; swatch?: string; warn?: boolean }) {
  return (
    <div className={`wall-figure${warn ? ' warn' : ''}`}>
      <span className="wall-figure-label">
        {swatch && <i className="wall-swatch" style={{ background: swatch }} aria-hidden="true" />}
        {label}
      </span>
      <span className="wall-figure-value" data-figure={id}>
        {value}
      </span>
    </div>
  );
}

export function FigureBand({ overview, catalogue }: { overview: Overview; catalogue: CatalogueLayer[] }) {
  const { t, i18n } = useTranslation('wall');
  const lang = i18n.language;
  const gradeColor = (g: string) => catalogue.find((l) => l.id === 'counties')?.legend?.find((e) => (e as { value?: unknown }).value === g)?.color;
  const { listings, signals, checkpoints, inspections, people } = overview;
  const month = people?.month ? people.month.slice(0, 7) : '—';
  return (
    <section className="wall-band" aria-label={t('figures')}>
      <div className="wall-block">
        <h2>{t('listings.title')}</h2>
        <div className="wall-grid4">
          {GRADES.map((g) => (
            <Figure key={g} id={`listings.${g}`} label={t(`listings.${g}`)} value={count(listings[g], lang)} swatch={gradeColor(g)} />
          ))}
          <Figure id="listings.past_term" label={t('listings.past_term')} value={count(listings.past_term, lang)} warn={listings.past_term > 0} />
        </div>
      </div>
      <div className="wall-block">
        <h2>{t('rising.title')}</h2>
        {signals.topRising.length === 0 ? (
          <p className="wall-muted">{t('rising.none')}</p>
        ) : (
          <ol className="wall-rising" data-figure="rising">
            {signals.topRising.map((r, i) => (
              <li key={r.code} className={r.trend}>
                <span className="wall-rising-rank">{i + 1}</span>
                <span className="wall-rising-name">{r.name}</span>
                <span className="wall-rising-pct">{r.pctChange === null ? t(`rising.${r.trend === 'rising_significant' ? 'significant' : 'rising'}`) : `+${Math.round(r.pctChange)}%`}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="wall-block">
        <h2>{t('checkpoints.title', { days: checkpoints.days })}</h2>
        <div className="wall-grid2">
          <Figure id="checkpoints.vehicles" label={t('checkpoints.vehicles')} value={count(checkpoints.vehicles, lang)} />
          <Figure id="checkpoints.people" label={t('checkpoints.people')} value={count(checkpoints.people, lang)} />
          <Figure id="checkpoints.cases" label={t('checkpoints.cases')} value={count(checkpoints.cases, lang)} />
          <Figure id="checkpoints.seized" label={t('checkpoints.seized')} value={count(seizedKg(checkpoints.seized_kg), lang)} />
        </div>
      </div>
      <div className="wall-block">
        <h2>{t('inspections.title')}</h2>
        <div className="wall-grid2">
          <Figure id="inspections.firms_overdue" label={t('inspections.firms')} value={count(inspections.firms_overdue, lang)} warn={inspections.firms_overdue > 0} />
          <Figure id="inspections.venues_overdue" label={t('inspections.venues')} value={count(inspections.venues_overdue, lang)} warn={inspections.venues_overdue > 0} />
        </div>
      </div>
      {people && (
        <div className="wall-block">
          <h2>{t('rates.title', { month })}</h2>
          <div className="wall-grid2">
            <Figure id="people.controlRate" label={t('rates.control')} value={percent(people.controlRate, lang)} />
            <Figure id="people.rehabExecutionRate" label={t('rates.rehab')} value={percent(people.rehabExecutionRate, lang)} />
          </div>
        </div>
      )}
    </section>
  );
}
