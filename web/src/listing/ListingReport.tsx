/**
 * A printable one-page report for one listing: grade, categories, dates, assessments against the six conditions,
 * the history, and a small map of the area (an SVG of its outline, which prints sharply). Rendered into its own
 * root under <body>; while it is open, print CSS hides everything else.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CONDITIONS, fetchDetail, fetchOutline, GRADE_COLORS, type ListingDetail, type Outline } from './api';
import { chinaToday } from './asOf';
import { FlagList } from './FlagList';
import { outlinePath } from './outline';

export function ListingReport({ id, asOf, onClose }: { id: number; asOf: string | null; onClose: () => void }) {
  const { t } = useTranslation('listing');
  const [detail, setDetail] = useState<ListingDetail | null>(null);
  const [outline, setOutline] = useState<Outline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [root] = useState(() => {
    const el = document.createElement('div');
    el.className = 'listing-print-root';
    return el;
  });

  useEffect(() => {
    document.body.appendChild(root);
    document.body.classList.add('listing-printing');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('listing-printing');
      root.remove();
    };
  }, [root, onClose]);

  useEffect(() => {
    const ac = new AbortController();
    Promise.all([fetchDetail(id, asOf, ac.signal), fetchOutline(id, ac.signal).catch(() => null)])
      .then(([d, o]) => {
        setDetail(d);
        setOutline(o);
      })
      .catch((e: Error) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [id, asOf]);

  const l = detail?.listing;
  const svg = outline ? outlinePath(outline.geometry, 260) : null;
  const yes = (b: boolean) => (b ? t('report.yes') : t('report.no'));
  return createPortal(
    <div className="listing-report" role="dialog" aria-modal="true" aria-labelledby="listing-report-title">
      <div className="listing-report-actions no-print">
        <button type="button" onClick={() => window.print()} disabled={!detail}>
          {t('report.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('report.close')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {l && detail && (
        <article className="listing-report-page" data-listing-id={l.id}>
          <header>
            <h1 id="listing-report-title">
              {l.areaName ?? l.areaCode} · {t('report.title')}
            </h1>
            <p className="muted">
              {t('report.asOf', { date: asOf ?? chinaToday() })} · {t('report.printedOn', { date: chinaToday() })}
            </p>
          </header>
          <div className="listing-report-top">
            <dl className="listing-report-facts">
              <dt>{t('report.code')}</dt>
              <dd>{l.areaCode}</dd>
              <dt>{t('report.body')}</dt>
              <dd>{t(`body.${l.body}`)}</dd>
              <dt>{t('report.grade')}</dt>
              <dd>
                <span className="listing-swatch" style={{ background: GRADE_COLORS[l.grade] }} aria-hidden="true" />
                <strong>{t(`grade.${l.grade}`)}</strong>
              </dd>
              <dt>{t('report.status')}</dt>
              <dd>
                {t(`status.${l.status}`)} <FlagList listing={l} />
              </dd>
              <dt>{t('report.categories')}</dt>
              <dd>{l.categories.map((c) => t(`category.${c}`)).join(t('sep'))}</dd>
              <dt>{t('report.listedOn')}</dt>
              <dd>{l.listedOn}</dd>
              <dt>{t('report.termEndsOn')}</dt>
              <dd>{l.termEndsOn}</dd>
              <dt>{t('report.extended')}</dt>
              <dd>{yes(l.extended)}</dd>
              {l.delistedOn && (
                <>
                  <dt>{t('report.delistedOn')}</dt>
                  <dd>{l.delistedOn}</dd>
                </>
              )}
              {l.flags.nextAssessmentDue && (
                <>
                  <dt>{t('report.nextAssessment')}</dt>
                  <dd>{l.flags.nextAssessmentDue}</dd>
                </>
              )}
              {l.relistedFrom !== null && <dd className="listing-report-wide">{t('report.relistedFrom', { id: l.relistedFrom })}</dd>}
            </dl>
            <figure className="listing-report-map">
              {svg && (
                <svg viewBox={`0 0 ${svg.width} ${svg.height}`} width={svg.width} height={svg.height} role="img" aria-label={t('report.map')}>
                  <path d={svg.path} fill={GRADE_COLORS[l.grade]} fillOpacity={l.status === 'delisted' ? 0.15 : 0.6} stroke="#263238" strokeWidth="1.5" fillRule="evenodd" />
                </svg>
              )}
              <figcaption className="muted">{t('report.map')}</figcaption>
            </figure>
          </div>
          <h2>{t('report.assessments')}</h2>
          {detail.assessments.length === 0 ? (
            <p>{t('report.noAssessments')}</p>
          ) : (
            <table className="listing-report-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.year')}</th>
                  <th scope="col">{t('report.assessedOn')}</th>
                  {CONDITIONS.map((c) => (
                    <th scope="col" key={c}>
                      {t(`condition.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {detail.assessments.map((a) => (
                  <tr key={a.id}>
                    <td>{a.year}</td>
                    <td>{a.assessedOn}</td>
                    {CONDITIONS.map((c) => (
                      <td key={c} className={a.conditions[c] ? 'met' : 'unmet'} title={a.notes[c] ?? undefined}>
                        {a.conditions[c] ? `✓ ${t('report.met')}` : `✗ ${t('report.unmet')}`}
                        {a.notes[c] && <small className="listing-note">{a.notes[c]}</small>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('report.events')}</h2>
          <ol className="listing-report-events">
            {detail.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.onDate}>{e.onDate}</time> {t(`event.${e.kind}`)} — {[t(`grade.${e.grade}`), t(`status.${e.status}`), `${t('report.termEndsOn')} ${e.termEndsOn}`].join(t('sep'))}
              </li>
            ))}
          </ol>
        </article>
      )}
    </div>,
    root,
  );
}
