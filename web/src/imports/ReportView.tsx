/** The report of a dry run or an import: counts, problems (with accept boxes for judgement calls), repairs. */
import { useTranslation } from 'react-i18next';
import type { ImportReport } from './api';
import { PREVIEW_COLORS } from './overlay';

interface Props {
  report: ImportReport;
  acceptable: string[];
  accepted: string[];
  setAccepted: (rules: string[]) => void;
}

const swatch = (key: string) => {
  const [r, g, b] = PREVIEW_COLORS[key]!;
  return <span className="imp-swatch" style={{ background: `rgb(${r},${g},${b})` }} aria-hidden="true" />;
};

export function ReportView({ report, acceptable, accepted, setAccepted }: Props) {
  const { t } = useTranslation('imports');
  const rules = Object.keys(report.problemCounts).filter((r) => acceptable.includes(r));
  return (
    <div className="imp-report" data-testid="import-report" data-status={report.status}>
      <p className="imp-summary" role="status">
        {t(`status.${report.status}`)} · {t('report.source', { format: report.file.format, encoding: report.file.encoding ?? '—', datum: report.datum.id })}
      </p>
      <ul className="imp-counts">
        <li>{swatch('new')} {t('report.new', { n: report.counts.new })}</li>
        <li>{swatch('changed')} {t('report.changed', { n: report.counts.changed })}</li>
        <li>{swatch('unchanged')} {t('report.unchanged', { n: report.counts.unchanged })}</li>
        <li>{swatch('problem')} {t('report.problems', { n: report.counts.problems })}</li>
      </ul>
      {report.changes.length > 0 && (
        <details>
          <summary>{t('report.changesTitle', { n: report.counts.changed })}</summary>
          <ul className="imp-list">
            {report.changes.slice(0, 200).map((c) => (
              <li key={c.feature}>
                <span className="mono">#{c.feature} {c.code}</span> {c.fields.join(', ')}
                {c.shiftMetres !== null && ` (${t('report.shift', { m: c.shiftMetres })})`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.problems.length > 0 && (
        <>
          <h4>{t('report.problemsTitle')}</h4>
          <ul className="imp-list imp-problems" data-testid="import-problems">
            {report.problems.map((p, i) => (
              <li key={i} data-rule={p.rule} className={p.accepted ? 'imp-accepted' : undefined}>
                <span className="mono">{p.feature ? `#${p.feature}` : t('report.file')} {p.code ?? ''}</span> {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {rules.length > 0 && (
        <fieldset className="imp-accept">
          <legend>{t('report.acceptTitle')}</legend>
          {rules.map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={accepted.includes(r)}
                onChange={(e) => setAccepted(e.target.checked ? [...accepted, r] : accepted.filter((x) => x !== r))}
              />
              {t(`accept.${r}`)}
            </label>
          ))}
        </fieldset>
      )}
      {report.repairs.length > 0 && (
        <details open>
          <summary>{t('report.repairsTitle', { n: report.repairs.length })}</summary>
          <ul className="imp-list">
            {report.repairs.map((p, i) => (
              <li key={i}>
                <span className="mono">#{p.feature} {p.code ?? ''}</span> {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
