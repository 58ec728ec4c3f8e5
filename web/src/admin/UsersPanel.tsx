/** The users of the administrator's jurisdiction: find, list, and open one to change it (or a new one). */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, ROLES, type UserView } from './api';
import { UserEditor } from './UserEditor';

export function UsersPanel() {
  const { t } = useTranslation('admin');
  const { t: tMain } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [users, setUsers] = useState<UserView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  /** A password the server made for a user just created, shown once in their editor. */
  const [secret, setSecret] = useState<{ id: number; password: string } | null>(null);

  const load = useCallback(() => {
    listUsers({ q: q.trim() || undefined, role: role || undefined })
      .then((u) => {
        setUsers(u);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [q, role]);
  useEffect(() => {
    const timer = setTimeout(load, 250);
    return () => clearTimeout(timer);
  }, [load]);

  return (
    <div className="admin-users">
      <div className="admin-list">
        <div className="admin-toolbar">
          <input type="search" aria-label={t('users.search')} placeholder={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
          <select aria-label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tMain(`login.roles.${r}`)}
              </option>
            ))}
          </select>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('users.create')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {t('error', { message: error })}
          </p>
        )}
        {!users ? (
          <p className="muted">{t('users.loading')}</p>
        ) : users.length === 0 ? (
          <p className="muted">{t('users.empty')}</p>
        ) : (
          <table className="admin-table">
            <caption className="muted">{t('users.count', { count: users.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.jurisdiction')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.tokens')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('users.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-username={u.username} className={u.active ? undefined : 'inactive'}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{tMain(`login.roles.${u.role}`)}</td>
                  <td>
                    {u.jurisdictionName ?? u.jurisdictionCode}
                    {u.gridCodes.length > 0 && <span className="muted"> · {t('users.grids', { count: u.gridCodes.length })}</span>}
                  </td>
                  <td>
                    {u.active ? t('users.active') : t('users.inactive')}
                    {u.demo && <span className="admin-tag">{t('users.demo')}</span>}
                  </td>
                  <td>{u.activeTokens}</td>
                  <td>
                    <button type="button" onClick={() => setEditing(u.id)} aria-label={`${t('users.edit')} ${u.username}`}>
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing !== null && (
        <UserEditor
          key={String(editing)}
          userId={editing === 'new' ? null : editing}
          createdPassword={secret && secret.id === editing ? secret.password : undefined}
          onClose={() => {
            setEditing(null);
            setSecret(null);
          }}
          onSaved={(id, password) => {
            load();
            setSecret(password ? { id, password } : null);
            setEditing(id);
          }}
        />
      )}
    </div>
  );
}
