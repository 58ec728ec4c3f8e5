/**
 * What the service worker keeps for the officer's offline app (used by web/vite.config.ts to build it, and by
 * pwa.ts to fill the caches once the worker has taken the page). RegExps, not functions: Workbox copies them
 * into sw.js as they are.
 */
/** Network first, the last answer offline: who is signed in, the map style and layer catalogue, labels. */
export const API_CACHED = /\/api\/(session|style\.json|layers|labels)(\/|\?|$)/;
/** Stale-while-revalidate: map tiles and the basemap. */
export const TILES_CACHED = /\/api\/(tiles|basemap)\//;
