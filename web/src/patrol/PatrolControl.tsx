/**
 * Side panel of the patrol mode: the day, the working hours and where the day starts, the due-or-risky list
 * (choosing one flies there and opens its details), "plan route" with the total km and time and the stops that
 * could not fit (with the reason), and "print patrol sheet".
 */
import { DateInput } from '../console/DateInput';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { PluginContext } from '../plugins/registry';
import type { DueItem } from './api';
import { clock, dueLabel, durationLabel, kindLabel, outcomeLabel } from './labels';
import { currentFix } from '../officer/geolocate';
import { getPatrolState, loadDue, planDay, setDate, setMaxStops, setSheetOpen, setStart, setWorkingHours, subscribePatrol } from './state';
import { UnplacedList } from './UnplacedList';

export const layerOf = (kind: DueItem['kind']) => (kind === 'firm' ? 'firms' : 'venues');

export function flyToTarget(ctx: PluginContext, d: Pick<DueItem, 'kind' | 'id' | 'lon' | 'lat'>) {
  ctx.map?.flyTo({ center: [d.lon, d.lat], zoom: Math.max(ctx.map.getZoom(), 15), duration: 800 });
  ctx.select({ layer: layerOf(d.kind), id: String(d.id) });
}

export function PatrolControl({ ctx }: { ctx: PluginContext }) {
  const { t } = useTranslation('patrol');
  const s = useSyncExternalStore(subscribePatrol, getPatrolState);

  useEffect(() => {
    if (!s.due) loadDue();
    // Only on opening the mode: a later date change loads through setDate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const toggleMyPosition = async (on: boolean) => {
    if (!on) return setStart(null);
    setLocating('busy');
    try {
      const f = await currentFix();
      setStart([f.lon, f.lat]);
      setLocating('idle');
    } catch {
      setLocating('failed');
    }
  };

  const plan = s.plan;
  return (
    <div className="patrol-control" data-testid="patrol-control">
      <h2>{t('title')}</h2>
      <div className="patrol-row">
        <label>
          {t('date')} <DateInput value={s.date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('maxStops')} <input type="number" min={1} max={30} value={s.maxStops} onChange={(e) => setMaxStops(Number(e.target.value))} className="patrol-num" />
        </label>
      </div>
      <div className="patrol-row">
        <label>
          {t('dayStart')} <input type="time" className="patrol-day-start" value={s.dayStart} onChange={(e) => setWorkingHours(e.target.value, s.dayEnd)} />
        </label>
        <label>
          {t('dayEnd')} <input type="time" className="patrol-day-end" value={s.dayEnd} onChange={(e) => setWorkingHours(s.dayStart, e.target.value)} />
        </label>
      </div>
      <label className="patrol-row">
        <input type="checkbox" checked={s.start !== null} disabled={locating === 'busy'} onChange={(e) => void toggleMyPosition(e.target.checked)} /> {t('startHere')}
        {locating === 'busy' && <span className="muted small">{t('locating')}</span>}
        {locating === 'failed' && <span className="patrol-error small">{t('locateFailed')}</span>}
      </label>
      <div className="patrol-row">
        <button type="button" className="patrol-plan" onClick={() => void planDay()} disabled={s.planning}>
          {s.planning ? t('planning') : t('plan')}
        </button>
        <button type="button" className="patrol-print" onClick={() => setSheetOpen(true)} disabled={!plan || plan.count === 0}>
          {t('print')}
        </button>
      </div>
      {s.planFailed && <p className="patrol-error" role="alert">{t('planFailed')}</p>}
      {plan && (
        <div className="patrol-summary" data-stops={plan.count}>
          {plan.count === 0 ? (
            <p>{t('nothingToPlan')}</p>
          ) : (
            <>
              <p>
                <strong>{t('summary', { count: plan.count, km: plan.totalKm.toFixed(1) })}</strong> · {durationLabel(t, plan.totalMinutes)} ·{' '}
                {t('finish', { time: clock(plan.finishAt) })}
              </p>
              <p className="muted small">
                {t('from', { name: plan.start.name ?? `${plan.start.lon.toFixed(4)}, ${plan.start.lat.toFixed(4)}` })} ·{' '}
                {t('assumptions', { factor: plan.assumptions.roadFactor, speed: plan.assumptions.averageSpeedKmh, minutes: plan.assumptions.minutesPerStop })}
              </p>
              <ol className="patrol-stops">
                {plan.stops.map((st) => (
                  <li key={`${st.kind}/${st.id}`} data-stop={`${st.kind}/${st.id}`} data-begin={st.beginAt}>
                    <button type="button" onClick={() => flyToTarget(ctx, st)}>
                      <span className="patrol-seq" aria-hidden="true">{st.seq}</span>
                      <strong>{st.name}</strong>
                    </button>
                    <span className="muted small">
                      {' '}
                      {clock(st.beginAt)}
                      {st.waitMinutes > 0 && <> ({t('waitShort', { minutes: st.waitMinutes })})</>} · {st.cumulativeKm.toFixed(1)} km · {dueLabel(t, st)}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {plan.unplaced.length > 0 && <UnplacedList plan={plan} />}
        </div>
      )}
      <h3>{t('dueTitle')}</h3>
      {s.dueFailed && <p className="patrol-error">{t('dueFailed')}</p>}
      {!s.due && !s.dueFailed && <p className="muted">{t('loading')}</p>}
      {s.due?.length === 0 && <p className="muted">{t('nothingDue')}</p>}
      <ul className="patrol-due">
        {s.due?.slice(0, 50).map((d) => (
          <li key={`${d.kind}/${d.id}`} data-overdue={d.overdue}>
            <button type="button" onClick={() => flyToTarget(ctx, d)}>
              <strong>{d.name}</strong>
              <span className="small"> {kindLabel(t, d)}</span>
            </button>
            <span className={`small ${d.overdue ? 'patrol-overdue' : 'muted'}`}>
              {' '}
              {dueLabel(t, d)} · {t('last')}: {outcomeLabel(t, d.lastOutcome)}
              {d.licenceState === 'expired' && <> · {t('licenceExpired')}</>}
              {d.licenceState === 'expiring' && <> · {t('licenceExpiring')}</>}
            </span>
          </li>
        ))}
      </ul>
      {s.due && s.due.length > 50 && <p className="muted small">{t('more', { count: s.due.length - 50 })}</p>}
    </div>
  );
}
