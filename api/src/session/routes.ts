/** POST /api/session (sign in), GET (who am I), DELETE (sign out); demo accounts for the login screen. */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { SESSION_COOKIE, requestToken } from '../auth/middleware.js';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, findUserByToken, findUserForLogin } from '../auth/sessions.js';
import { recordAudit } from '../audit/audit.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { parseBody } from '../http/params.js';
import { ProblemError } from '../http/problem.js';

const login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export function sessionRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const { username, password } = await parseBody(c, login);
    const found = await findUserForLogin(db, username);
    if (!found || !verifyPassword(password, found.passwordHash)) {
      throw new ProblemError(401, 'Sign-in failed', { detail: 'Unknown user or wrong password.', param: 'password' });
    }
    const { token, expiresAt } = await db.transaction(async (tx) => {
      const s = await createSession(tx, found.user);
      await recordAudit(tx, found.user, { action: 'sign_in', entity: 'session' });
      return s;
    });
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', expires: expiresAt });
    return c.json({ user: found.user, expiresAt: expiresAt.toISOString() });
  });

  app.delete('/', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  /** Demo accounts, listed only when the database holds the generated demo region. */
  app.get('/demo-accounts', async (c) => {
    const [region] = await db.query<{ value: unknown }>("SELECT value FROM dataset_info WHERE key = 'region'");
    if (!region) return c.json({ demo: false, accounts: [] });
    const accounts = await db.query<{ username: string; display_name: string; role: string }>(
      "SELECT username, display_name, role FROM app_user WHERE active AND token_sha256 IS NOT NULL ORDER BY id",
    );
    return c.json({ demo: true, password: 'demo', accounts: accounts.map((a) => ({ username: a.username, displayName: a.display_name, role: a.role })) });
  });

  // "Am I signed in?" is a question, not an error: signed out answers 200 with user null (the page asks at load).
  app.get('/', async (c) => {
    const token = requestToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    return c.json({ user: token ? await findUserByToken(db, token) : null });
  });
  return app;
}
