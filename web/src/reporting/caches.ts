/**
 * The run-time caches of the offline app (web/vite.config.ts names them) that hold a user's answers. Apart from
 * pwa.ts so that signing out (App.tsx, every role) does not download the service worker's client.
 */
/** Caches that hold a user's answers (session, style, tiles): dropped on sign-out, so the next user starts clean. */
export const USER_CACHES = ['gc-api', 'gc-tiles'];

export async function dropUserCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all(USER_CACHES.map((name) => caches.delete(name)));
}
