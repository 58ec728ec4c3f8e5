/**
 * POST /api/session (sign in), GET (who am I), DELETE (sign out); the demo accounts for the login screen.
 * Sign-in is throttled per user name and per client address, costs the same for unknown and known users, and
 * every attempt is audited, failed ones included.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, requestToken } from '../auth/middleware.js';
import { verifyPassword } from '../auth/password.js';
import { createSession, endToken, findApiToken, findUserByToken, findUserForLogin } from '../auth/sessions.js';
import { SignInThrottle } from '../auth/throttle.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import type { Config } from '../config.js';
import { clientAddress, requestIsHttps } from '../http/client-address.js';
import type { AppDeps, AppEnv, SessionUser } from '../http/env.js';
import { describe, json } from '../http/openapi.js';
import { parseBody, parseWith } from '../http/params.js';
import { sessionUser } from '../http/session-user.js';
import { ProblemError } from '../http/problem.js';
import { PASSWORD_MAX } from '../auth/password.js';
import { DEMO_PASSWORD, activeDemoAccounts } from '../users/demo-accounts.js';

export const login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX) });
export const tokenLogin = z.object({ token: z.string().min(16).max(256) }).strict();
/** The body of POST /api/session, as the OpenAPI document describes it. */
export const signIn = z.union([login, tokenLogin]);

export const signedIn = z.object({ user: sessionUser, expiresAt: z.string().describe('ISO 8601; the cookie ends then') });
export const whoAmI = z.object({ user: sessionUser.nullable().describe('null when signed out') });
export const demoAccounts = z.object({
  demo: z.boolean(),
  password: z.string().optional().describe('The demo accounts\' shared password (only while the demo is on)'),
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.string() })),
});
const tags = ['platform'];

/** Secure when configured so, or (auto) when the browser reached us over HTTPS. */
const secureCookie = (c: Context, config: Config) => config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && requestIsHttps(c, config.trustedProxies));

export function sessionRoutes({ db, config }: AppDeps, throttle = new SignInThrottle()) {
  const app = new Hono<AppEnv>();

  /** A failed attempt: counted for throttling and audited (who, from where, why), then a 401 that does not say why. */
  const failed = async (username: string | null, address: string, actor: Actor, reason: string) => {
    throttle.recordFailure(username, address);
    await recordAudit(db, actor, { action: 'sign_in_failed', entity: 'session', detail: { address, reason } });
    return new ProblemError(401, 'Sign-in failed', { detail: username === null ? 'Unknown or revoked token.' : 'Unknown user or wrong password.', param: username === null ? 'token' : 'password' });
  };

  const opened = async (c: Context, user: SessionUser, address: string, until: Date | null, via: Record<string, unknown>) => {
    const { token, expiresAt } = await db.transaction(async (tx) => {
      const s = await createSession(tx, user, until);
      await recordAudit(tx, user, { action: 'sign_in', entity: 'session', detail: { address, ...via } });
      return s;
    });
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', expires: expiresAt, secure: secureCookie(c, config) });
    return json(c, signedIn, { user, expiresAt: expiresAt.toISOString() });
  };

  /**
   * Sign in with a user name and password, or with an API token (a wall display opening the console with
   * #token=…): either gives a session cookie; a read-only token gives a read-only session.
   */
  app.post(
    '/',
    describe({
      summary: 'Sign in with {username, password} or an API token {token} (sets an HttpOnly session cookie); throttled per user and address (429)',
      tags, open: true, body: signIn, response: signedIn,
    }),
    async (c) => {
    // Two shapes; which one is meant is plain from the keys, so errors name the field of that one.
    const raw = await parseBody(c, z.record(z.string(), z.unknown()));
    const body = 'token' in raw ? parseWith(tokenLogin, raw, 'body') : parseWith(login, raw, 'body');
    const address = clientAddress(c, config.trustedProxies);
    const username = 'token' in body ? null : body.username;
    const wait = throttle.retryAfter(username, address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new ProblemError(429, 'Too many failed sign-ins', { detail: `Try again in ${wait} s.`, param: username === null ? 'token' : 'username', retryAfter: wait });
    }
    if ('token' in body) {
      const found = await findApiToken(db, body.token);
      if (!found) throw await failed(null, address, null, 'bad_token');
      return opened(c, found.user, address, found.expiresAt, { via: 'token', tokenId: found.tokenId });
    }
    const found = await findUserForLogin(db, body.username);
    // Always hashes (against a dummy for an unknown user), so the answer's timing does not tell which names exist.
    const ok = await verifyPassword(body.password, found?.passwordHash);
    if (!found || !ok) throw await failed(body.username, address, found ? found.user : { id: null, username: body.username }, found ? 'wrong_password' : 'unknown_user');
    throttle.recordSuccess(body.username);
    return opened(c, found.user, address, null, {});
    },
  );

  /** Sign out: the cookie's session, or the bearer token sent, stops working at once. */
  app.delete('/', describe({ summary: 'Sign out: ends the cookie session or the bearer token sent', tags, open: true, response: null }), async (c) => {
    const token = requestToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (token) {
      const user = await findUserByToken(db, token);
      const ended = await endToken(db, token);
      if (user && ended) await recordAudit(db, user, { action: 'sign_out', entity: ended });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c, config) });
    return c.body(null, 204);
  });

  /** The demo accounts, for one-click sign-in on the login screen; only while the demo is on (SEED_DEMO). */
  app.get('/demo-accounts', describe({ summary: 'Demo accounts for the login screen (only while the demo is on)', tags, open: true, response: demoAccounts }), async (c) => {
    if (!config.seedDemo) return json(c, demoAccounts, { demo: false, accounts: [] });
    const accounts = await activeDemoAccounts(db);
    return json(c, demoAccounts, { demo: accounts.length > 0, password: DEMO_PASSWORD, accounts });
  });

  // "Am I signed in?" is a question, not an error: signed out answers 200 with user null (the page asks at load).
  app.get('/', describe({ summary: 'The signed-in user (user: null when signed out)', tags, open: true, response: whoAmI }), async (c) => {
    const token = requestToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    return json(c, whoAmI, { user: token ? await findUserByToken(db, token) : null });
  });
  return app;
}
