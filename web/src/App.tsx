/**
 * The page's life: wait for the API (and show seeding progress on a first start), then sign in, then the console.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onUnauthorized, UnauthorizedError } from './api/client';
import type { HealthStatus, Lang, SessionUser } from './api/types';
import { LoginScreen, type DemoAccount } from './auth/LoginScreen';
import { SeedingScreen } from './health/SeedingScreen';
import { Console } from './console/Console';

interface SessionAnswer {
  user?: SessionUser | null;
  demo?: boolean | { accounts?: DemoAccount[] };
  demoAccounts?: DemoAccount[];
}

function demoAccountsOf(...answers: (SessionAnswer | HealthStatus | null)[]): DemoAccount[] {
  for (const a of answers) {
    if (!a) continue;
    const list = (a as SessionAnswer).demoAccounts ?? ((a.demo && typeof a.demo === 'object' ? a.demo.accounts : undefined) as DemoAccount[] | undefined);
    if (list?.length) return list.map((x) => (typeof x === 'string' ? { username: x } : x));
  }
  return [];
}

type Phase =
  | { kind: 'starting' }
  | { kind: 'seeding'; health: HealthStatus }
  | { kind: 'offline' }
  | { kind: 'login'; demo: DemoAccount[] }
  | { kind: 'console'; user: SessionUser };

export function App({ initialLang }: { initialLang: Lang }) {
  const { i18n } = useTranslation();
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [health, setHealth] = useState<HealthStatus | null>(null);

  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      void i18n.changeLanguage(l);
      document.documentElement.lang = l;
    },
    [i18n],
  );

  const checkSession = useCallback(async (h: HealthStatus | null) => {
    try {
      const s = await api.get<SessionAnswer | SessionUser>('/api/session');
      const user = s && 'username' in s ? (s as SessionUser) : ((s as SessionAnswer | null)?.user ?? null);
      if (user) setPhase({ kind: 'console', user });
      else setPhase({ kind: 'login', demo: demoAccountsOf(s as SessionAnswer, h) });
    } catch (e) {
      if (e instanceof UnauthorizedError) setPhase({ kind: 'login', demo: demoAccountsOf(h) });
      else setPhase({ kind: 'offline' });
    }
  }, []);

  // Health first: on a first start the embedded database is being seeded and the page shows the progress.
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const h = await api.get<HealthStatus>('/api/health');
        if (stop) return;
        setHealth(h);
        if (h.seeding) {
          setPhase({ kind: 'seeding', health: h });
          timer = setTimeout(poll, 1000);
          return;
        }
        await checkSession(h);
      } catch {
        if (stop) return;
        setPhase({ kind: 'offline' });
        timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [checkSession]);

  useEffect(() => onUnauthorized(() => setPhase((p) => (p.kind === 'console' ? { kind: 'login', demo: demoAccountsOf(health) } : p))), [health]);

  const logout = useCallback(async () => {
    await api.del('/api/session').catch(() => undefined);
    await checkSession(health);
  }, [checkSession, health]);

  switch (phase.kind) {
    case 'starting':
      return <Splash />;
    case 'seeding':
      return <SeedingScreen health={phase.health} />;
    case 'offline':
      return <Offline />;
    case 'login':
      return <LoginScreen demo={phase.demo} lang={lang} setLang={setLang} onSignedIn={(user) => setPhase({ kind: 'console', user })} />;
    case 'console':
      return <Console user={phase.user} lang={lang} setLang={setLang} onLogout={logout} />;
  }
}

function Splash() {
  const { t } = useTranslation();
  return (
    <main className="splash" aria-busy="true">
      <p>{t('app.loading')}</p>
    </main>
  );
}

function Offline() {
  const { t } = useTranslation();
  return (
    <main className="splash" role="alert">
      <p>{t('app.offline')}</p>
    </main>
  );
}
