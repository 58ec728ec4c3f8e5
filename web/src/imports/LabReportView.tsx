/**
 * The report of a lab-file dry run or import: how many rows are fine, each problem with its spreadsheet row and the
 * column as the lab spelled it (the wording from the catalogue, by the problem's code), and after an import what was
 * written and recomputed.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LabProblem, LabReport } from './labApi';

/** A problem in the page's language; the API's English sentence when the catalogue does not know its code. */
function problemText(t: TFunction<'imports'>, p: LabProblem): string {
  const field = p.field ? t(`lab.field.${p.field}`, { defaultValue: p.column ?? p.field }) : (p.column ?? '');
  return t(`lab.problem.${p.code}`, { defaultValue: p.message, value: p.value ?? '', field });
}

/** Row 0 is the file as a whole and row 1 its header (the numbering a lab sees in its spreadsheet). */
function rowText(t: TFunction<'imports'>, row: number): string {
  return row === 0 ? t('lab.report.wholeFile') : row === 1 ? t('lab.report.header') : String(row);
}

/** The column as the file names it; a column the file lacks comes as the API's field name, shown in words. */
function columnText(t: TFunction<'imports'>, p: LabProblem): string {
  if (!p.column) return '—';
  return p.field && p.column === p.field ? t(`lab.field.${p.field}`) : p.column;
}

function ProblemTable({ problems, caption, testId }: { problems: LabProblem[]; caption: string; testId: string }) {
  const { t } = useTranslation('imports');
  return (
    <div className="imp-rows lab-problems">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lab.report.row')}</th>
            <th scope="col">{t('lab.report.column')}</th>
            <th scope="col">{t('lab.report.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} data-row={p.row} data-code={p.code}>
              <td className="mono">{rowText(t, p.row)}</td>
              <td>{columnText(t, p)}</td>
              <td>{problemText(t, p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a finished import wrote: rows, sites, areas recomputed, and the way to the drug signals on the map. */
function ImportSummary({ report, onShowSignals }: { report: LabReport; onShowSignals: () => void }) {
  const { t } = useTranslation('imports');
  const wrote = report.rowsImported > 0;
  return (
    <section className="lab-summary" aria-labelledby="lab-summary-title" data-testid="lab-summary">
      <h4 id="lab-summary-title">{t('lab.done.title')}</h4>
      {wrote && (
        <ul className="imp-counts">
          <li data-testid="lab-summary-rows">{t('lab.done.rows', { n: report.rowsImported })}</li>
          <li>{t('lab.done.sites', { n: report.sites })}</li>
          <li>{t('lab.done.areas', { n: report.recompute?.areas ?? 0 })}</li>
          {report.rowsSkipped > 0 && <li>{t('lab.done.skipped', { n: report.rowsSkipped })}</li>}
        </ul>
      )}
      {wrote && (
        <button type="button" className="primary" onClick={onShowSignals} data-testid="lab-show-signals">
          {t('lab.done.showSignals')}
        </button>
      )}
    </section>
  );
}

export function LabReportView({ report, onShowSignals, lang }: { report: LabReport; onShowSignals: () => void; lang: string }) {
  const { t } = useTranslation('imports');
  const finished = !report.dryRun && ['imported', 'imported_skipping', 'unchanged'].includes(report.status);
  const encoding = report.encoding ?? 'none';
  return (
    <div className="imp-report" data-testid="lab-report" data-status={report.status} data-dry-run={report.dryRun}>
      <p className="imp-summary" role="status">{t(`lab.status.${report.status}`)}</p>
      <p className="muted">
        {t('lab.report.file', { name: report.filename, format: t(`lab.format.${report.format}`), encoding: t(`lab.encodingName.${encoding}`, { defaultValue: encoding }) })}
      </p>
      {finished ? (
        <ImportSummary report={report} onShowSignals={onShowSignals} />
      ) : (
        <ul className="imp-counts" aria-label={t('lab.report.countsLabel')}>
          <li>{t('lab.report.rowsTotal', { n: report.rowsTotal })}</li>
          <li data-testid="lab-rows-valid">{t('lab.report.rowsValid', { n: report.rowsValid })}</li>
          <li data-testid="lab-rows-problems">{t('lab.report.rowsWithProblems', { n: report.rowsSkipped })}</li>
          {report.rowsAlreadyImported > 0 && <li>{t('lab.report.rowsAlready', { n: report.rowsAlreadyImported })}</li>}
          <li>{t('lab.report.rowsToImport', { n: report.rowsToImport })}</li>
          {report.rowsToImport > 0 && <li>{t('lab.report.sites', { n: report.sites })}</li>}
        </ul>
      )}
      {report.rowsCensoredByLoq > 0 && <p className="muted">{t('lab.report.censored', { n: report.rowsCensoredByLoq })}</p>}
      {report.previousImport && (
        <p className="muted">
          {t('lab.report.previous', {
            at: new Date(report.previousImport.importedAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai' }),
            by: report.previousImport.importedBy,
          })}
        </p>
      )}
      {report.problems.length > 0 && (
        <>
          <h4>{t('lab.report.problemsTitle', { n: report.problems.length })}</h4>
          <ProblemTable problems={report.problems} caption={t('lab.report.problemsCaption')} testId="lab-problems" />
        </>
      )}
      {report.notices.length > 0 && (
        <details>
          <summary>{t('lab.report.noticesTitle', { n: report.notices.length })}</summary>
          <ProblemTable problems={report.notices} caption={t('lab.report.problemsCaption')} testId="lab-notices" />
        </details>
      )}
    </div>
  );
}
