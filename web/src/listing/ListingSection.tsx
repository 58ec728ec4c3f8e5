/** Details panel section for a selected county, township or village: its listings as of the slider's date. */
import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import type { Selection } from '../url/viewHash';
import { fetchListings, GRADE_COLORS, type Listing } from './api';
import { getAsOf, subscribeAsOf, chinaToday } from './asOf';
import { FlagList } from './FlagList';

/** The printable report is its own chunk, loaded when opened. */
const ListingReport = lazy(() => import('./ListingReport').then((m) => ({ default: m.ListingReport })));

const AREA_LAYERS = new Set(['counties', 'townships', 'villages']);

export function ListingSection({ selection }: { ctx: PluginContext; selection: Selection }) {
  const { t } = useTranslation('listing');
  const asOf = useSyncExternalStore(subscribeAsOf, getAsOf);
  const [rows, setRows] = useState<Listing[] | null>(null);
  const [report, setReport] = useState<number | null>(null);
  const isArea = AREA_LAYERS.has(selection.layer) && /^\d{12}$/.test(selection.id);

  useEffect(() => {
    if (!isArea) return;
    const ac = new AbortController();
    fetchListings({ asOf, area: selection.id }, ac.signal)
      .then((r) => setRows(r.listings.filter((l) => l.areaCode === selection.id)))
      .catch(() => setRows([]));
    return () => ac.abort();
  }, [isArea, selection.id, asOf]);

  if (!isArea || !rows) return null;
  return (
    <section className="listing-section" aria-labelledby="listing-section-title">
      <h3 id="listing-section-title">{t('section.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('section.none', { date: asOf ?? chinaToday() })}</p>
      ) : (
        <ul className="listing-section-list">
          {[...rows].reverse().map((l) => (
            <li key={l.id}>
              <span className="listing-swatch" style={{ background: GRADE_COLORS[l.grade] }} aria-hidden="true" />
              <strong>{t(`grade.${l.grade}`)}</strong> · {t(`status.${l.status}`)} · {l.listedOn} → {l.delistedOn ?? l.termEndsOn}
              <FlagList listing={l} />
              <button type="button" onClick={() => setReport(l.id)}>
                {t('section.printReport')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {report !== null && (
        <Suspense fallback={null}>
          <ListingReport id={report} asOf={asOf} onClose={() => setReport(null)} />
        </Suspense>
      )}
    </section>
  );
}
