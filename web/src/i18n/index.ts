/**
 * Message catalogues: zh-CN first, English second. Every user-visible string comes from here (or, for data such as
 * layer titles and legend labels, from the API's bilingual {zh,en} fields, see `pick`). Each module's catalogues
 * are namespace `<module>` (its plug-in id): `web/src/<module>/i18n/{zh-CN,en}.json`.
 *
 * The console's own zh-CN catalogue comes with the page. A module's zh-CN catalogue comes with the module's code
 * (`loadModuleMessages`, which a plug-in's lazily loaded parts wait for: plugins/registry.ts lazyPart), so that
 * the first load carries only what the first view shows, and no part ever renders before its words are in.
 * English is loaded when first chosen (`setLanguage`), not with the page: every `web/src/<module>/i18n/en.json`
 * becomes namespace `<module>`, `web/src/i18n/en.json` the default namespace.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zh from './zh-CN.json';
import type { Bilingual, Lang } from '../api/types';

type Catalogue = { default: Record<string, unknown> };
const englishCatalogues = import.meta.glob<Catalogue>(['./en.json', '../*/i18n/en.json']);
const moduleCatalogues = import.meta.glob<Catalogue>('../*/i18n/zh-CN.json');
let englishLoaded: Promise<void> | null = null;
const moduleLoaded = new Map<string, Promise<void>>();

/** The zh-CN catalogue of module `ns` (web/src/<ns>/i18n/zh-CN.json), added once; English comes with loadEnglish. */
export function loadModuleMessages(ns: string): Promise<void> {
  let loaded = moduleLoaded.get(ns);
  if (!loaded) {
    const load = moduleCatalogues[`../${ns}/i18n/zh-CN.json`];
    if (!load) return Promise.reject(new Error(`no zh-CN catalogue for module ${ns}`));
    // deep, not overwriting: a module may have added messages of its own to the namespace (reporting's figures).
    loaded = load().then(
      (m) => void i18n.addResourceBundle('zh-CN', ns, m.default, true, false),
      (e: unknown) => {
        moduleLoaded.delete(ns); // asked again when the part is next shown (a weak network)
        throw e;
      },
    );
    moduleLoaded.set(ns, loaded);
  }
  return loaded;
}

/** Adds every English catalogue (once). */
export function loadEnglish(): Promise<void> {
  englishLoaded ??= Promise.all(
    Object.entries(englishCatalogues).map(async ([path, load]) => {
      const ns = path === './en.json' ? 'translation' : path.split('/')[1];
      i18n.addResourceBundle('en', ns, (await load()).default, true, true);
    }),
  ).then(() => undefined);
  return englishLoaded;
}

/** Switches the language, loading its catalogue first when needed. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') await loadEnglish();
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export const LANGS: Lang[] = ['zh-CN', 'en'];

/**
 * Initialised when this module is first imported, not later in main.tsx: modules that add their namespace at
 * import time (plug-ins, the wall display) need i18next's store, which only exists after init().
 */
function langFromHash(): Lang {
  const m = /(?:^#|&)lang=(en|zh-CN)(?:&|$)/.exec(typeof window === 'undefined' ? '' : window.location.hash);
  return (m?.[1] as Lang | undefined) ?? 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh } },
  partialBundledLanguages: true,
  lng: langFromHash(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
  initAsync: false,
});

/** Before the first render: the language of the link, with its catalogue loaded. */
export function initI18n(lang: Lang): Promise<void> {
  return setLanguage(lang);
}

/** The API's bilingual text in the current language. */
export function pick(text: Bilingual | string | undefined | null, lang: string): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return lang === 'en' ? text.en || text.zh : text.zh || text.en;
}

export { i18n };
