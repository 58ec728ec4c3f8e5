/** The audit log: who did what, newest first, filtered by user, action and China-time dates, a page at a time. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, auditPage, type AuditFilter, type AuditRow } from './api';

const when = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });

export function AuditPanel() {
  const { t } = useTranslation('admin');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [draft, setDraft] = useState<AuditFilter>({});
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [actions, setActions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => void auditActions().then(setActions).catch(() => setActions([])), []);
  const load = useCallback(
    (before?: number) =>
      auditPage({ ...filter, before: before ? String(before) : undefined })
        .then((r) => {
          setRows((prev) => (before && prev ? [...prev, ...r.entries] : r.entries));
          setNext(r.next);
          setError(null);
        })
        .catch((e: Error) => setError(e.message)),
    [filter],
  );
  useEffect(() => void load(), [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  };
  const field = (k: keyof AuditFilter) => ({ value: draft[k] ?? '', onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value }) });
  const actionLabel = (a: string) => t(`actions.${a}`, { defaultValue: a });

  return (
    <div className="admin-audit">
      <form className="admin-toolbar" onSubmit={submit}>
        <label>
          {t('audit.user')} <input name="user" {...field('user')} />
        </label>
        <label>
          {t('audit.action')}
          <select name="action" {...field('action')}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')} <input type="date" name="from" {...field('from')} />
        </label>
        <label>
          {t('audit.to')} <input type="date" name="to" {...field('to')} />
        </label>
        <button type="submit" className="primary">
          {t('audit.apply')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {t('error', { message: error })}
        </p>
      )}
      {rows && rows.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.user')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td>{when.format(new Date(r.at))}</td>
                <td>{r.username === 'system' && r.userId === null ? t('audit.system') : r.username}</td>
                <td>{actionLabel(r.action)}</td>
                <td>
                  {r.entity}
                  {r.entityId ? ` #${r.entityId}` : ''}
                </td>
                <td className="admin-detail">{JSON.stringify(r.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next !== null && (
        <button type="button" onClick={() => void load(next)}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
