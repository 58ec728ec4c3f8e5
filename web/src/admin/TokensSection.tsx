/** A user's API tokens: issue one (read-only by default: wall displays), see it once, revoke any. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { issueToken, revokeToken, type TokenView } from './api';

const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso)) : null);

export function TokensSection({ userId, tokens, onChanged }: { userId: number; tokens: TokenView[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('admin');
  const [label, setLabel] = useState('');
  const [readOnly, setReadOnly] = useState(true);
  const [expiresOn, setExpiresOn] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await issueToken(userId, { label, read_only: readOnly, ...(expiresOn ? { expires_on: expiresOn } : {}) });
      setIssued(r.token);
      setLabel('');
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? (err.detail ?? err.title) : (err as Error).message);
    }
  };
  const revoke = async (id: number) => {
    await revokeToken(userId, id).catch((err: Error) => setError(err.message));
    await onChanged();
  };

  return (
    <section className="admin-tokens" aria-labelledby="admin-tokens-title">
      <h3 id="admin-tokens-title">{t('tokens.title')}</h3>
      <p className="muted">{t('tokens.hint')}</p>
      {issued && (
        <p className="admin-secret" role="status">
          {t('tokens.issued')} <code data-testid="one-time-token">{issued}</code>
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t('tokens.none')}</p>
      ) : (
        <ul>
          {tokens.map((tk) => (
            <li key={tk.id} className={tk.revokedAt ? 'inactive' : undefined}>
              <strong>{tk.label}</strong> · {tk.readOnly ? t('tokens.readOnly') : t('tokens.fullAccess')} · {t('tokens.created')} {day(tk.createdAt)} · {t('tokens.expires')}{' '}
              {day(tk.expiresAt) ?? t('tokens.never')}
              {tk.revokedAt ? (
                <span className="admin-tag">{t('tokens.revoked')}</span>
              ) : (
                <button type="button" onClick={() => void revoke(tk.id)} aria-label={`${t('tokens.revoke')} ${tk.label}`}>
                  {t('tokens.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)} className="admin-token-form">
        <label>
          {t('tokens.label')}
          <input name="label" required maxLength={100} value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="admin-check">
          <input type="checkbox" name="read_only" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} /> {t('tokens.readOnly')}
        </label>
        <label>
          {t('tokens.expiresOn')}
          <input type="date" name="expires_on" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        </label>
        <button type="submit">{t('tokens.issue')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {t('error', { message: error })}
        </p>
      )}
    </section>
  );
}
