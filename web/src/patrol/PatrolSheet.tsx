/**
 * The printable patrol sheet (巡查单): the day, the inspector, the stops in route order with what to know at each
 * (address, category or kind, due/overdue, last outcome), empty boxes to tick and to write findings by hand, and a
 * small route map as inline SVG (prints sharply, needs no tiles). Rendered into its own root under <body>; while
 * it is open, print CSS hides everything else, so the printer gets only the sheet.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../api/types';
import type { Plan } from './api';
import { inspectionLink } from './deepLink';
import { hoursLabel } from './hoursLabel';
import { clock, dueLabel, durationLabel, kindLabel, outcomeLabel } from './labels';
import { projectRoute } from './routeSvg';
import { StopQr } from './StopQr';
import { UnplacedList } from './UnplacedList';

const MAP_W = 300;
const MAP_H = 220;

function RouteMap({ plan }: { plan: Plan }) {
  const { t } = useTranslation('patrol');
  const pts = projectRoute(plan.path.geometry.coordinates as [number, number][], MAP_W, MAP_H, 18);
  const [start, ...stops] = pts;
  return (
    <svg className="patrol-sheet-map" viewBox={`0 0 ${MAP_W} ${MAP_H}`} width={MAP_W} height={MAP_H} role="img" aria-label={t('sheet.map')}>
      <rect x="0.5" y="0.5" width={MAP_W - 1} height={MAP_H - 1} fill="none" stroke="#999" />
      <polyline points={pts.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')} fill="none" stroke="#111" strokeWidth="2" strokeLinejoin="round" />
      {start && <rect x={start.x - 5} y={start.y - 5} width="10" height="10" fill="#fff" stroke="#111" strokeWidth="2" />}
      {stops.map((p, i) => (
        <g key={i} className="patrol-sheet-map-stop">
          <circle cx={p.x} cy={p.y} r="8" fill="#E69F00" stroke="#111" strokeWidth="1.2" />
          <text x={p.x} y={p.y + 3.5} textAnchor="middle" fontSize="10" fontWeight="bold" fill="#111">
            {i + 1}
          </text>
        </g>
      ))}
      <text x="6" y={MAP_H - 6} fontSize="9" fill="#444">
        {t('sheet.mapNote')}
      </text>
    </svg>
  );
}

export function PatrolSheet({ plan, inspector, lang, onClose }: { plan: Plan; inspector: string; lang: Lang; onClose: () => void }) {
  const { t } = useTranslation('patrol');
  const origin = window.location.origin;
  const [root] = useState(() => {
    const el = document.createElement('div');
    el.className = 'patrol-print-root';
    return el;
  });

  useEffect(() => {
    document.body.appendChild(root);
    document.body.classList.add('patrol-printing');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('patrol-printing');
      root.remove();
    };
  }, [root, onClose]);

  return createPortal(
    <div className="patrol-sheet" role="dialog" aria-labelledby="patrol-sheet-title">
      <div className="patrol-sheet-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('sheet.printNow')}
        </button>
        <button type="button" onClick={onClose}>
          {t('sheet.close')}
        </button>
      </div>
      <div className="patrol-sheet-page">
        <div className="patrol-sheet-top">
          <div>
            <h1 id="patrol-sheet-title">{t('sheet.title')}</h1>
            <dl className="patrol-sheet-facts">
              <dt>{t('sheet.date')}</dt>
              <dd data-field="date">{plan.date}</dd>
              <dt>{t('sheet.inspector')}</dt>
              <dd data-field="inspector">{inspector}</dd>
              <dt>{t('sheet.start')}</dt>
              <dd>{plan.start.name ?? `${plan.start.lon.toFixed(4)}, ${plan.start.lat.toFixed(4)}`}</dd>
              <dt>{t('sheet.workingHours')}</dt>
              <dd>
                {plan.workingHours.from}–{plan.workingHours.to}
              </dd>
              <dt>{t('sheet.total')}</dt>
              <dd>
                {t('summary', { count: plan.count, km: plan.totalKm.toFixed(1) })} · {durationLabel(t, plan.totalMinutes)}
              </dd>
              <dt>{t('sheet.cosigned')}</dt>
              <dd className="patrol-sheet-blank" />
            </dl>
          </div>
          <RouteMap plan={plan} />
        </div>
        <table className="patrol-sheet-table">
          <thead>
            <tr>
              <th>{t('sheet.seq')}</th>
              <th>{t('sheet.target')}</th>
              <th>{t('sheet.kind')}</th>
              <th>{t('sheet.due')}</th>
              <th>{t('sheet.lastOutcome')}</th>
              <th>{t('sheet.eta')}</th>
              <th>{t('sheet.qr')}</th>
              <th>{t('sheet.result')}</th>
              <th className="patrol-sheet-findings">{t('sheet.findings')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.stops.map((s) => (
              <tr key={`${s.kind}/${s.id}`} data-stop={s.seq}>
                <td className="num">{s.seq}</td>
                <td>
                  <strong>{s.name}</strong>
                  <div className="small">{s.address}</div>
                  <div className="small">{t('sheet.open', { hours: hoursLabel(t, s.openingHours) })}</div>
                </td>
                <td>{kindLabel(t, s)}</td>
                <td className={s.overdue ? 'patrol-overdue' : ''}>{dueLabel(t, s)}</td>
                <td>
                  {outcomeLabel(t, s.lastOutcome)}
                  {s.lastInspectedOn && <div className="small">{s.lastInspectedOn}</div>}
                </td>
                <td className="num">
                  {clock(s.beginAt)}
                  {s.waitMinutes > 0 && <div className="small">{t('waitShort', { minutes: s.waitMinutes })}</div>}
                  <div className="small">{s.cumulativeKm.toFixed(1)} km</div>
                </td>
                <td className="patrol-sheet-qr">
                  <StopQr url={inspectionLink(origin, s, lang)} label={t('sheet.qrLabel', { seq: s.seq })} />
                </td>
                <td className="patrol-sheet-ticks">
                  {(['ok', 'issues', 'violation'] as const).map((o) => (
                    <span key={o}>
                      <span className="patrol-box" aria-hidden="true" /> {t(`outcome.${o}`)}
                    </span>
                  ))}
                </td>
                <td className="patrol-sheet-findings" />
              </tr>
            ))}
          </tbody>
        </table>
        {plan.unplaced.length > 0 && <UnplacedList plan={plan} className="patrol-sheet-unplaced" />}
        <p className="small patrol-sheet-note">
          {t('sheet.qrNote')}
        </p>
        <p className="small patrol-sheet-note">
          {t('assumptions', { factor: plan.assumptions.roadFactor, speed: plan.assumptions.averageSpeedKmh, minutes: plan.assumptions.minutesPerStop })}
        </p>
      </div>
    </div>,
    root,
  );
}
