/** Authentication (session cookie or Bearer token) and role checks for Hono routes. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from 'db';
import type { AppEnv, Role } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { findUserByToken } from './sessions.js';

export const SESSION_COOKIE = 'gc_session';

export function requestToken(header: string | undefined, cookie: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1] ?? cookie;
}

export function authenticate(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = requestToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    const user = token ? await findUserByToken(db, token) : null;
    if (!user) {
      c.header('WWW-Authenticate', 'Bearer realm="grid-console"');
      throw new ProblemError(401, 'Not signed in', { detail: 'Sign in (POST /api/session) or send Authorization: Bearer <token>.' });
    }
    // A read-only token (a wall display's) reads; it never writes, whatever its user's role allows.
    if (user.readOnly && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      throw new ProblemError(403, 'Read-only token', { detail: 'This token may only read; sign in or use a full token to make changes.' });
    }
    c.set('user', user);
    await next();
  };
}

export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!roles.includes(user.role)) {
      throw new ProblemError(403, 'Forbidden', { detail: `This needs one of the roles ${roles.join(', ')}; you are ${user.role}.` });
    }
    await next();
  };
}
