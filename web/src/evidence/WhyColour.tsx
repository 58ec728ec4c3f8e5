/**
 * "为什么是这个颜色？" — the evidence behind an area's listing colour and its drug-signal colour, in words and small
 * charts: listing events and dates; the plants and samples used, their own trends and censored shares; the panel
 * changes; the test's statistic and p-value; enforcement over the same weeks and the divergence flag; and what
 * would change each colour. Used by the details panel (plugin.tsx) and by the wall display (compact: the trend
 * first, fewer lines, for the wall's drug-signal view).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, trendColor } from 'domain/palette';
import { fetchEvidence, type Evidence } from './api';
import { CountsChart, WeeklyChart } from './charts';
import { listingWords, signalWords } from './words';

export function useEvidence(code: string | null, substance: string, asOf: string | null, refreshKey: unknown = 0) {
  const [state, setState] = useState<{ code: string; data: Evidence | null; error: boolean } | null>(null);
  useEffect(() => {
    if (!code) return;
    const ac = new AbortController();
    fetchEvidence(code, substance, asOf, ac.signal)
      .then((data) => setState({ code, data, error: false }))
      .catch(() => {
        if (!ac.signal.aborted) setState((s) => ({ code, data: s?.code === code ? s.data : null, error: true }));
      });
    return () => ac.abort();
  }, [code, substance, asOf, refreshKey]);
  return state?.code === code ? state : null;
}

export function WhyColour({ evidence, compact = false }: { evidence: Evidence; compact?: boolean }) {
  const { t } = useTranslation('evidence');
  const l = listingWords(evidence.listing, t);
  const s = evidence.signal ? signalWords(evidence.signal, t) : null;
  const sig = evidence.signal;
  const gradeColour = (GRADE_COLORS as Record<string, string>)[evidence.listing.class] ?? GRADE_COLORS.none;
  const maxPlants = compact ? 2 : 12;
  const listingPart = (
    <section className="why-part" data-part="listing" data-class={evidence.listing.class}>
      <h4>
        <span className="why-swatch" style={{ background: gradeColour }} aria-hidden="true" /> {l.headline}
      </h4>
      {l.events.length > 0 && (
        <ol className="why-events">
          {l.events.slice(compact ? -2 : 0).map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ol>
      )}
      <p className="why-label">{t('whatWouldChange')}</p>
      <ul className="why-changes">
        {l.changes.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </section>
  );
  const signalPart =
    s && sig && (
      <section className="why-part" data-part="signal" data-trend={sig.trend?.category ?? 'none'} data-divergent={sig.divergent ? 'true' : 'false'}>
        <h4>
          <span className="why-swatch" style={{ background: trendColor(sig.trend?.category) }} aria-hidden="true" /> {s.headline}
        </h4>
        {sig.window && sig.weekly.length > 0 && (
          <WeeklyChart from={sig.window.from} weeks={sig.window.weeks} points={sig.weekly} marks={sig.panel} label={t('chart.area')} width={compact ? 360 : 280} height={compact ? 80 : 60} />
        )}
        <ul className="why-facts">
          {s.facts.slice(0, compact ? 3 : undefined).map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        {s.panel.length > 0 && (
          <ul className="why-panel" data-panel={sig.panel.length}>
            {s.panel.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        )}
        <p className="why-label">{t('plantsTitle', { n: sig.plants.length })}</p>
        <ul className="why-plants">
          {sig.plants.slice(0, maxPlants).map((p, i) => (
            <li key={p.code} data-role={p.role}>
              <span>{s.plants[i]}</span>
              {!compact && sig.window && (
                <WeeklyChart from={sig.window.from} weeks={sig.window.weeks} points={p.series} marks={sig.panel.filter((c) => c.code === p.code)} label={t('chart.plant', { name: p.name })} height={40} />
              )}
            </li>
          ))}
          {sig.plants.length > maxPlants && <li className="muted">{t('morePlants', { n: sig.plants.length - maxPlants })}</li>}
        </ul>
        {s.enforcement.length > 0 && (
          <>
            <p className="why-label">{t('enforcementTitle')}</p>
            <ul className="why-enforcement">
              {s.enforcement.map((x, i) => (
                <li key={x} className={x === t('enforcement.divergent') ? 'why-divergent' : undefined}>
                  {x}
                  {!compact && sig.enforcement?.measures[i - 1] && <CountsChart counts={sig.enforcement.measures[i - 1]!.weekly} label={t(`measure.${sig.enforcement.measures[i - 1]!.measure}`)} />}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="why-label">{t('whatWouldChange')}</p>
        <ul className="why-changes">
          {s.changes.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      </section>
    );
  return (
    <div className={`why${compact ? ' why-compact' : ''}`} data-area={evidence.area.code}>
      {compact ? (
        <>
          {signalPart}
          {listingPart}
        </>
      ) : (
        <>
          {listingPart}
          {signalPart}
        </>
      )}
    </div>
  );
}
