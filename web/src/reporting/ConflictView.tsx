/**
 * The office changed the month's figures before the officer's arrived: both sides, field by field, and the
 * officer's choice. Nothing was overwritten on either side until they choose.
 */
import { useTranslation } from 'react-i18next';
import { FIGURE_FIELDS } from 'domain/figures';
import type { OutboxItem } from './store';
import { resolveConflict } from './state';

export function ConflictView({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('reporting');
  const theirs = item.conflict!;
  return (
    <div className="figures-conflict" role="alert" data-state="conflict">
      <p className="figures-status" data-state="conflict">{t('status.conflict')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.theirs', { version: theirs.version })}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURE_FIELDS.map((k) => (
            <tr key={k} data-field={k} data-differs={item.figures[k] !== theirs.figures[k]}>
              <th scope="row">{t(`field.${k}`)}</th>
              <td className="figures-mine">{item.figures[k]}</td>
              <td className="figures-theirs">{theirs.figures[k]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="figures-actions">
        <button type="button" className="officer-secondary" onClick={() => void resolveConflict(item, 'theirs')}>
          {t('conflict.keepTheirs')}
        </button>
        <button type="button" className="figures-submit" onClick={() => void resolveConflict(item, 'mine')}>
          {t('conflict.keepMine')}
        </button>
      </div>
    </div>
  );
}
