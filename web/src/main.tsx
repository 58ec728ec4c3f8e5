import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { parseViewHash } from './url/viewHash';
import { DEFAULT_VIEW } from './console/defaults';
import { loadPlugins } from './plugins';
import './styles.css';

const lang = parseViewHash(window.location.hash, DEFAULT_VIEW).lang;
loadPlugins();
void initI18n(lang).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialLang={lang} />
    </StrictMode>,
  ),
);
