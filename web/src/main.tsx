import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { parseViewHash } from './url/viewHash';
import { DEFAULT_VIEW } from './console/defaults';
import { loadPlugins } from './plugins';
import { startEarlyMap } from './map/earlyMap';
import './styles.css';

const lang = parseViewHash(window.location.hash, DEFAULT_VIEW).lang;
loadPlugins();
const i18nReady = initI18n(lang);
// The console's map starts as soon as its style is in (map/earlyMap.ts), and the first render waits for that start
// (briefly: at most EARLY_START_WAIT_MS), so that a signed-in console renders once, whole, before the map draws.
const EARLY_START_WAIT_MS = 1500;
const earlyStart = Promise.race([startEarlyMap(lang, i18nReady), new Promise<null>((resolve) => setTimeout(() => resolve(null), EARLY_START_WAIT_MS))]);
void Promise.all([i18nReady, earlyStart]).then(([, start]) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialLang={lang} signedIn={start?.user} />
    </StrictMode>,
  ),
);
