/** The listings table as of the slider's date: filters, flags, export to CSV/Excel, and a report per row. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchListings, GRADES, GRADE_COLORS, queryString, STATUSES, type Listing } from './api';
import { chinaToday } from './asOf';
import { FlagList } from './FlagList';
import { ListingReport } from './ListingReport';

export function ListingsTable({ asOf, onClose }: { asOf: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('listing');
  const [grade, setGrade] = useState('');
  const [status, setStatus] = useState('active');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Listing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<number | null>(null);

  const query = useMemo(() => ({ asOf, grade: grade || undefined, status: status || undefined }), [asOf, grade, status]);
  useEffect(() => {
    const ac = new AbortController();
    setRows(null);
    fetchListings(query, ac.signal)
      .then((r) => {
        setRows(r.listings);
        setError(null);
      })
      .catch((e: Error) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [query]);

  const shown = (rows ?? []).filter((l) => !text || l.areaCode.startsWith(text) || (l.areaName ?? '').includes(text));
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const exportQs = queryString(query, { lang });

  return (
    <div className="listing-dialog-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="listing-dialog" role="dialog" aria-modal="true" aria-labelledby="listing-table-title">
        <header>
          <h2 id="listing-table-title">{t('table.title', { date: asOf ?? chinaToday() })}</h2>
          <button type="button" onClick={onClose}>
            {t('table.close')}
          </button>
        </header>
        <div className="listing-filters">
          <label>
            {t('table.filterGrade')}
            <select value={grade} onChange={(e) => setGrade(e.target.value)}>
              <option value="">{t('table.all')}</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`grade.${g}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('table.filterStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('table.all')}</option>
              <option value="active">{t('table.active')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('table.filterArea')}
            <input type="search" value={text} placeholder={t('table.areaPlaceholder')} onChange={(e) => setText(e.target.value.trim())} />
          </label>
          <a className="button" href={`/api/listings/export.csv${exportQs}`} download>
            {t('table.exportCsv')}
          </a>
          <a className="button" href={`/api/listings/export.xlsx${exportQs}`} download>
            {t('table.exportXlsx')}
          </a>
        </div>
        {error && <p role="alert">{t('table.error', { message: error })}</p>}
        {!rows && !error && <p aria-busy="true">{t('table.loading')}</p>}
        {rows && (
          <>
            <p className="muted">{t('table.count', { count: shown.length })}</p>
            {shown.length === 0 ? (
              <p>{t('table.empty')}</p>
            ) : (
              <div className="listing-table-scroll">
                <table className="listing-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('table.area')}</th>
                      <th scope="col">{t('table.grade')}</th>
                      <th scope="col">{t('table.status')}</th>
                      <th scope="col">{t('table.listedOn')}</th>
                      <th scope="col">{t('table.termEndsOn')}</th>
                      <th scope="col">{t('table.nextAssessment')}</th>
                      <th scope="col">{t('table.flags')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('table.report')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((l) => (
                      <tr key={l.id} data-listing-id={l.id}>
                        <td>
                          {l.areaName ?? l.areaCode}
                          <br />
                          <small className="muted">{l.areaCode}</small>
                        </td>
                        <td>
                          <span className="listing-swatch" style={{ background: GRADE_COLORS[l.grade] }} aria-hidden="true" />
                          {t(`grade.${l.grade}`)}
                        </td>
                        <td>{t(`status.${l.status}`)}</td>
                        <td>{l.listedOn}</td>
                        <td>{l.termEndsOn}</td>
                        <td>{l.flags.nextAssessmentDue ?? '—'}</td>
                        <td>
                          <FlagList listing={l} />
                        </td>
                        <td>
                          <button type="button" onClick={() => setReport(l.id)}>
                            {t('table.report')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </div>
      {report !== null && <ListingReport id={report} asOf={asOf} onClose={() => setReport(null)} />}
    </div>
  );
}
