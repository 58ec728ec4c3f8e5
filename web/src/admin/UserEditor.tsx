/**
 * One user: create, or change name, role, jurisdiction (an area, or grids for a grid officer), status and password;
 * their API tokens below. A password the server makes is shown once and never again.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { AreaPicker } from './AreaPicker';
import { createUser, DUTIES, getUser, resetPassword, ROLES, updateUser, type Role, type TokenView, type UserForm, type UserView } from './api';
import { TokensSection } from './TokensSection';

interface Props {
  userId: number | null;
  createdPassword?: string;
  onClose: () => void;
  onSaved: (id: number, password?: string) => void;
}

const splitCodes = (s: string) => s.split(/[\s,，、]+/).map((x) => x.trim()).filter(Boolean);

export function UserEditor({ userId, createdPassword, onClose, onSaved }: Props) {
  const { t } = useTranslation('admin');
  const { t: tMain } = useTranslation();
  const [user, setUser] = useState<UserView | null>(null);
  const [tokens, setTokens] = useState<TokenView[]>([]);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('inspector');
  const [byGrids, setByGrids] = useState(false);
  const [area, setArea] = useState('');
  const [grids, setGrids] = useState('');
  const [duty, setDuty] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [shownPassword, setShownPassword] = useState<string | undefined>(createdPassword);
  const [busy, setBusy] = useState(false);

  const reload = async (id: number) => {
    const r = await getUser(id);
    setUser(r.user);
    setTokens(r.tokens);
    setDisplayName(r.user.displayName);
    setRole(r.user.role);
    setByGrids(r.user.gridCodes.length > 0);
    setArea(r.user.gridCodes.length ? '' : r.user.jurisdictionCode);
    setGrids(r.user.gridCodes.join(' '));
    setDuty(r.user.duty ?? '');
  };
  useEffect(() => {
    if (userId !== null) reload(userId).catch((e: Error) => setMessage({ kind: 'error', text: e.message }));
  }, [userId]);

  const fail = (e: unknown) => {
    const detail = e instanceof ApiError ? (e.detail ?? e.title) : (e as Error).message;
    setMessage({ kind: 'error', text: t('error', { message: detail }) });
  };

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const placement = (): UserForm =>
    role === 'grid_officer' && byGrids ? { grid_codes: splitCodes(grids) } : { jurisdiction_code: area.trim() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const common: UserForm = { display_name: displayName, role, ...placement(), duty: role === 'grid_officer' && duty ? duty : null };
      if (userId === null) {
        const r = await createUser({ ...common, username, ...(password ? { password } : {}) });
        onSaved(r.user.id, r.password);
      } else {
        await updateUser(userId, common);
        await reload(userId);
        setMessage({ kind: 'ok', text: t('editor.saved') });
        onSaved(userId);
      }
    });
  };

  const setActive = (active: boolean) =>
    run(async () => {
      await updateUser(userId!, { active });
      await reload(userId!);
      onSaved(userId!);
    });

  const reset = () =>
    run(async () => {
      const r = await resetPassword(userId!);
      setShownPassword(r.password);
    });

  const titleId = 'admin-editor-title';
  return (
    <aside className="admin-editor" aria-labelledby={titleId}>
      <h2 id={titleId}>{userId === null ? t('editor.newTitle') : t('editor.editTitle', { name: user?.username ?? '' })}</h2>
      {shownPassword && (
        <p className="admin-secret" role="status">
          {t('editor.newPassword')} <code data-testid="one-time-password">{shownPassword}</code>
        </p>
      )}
      <form onSubmit={submit}>
        {userId === null && (
          <label>
            {t('users.username')}
            <input name="username" required value={username} onChange={(e) => setUsername(e.target.value)} pattern="[a-z0-9_.\-]{3,64}" aria-describedby="username-hint" autoComplete="off" />
            <small id="username-hint" className="muted">{t('editor.usernameHint')}</small>
          </label>
        )}
        <label>
          {t('users.displayName')}
          <input name="display_name" required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          {t('users.role')}
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tMain(`login.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role === 'grid_officer' && (
          <fieldset className="admin-choice">
            <legend>{t('users.jurisdiction')}</legend>
            <label>
              <input type="radio" name="placement" checked={!byGrids} onChange={() => setByGrids(false)} /> {t('editor.byArea')}
            </label>
            <label>
              <input type="radio" name="placement" checked={byGrids} onChange={() => setByGrids(true)} /> {t('editor.byGrids')}
            </label>
          </fieldset>
        )}
        {role === 'grid_officer' && byGrids ? (
          <label>
            {t('editor.gridCodes')}
            <textarea name="grid_codes" required rows={3} value={grids} onChange={(e) => setGrids(e.target.value)} aria-describedby="grid-hint" />
            <small id="grid-hint" className="muted">{t('editor.gridHint')}</small>
          </label>
        ) : (
          <AreaPicker code={area} onChange={setArea} />
        )}
        {role === 'grid_officer' && (
          <label>
            {t('editor.duty')}
            <select name="duty" value={duty} onChange={(e) => setDuty(e.target.value)}>
              <option value="">{t('editor.noDuty')}</option>
              {DUTIES.map((d) => (
                <option key={d} value={d}>
                  {t(`duties.${d}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {userId === null && (
          <label>
            {t('editor.password')}
            <input name="password" type="password" minLength={10} maxLength={256} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-hint" />
            <small id="password-hint" className="muted">{t('editor.passwordHint')}</small>
          </label>
        )}
        {message && (
          <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={busy}>
            {userId === null ? t('editor.create') : t('editor.save')}
          </button>
          {user && (
            <>
              <button type="button" disabled={busy} onClick={() => void setActive(!user.active)}>
                {user.active ? t('editor.disable') : t('editor.enable')}
              </button>
              <button type="button" disabled={busy} onClick={() => void reset()}>
                {t('editor.resetPassword')}
              </button>
            </>
          )}
          <button type="button" onClick={onClose}>
            {t('editor.cancel')}
          </button>
        </div>
      </form>
      {user && <TokensSection userId={user.id} tokens={tokens} onChanged={() => reload(user.id)} />}
    </aside>
  );
}
