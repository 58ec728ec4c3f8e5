/**
 * The time slider: a date between the first listing and today, with play (a month every 0.7 s, two years in about
 * 17 s). Moving it re-requests the area tiles as of that date; the table and reports follow the same date.
 */
import { DateInput } from '../console/DateInput';
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import { fetchListings } from './api';
import { applyAsOf, chinaToday, dateAt, dayIndex, getAsOf, setAsOf, subscribeAsOf } from './asOf';
import { formatDate } from '../details/read';

/** The table (and its CSV/Excel export) is its own chunk, loaded when opened. */
const ListingsTable = lazy(() => import('./ListingsTable').then((m) => ({ default: m.ListingsTable })));

const STEP_DAYS = 30;
const TICK_MS = 700;

export function ListingControl({ ctx }: { ctx: PluginContext }) {
  const { t, i18n } = useTranslation('listing');
  const asOf = useSyncExternalStore(subscribeAsOf, getAsOf);
  const max = chinaToday();
  const [min, setMin] = useState(() => dateAt(max, -730));
  const [playing, setPlaying] = useState(false);
  const [tableOpen, setTableOpen] = useState(false);
  const date = asOf ?? max;

  // The slider starts at the first listing date (at most a few years back).
  useEffect(() => {
    const ac = new AbortController();
    fetchListings({ asOf: null }, ac.signal)
      .then((r) => {
        const first = r.listings.reduce((m, l) => (l.listedOn < m ? l.listedOn : m), max);
        setMin(first.slice(0, 8) + '01');
      })
      .catch(() => undefined);
    return () => ac.abort();
  }, [max]);

  useEffect(() => {
    if (!ctx.map) return;
    const map = ctx.map;
    // The past-term and recently-delisted outlines are part of the server's style (api/src/style/paint.ts).
    // Not gated on isStyleLoaded(): that is false whenever a tile is still loading, long after 'load' has fired,
    // and a date chosen then was never applied. Apply to the sources there are now, and again whenever the style
    // is (re)loaded (a language or basemap switch rebuilds the sources without the date); applyAsOf only touches
    // a source whose URL differs, so the repeats cost nothing.
    const apply = () => applyAsOf(map, asOf);
    apply();
    map.on('styledata', apply);
    return () => {
      map.off('styledata', apply);
    };
  }, [ctx.map, asOf]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const cur = getAsOf() ?? max;
      const next = cur >= max ? min : dateAt(cur, STEP_DAYS);
      if (next >= max) {
        setAsOf(null);
        setPlaying(false);
      } else setAsOf(next);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, min, max]);

  const span = dayIndex(min, max);
  const choose = (d: string) => setAsOf(d >= max ? null : d < min ? min : d);
  return (
    <section className="listing-control" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <div className="listing-date-row">
        <label htmlFor="listing-as-of-date">{t('asOf')}</label>
        <DateInput
          id="listing-as-of-date"
          min={min}
          max={max}
          value={date}
          onChange={(e) => e.target.value && choose(e.target.value)}
        />
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing} data-testid="listing-play">
          {playing ? t('pause') : t('play')}
        </button>
        <button type="button" onClick={() => setAsOf(null)} disabled={asOf === null}>
          {t('today')}
        </button>
      </div>
      <input
        className="listing-slider"
        type="range"
        aria-label={t('slider')}
        aria-valuetext={formatDate(date, i18n.language)}
        data-date={date}
        data-testid="listing-slider"
        data-min={min}
        min={0}
        max={span}
        step={1}
        value={Math.min(span, Math.max(0, dayIndex(min, date)))}
        onChange={(e) => choose(dateAt(min, Number(e.target.value)))}
      />
      <div className="listing-slider-ends muted" aria-hidden="true">
        <span>{min}</span>
        <span>{max}</span>
      </div>
      <button type="button" className="listing-open-table" onClick={() => setTableOpen(true)}>
        {t('openTable')}
      </button>
      {tableOpen && (
        <Suspense fallback={null}>
          <ListingsTable asOf={asOf} onClose={() => setTableOpen(false)} />
        </Suspense>
      )}
    </section>
  );
}
