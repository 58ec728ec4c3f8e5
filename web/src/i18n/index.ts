/**
 * Message catalogues: zh-CN first, English second. Every user-visible string comes from here (or, for data such as
 * layer titles and legend labels, from the API's bilingual {zh,en} fields, see `pick`). Plug-in modules add their
 * own namespace with `i18n.addResourceBundle(lang, '<their id>', messages)`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zh from './zh-CN.json';
import en from './en.json';
import type { Bilingual, Lang } from '../api/types';

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
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: langFromHash(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  showSupportNotice: false,
  initAsync: false,
});

export function initI18n(lang: Lang) {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  return i18n;
}

/** The API's bilingual text in the current language. */
export function pick(text: Bilingual | string | undefined | null, lang: string): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return lang === 'en' ? text.en || text.zh : text.zh || text.en;
}

export { i18n };
