/**
 * The grid officer's panel (side panel; the bottom sheet on phones): the big "am I in my grid?" button and its
 * answer, "follow me", and what is due in each of their grids. Big touch targets and dark-on-light text for sun.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import type { MyGrid } from './api';
import { checkPosition, getOfficerState, loadMine, setFollowing, subscribeOfficer } from './state';
import { daysUntil, formatDistance, type Verdict } from './where';
import { chinaToday } from 'domain/time';


export function OfficerPanel({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('officer');
  const s = useSyncExternalStore(subscribeOfficer, getOfficerState);
  const root = useRef<HTMLElement>(null);
  const banner = useRef<HTMLDivElement>(null);
  // The officer's panel is their whole job: bring it to the top of the sheet, above the other themes' controls.
  // The sheet may still be closed (hidden, size 0) at mount: scroll the first time the panel gets a size.
  // Braces on scrollIntoView: newer Chromium returns a Promise from it, which an effect must not return.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      if (el.getBoundingClientRect().height === 0) return;
      ro.disconnect();
      el.scrollIntoView({ block: 'start' });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // A new answer must be seen without scrolling.
  useEffect(() => {
    banner.current?.scrollIntoView({ block: 'nearest' });
  }, [s.verdict, s.geoError]);
  if (ctx.user?.role !== 'grid_officer') return null;
  const time = (iso: string) => new Date(iso).toLocaleString(ctx.lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <section className="officer" aria-labelledby="officer-title" ref={root}>
      <h2 id="officer-title">{t('title')}</h2>
      <button type="button" className="officer-locate" onClick={() => void checkPosition()} disabled={s.locating} aria-busy={s.locating}>
        {s.locating ? t('locating') : t('amIInside')}
      </button>
      <div role="status" aria-live="polite" ref={banner}>
        {s.geoError && <p className="officer-banner officer-error" data-state="error">{t(`geoError.${s.geoError}`)}</p>}
        {!s.geoError && s.verdict && <VerdictBanner verdict={s.verdict} accuracy={s.position?.accuracy ?? null} lang={ctx.lang} />}
      </div>
      <label className="officer-follow">
        <input type="checkbox" checked={s.following} onChange={(e) => setFollowing(e.target.checked)} />
        {t('follow')}
      </label>

      <div className="officer-freshness" data-source={s.source ?? 'none'}>
        {s.loading && !s.grids && <p>{t('loading')}</p>}
        {s.source === 'network' && s.savedAt && <p>{t('updated', { time: time(s.savedAt) })}</p>}
        {s.source === 'cache' && s.savedAt && <p className="officer-offline">{t('offline', { time: time(s.savedAt) })}</p>}
        {s.loadFailed && !s.grids && <p className="officer-offline">{t('noData')}</p>}
        {(s.loadFailed || s.source === 'network') && (
          <button type="button" className="officer-secondary" onClick={() => ctx.user && loadMine(ctx.user.username, true)}>
            {t('reload')}
          </button>
        )}
      </div>

      {s.grids?.length === 0 && <p>{t('noGrids')}</p>}
      {s.grids?.map((g) => <GridDue key={g.code} grid={g} ctx={ctx} />)}
    </section>
  );
}

function VerdictBanner({ verdict, accuracy, lang }: { verdict: Verdict; accuracy: number | null; lang: string }) {
  const { t } = useTranslation('officer');
  const acc = accuracy !== null ? t('accuracy', { distance: formatDistance(accuracy, lang) }) : null;
  return (
    <div className={`officer-banner ${verdict.inside ? 'officer-inside' : 'officer-outside'}`} data-state={verdict.inside ? 'inside' : 'outside'}>
      <p className="officer-verdict">
        <span aria-hidden="true">{verdict.inside ? '✔ ' : '✖ '}</span>
        {verdict.inside ? t('inside', { name: verdict.gridName }) : t('outside')}
      </p>
      {!verdict.inside && verdict.nearest && (
        <p className="officer-distance">{t('nearest', { name: verdict.nearest.name, distance: formatDistance(verdict.nearest.metres, lang) })}</p>
      )}
      {!verdict.inside && verdict.hereName && <p>{t('hereIs', { name: verdict.hereName })}</p>}
      {acc && <p className="officer-small">{acc}</p>}
      {verdict.offline && <p className="officer-small">{t('computedOffline')}</p>}
    </div>
  );
}

function GridDue({ grid, ctx }: { grid: MyGrid; ctx: PluginContext }) {
  const { t } = useTranslation('officer');
  const today = chinaToday();
  const m = grid.latestMonth;
  return (
    <section className="officer-grid" data-grid={grid.code} aria-labelledby={`officer-grid-${grid.code}`}>
      <h3 id={`officer-grid-${grid.code}`}>
        <button type="button" className="officer-grid-name" onClick={() => ctx.select({ layer: 'grids', id: grid.code })}>
          {grid.name}
        </button>
      </h3>
      <p className="officer-small">
        {grid.code}
        {grid.households != null && ` · ${t('households', { count: grid.households })}`}
      </p>
      {m && (
        <p className="officer-rehab" data-done={m.rehabDone >= m.rehabDue}>
          {t('rehab', { month: m.month.slice(0, 7), due: m.rehabDue, done: m.rehabDone })}
        </p>
      )}
      <h4>{t('dueTitle')}</h4>
      {grid.due.length === 0 ? (
        <p className="officer-small">{t('nothingDue')}</p>
      ) : (
        <ul className="officer-due">
          {grid.due.map((d) => {
            const days = daysUntil(d.due, today);
            return (
              <li key={`${d.kind}-${d.id}`}>
                <button type="button" data-overdue={days < 0} onClick={() => ctx.select({ layer: d.kind === 'firm' ? 'firms' : 'venues', id: String(d.id) })}>
                  <span className="officer-due-name">
                    {t(`kind.${d.kind}`)} · {d.name}
                  </span>
                  <span className="officer-due-when">
                    {d.due.slice(0, 10)} · {days < 0 ? t('overdue', { count: -days }) : days === 0 ? t('dueToday') : t('dueIn', { count: days })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
