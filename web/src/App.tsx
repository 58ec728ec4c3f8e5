/**
 * The page's life: wait for the API (and show seeding progress on a first start), then sign in, then the console.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, onUnauthorized, takeEarly, UnauthorizedError } from './api/client';
import type { Answer } from './api/typed';

/** Through `api` (client.ts), which takes the answers index.html fetched early. */
type SessionAnswer = Answer<'/api/session', 'get'>;
import type { HealthStatus, Lang, SessionUser } from './api/types';
import type { DemoAccount } from './auth/LoginScreen';
import type { StartProgress } from './health/SeedingScreen';
import { Console } from './console/Console';
import { dropUserCaches } from './reporting/caches';
import { setLanguage } from './i18n';

/** The wall display is its own chunk: no other user loads it. */
const WallDisplay = lazy(() => import('./wall/WallDisplay').then((m) => ({ default: m.WallDisplay })));
/** Chunks of their own too: a signed-in console (the usual first view) needs neither the sign-in form nor the seeding progress. */
const LoginScreen = lazy(() => import('./auth/LoginScreen').then((m) => ({ default: m.LoginScreen })));
const SeedingScreen = lazy(() => import('./health/SeedingScreen').then((m) => ({ default: m.SeedingScreen })));


/** The server lists its demo accounts only when it holds the generated demo region. */
async function demoAccounts(): Promise<DemoAccount[]> {
  try {
    const d = await api.get<Answer<'/api/session/demo-accounts', 'get'>>('/api/session/demo-accounts');
    return d.demo ? d.accounts.map((a) => ({ ...a, password: d.password })) : [];
  } catch {
    return [];
  }
}

/** Exchanges a `token=` in the address's hash for a session cookie, and takes it out of the address first. */
async function signInWithHashToken(): Promise<void> {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!m) return;
  const rest = window.location.hash.replace(/(^#|&)token=[^&]+/, '$1').replace(/^#&/, '#').replace(/&&/, '&').replace(/^#$/, '');
  history.replaceState(null, '', window.location.pathname + window.location.search + rest);
  await api.post('/api/session', { token: decodeURIComponent(m[1]!) }).catch(() => undefined);
}

/** /api/health answers 503 while starting, with the progress in the body; read it either way. */
async function fetchHealth(): Promise<HealthStatus> {
  // The first poll takes the answer public/early.js asked for while this code loaded.
  const early = await takeEarly('/api/health')?.catch(() => undefined);
  const res = early ?? (await fetch('/api/health', { headers: { Accept: 'application/json' } }));
  const body = (await res.json().catch(() => null)) as HealthStatus | null;
  if (!body) throw new Error(`health ${res.status}`);
  return body;
}

/** What to show while the server starts: its progress, or the phase alone until a step reports one; null once up. */
function startProgress(h: HealthStatus): StartProgress | null {
  if (h.phase === 'ready' || h.phase === 'failed') return null;
  return h.progress ?? { step: h.phase, done: 0, total: 0, etaSeconds: null };
}

type Phase =
  | { kind: 'starting' }
  | { kind: 'seeding'; progress: StartProgress }
  | { kind: 'offline' }
  | { kind: 'login'; demo: DemoAccount[] }
  | { kind: 'console'; user: SessionUser };

/** `signedIn`: the user the early start (map/earlyMap.ts) found signed in, with the server up and answering. */
export function App({ initialLang, signedIn }: { initialLang: Lang; signedIn?: SessionUser }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [phase, setPhase] = useState<Phase>(signedIn ? { kind: 'console', user: signedIn } : { kind: 'starting' });

  const setLang = useCallback(
    (l: Lang) => {
      // The English catalogue is loaded on first use; the switch happens once it is in.
      void setLanguage(l).then(() => setLangState(l));
    },
    [],
  );

  /** The last signed-in session from the service worker's cache, when the network is gone. */
  const openFromCache = useCallback(async () => {
    try {
      const s = await api.get<SessionAnswer>('/api/session');
      if (!s?.user) return false;
      setPhase({ kind: 'console', user: s.user });
      return true;
    } catch {
      return false;
    }
  }, []);

  const checkSession = useCallback(async () => {
    try {
      const s = await api.get<SessionAnswer>('/api/session');
      if (s?.user) setPhase({ kind: 'console', user: s.user });
      else setPhase({ kind: 'login', demo: await demoAccounts() });
    } catch (e) {
      if (e instanceof UnauthorizedError) setPhase({ kind: 'login', demo: await demoAccounts() });
      else setPhase({ kind: 'offline' });
    }
  }, []);

  // Health first: on a first start the embedded database is being seeded and the page shows the progress.
  // A wall display may be opened with an API token in the address (#token=…, never sent to the server in the URL):
  // it is exchanged for a session once, and removed from the address at once.
  useEffect(() => {
    // Already in the console: the early start had the session, catalogue and style from a server that is up.
    if (signedIn) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const h = await fetchHealth();
        if (stop) return;
        if (h.status === 'failed') throw new Error('failed');
        const progress = startProgress(h);
        if (progress) {
          setPhase({ kind: 'seeding', progress });
          timer = setTimeout(poll, 1000);
          return;
        }
        await signInWithHashToken();
        await checkSession();
      } catch {
        if (stop) return;
        // No network: an installed officer's app still opens, signed in as the session it last saw (the service
        // worker keeps /api/session); everyone else sees the offline notice until the server answers again.
        if (navigator.serviceWorker?.controller && (await openFromCache())) return;
        setPhase({ kind: 'offline' });
        timer = setTimeout(poll, 3000);
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
    // signedIn: only its first value matters (the page's start).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkSession, openFromCache]);

  useEffect(() => onUnauthorized(() => void checkSession()), [checkSession]);

  const logout = useCallback(async () => {
    await api.del('/api/session').catch(() => undefined);
    await dropUserCaches().catch(() => undefined);
    await checkSession();
  }, [checkSession]);

  switch (phase.kind) {
    case 'starting':
      return <Splash />;
    case 'seeding':
      return (
        <Suspense fallback={<Splash />}>
          <SeedingScreen progress={phase.progress} />
        </Suspense>
      );
    case 'offline':
      return <Offline />;
    case 'login':
      return (
        <Suspense fallback={<Splash />}>
          <LoginScreen demo={phase.demo} lang={lang} setLang={setLang} onSignedIn={(user) => setPhase({ kind: 'console', user })} />
        </Suspense>
      );
    case 'console':
      // The command centre's wall display: its own role, or any user asking for it with #view=wall.
      if (phase.user.role === 'wall' || /(^#|&)view=wall(&|$)/.test(window.location.hash))
        return (
          <Suspense fallback={<Splash />}>
            <WallDisplay user={phase.user} lang={lang} />
          </Suspense>
        );
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
