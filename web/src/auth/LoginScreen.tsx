/** Sign in; on the demo server the demo accounts are one-click buttons (their password is "demo"). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Answer } from '../api/typed';
import type { Lang, SessionUser } from '../api/types';
import { LanguageSwitch } from '../console/LanguageSwitch';

/** A demo account of /api/session/demo-accounts, with the password to sign in with. */
export type DemoAccount = Answer<'/api/session/demo-accounts', 'get'>['accounts'][number] & { password?: string };

interface Props {
  demo: DemoAccount[];
  lang: Lang;
  setLang: (l: Lang) => void;
  onSignedIn: (user: SessionUser) => void;
}

export function LoginScreen({ demo, lang, setLang, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(u: string, p: string) {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.post<Answer<'/api/session', 'post'>>('/api/session', { username: u, password: p });
      onSignedIn(user);
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.status === 400) ? t('login.failed') : t('app.error', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void signIn(username, password);
  }

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-top">
          <div>
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('login.subtitle')}</p>
          </div>
          <LanguageSwitch lang={lang} setLang={setLang} />
        </div>
        <form onSubmit={submit} aria-label={t('login.title')}>
          <label>
            {t('login.username')}
            <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          </label>
          <label>
            {t('login.password')}
            <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        {demo.length > 0 && (
          <section className="demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('login.demo')}</h2>
            <p className="muted">{t('login.demoNote')}</p>
            <ul>
              {demo.map((a) => (
                <li key={a.username}>
                  <button type="button" data-username={a.username} disabled={busy} onClick={() => void signIn(a.username, a.password ?? 'demo')}>
                    <strong>{a.username}</strong>
                    {a.role && <span>{t(`login.roles.${a.role}`, { defaultValue: a.role })}</span>}
                    {a.displayName && a.displayName !== t(`login.roles.${a.role}`, { defaultValue: a.role }) && <span className="muted">{a.displayName}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
