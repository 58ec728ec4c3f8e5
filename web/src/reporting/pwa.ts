/**
 * The grid officer's console as an installed app that opens with no network (vite-plugin-pwa, Workbox; the
 * caching rules are in web/vite.config.ts). Registered for grid officers only: the wall and the office have their
 * own ways of riding out a dropped network and gain nothing from a cached shell.
 * The service worker updates itself in the background (skipWaiting, clientsClaim); an open page keeps its code
 * until it is reloaded, so an officer in the middle of a form is never reloaded under their thumb.
 */
import { Workbox } from 'workbox-window';
import { API_CACHED, TILES_CACHED } from './offline-routes';

let registered = false;

export function registerOfflineApp(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  // On the first visit the page loaded its session, style and tiles before the worker existed: once it takes the
  // page, ask for them again through it, so that the next start with no network finds them.
  if (!navigator.serviceWorker.controller) navigator.serviceWorker.addEventListener('controllerchange', refetchThroughWorker, { once: true });
  // sw.js is vite-plugin-pwa's output (web/vite.config.ts); registered here with workbox-window rather than the
  // plug-in's virtual module, so that the import graph checks (tests/arch) can follow it.
  new Workbox('/sw.js', { scope: '/' }).register({ immediate: true }).catch((e: unknown) => console.warn('[pwa] the offline app could not be installed:', e));
}

function refetchThroughWorker(): void {
  const urls = new Set(
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => u.startsWith(location.origin) && (API_CACHED.test(u) || TILES_CACHED.test(u))),
  );
  for (const u of urls) void fetch(u, { credentials: 'same-origin' }).catch(() => undefined);
}
