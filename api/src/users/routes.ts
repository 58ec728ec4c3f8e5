/**
 * /api/users (administrators only): list, create, change (role, jurisdiction, grids, status), reset passwords,
 * issue and revoke API tokens (read-only ones for wall displays). Handlers parse, call UserService, format.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password.js';
import type { AppDeps, AppEnv, Role } from '../http/env.js';
import { body, describe, json, pathParams, query } from '../http/openapi.js';
import { areaCode, intString, isoDate } from '../http/params.js';
import { badRequest } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import { ROLES } from '../http/session-user.js';
import { GRID_CODE } from './jurisdiction.js';
import { created, issuedToken, newPassword, oneUser, tokenList, userList, userWithTokens } from './schemas.js';
import { UserService } from './service.js';

export { ROLES };
export const DUTIES = ['grid_officer', 'community_police', 'social_worker'] as const;

export const USERNAME = z.string().regex(/^[a-z0-9_.-]{3,64}$/, 'must be 3–64 lower-case letters, digits, _ . or -');
/** Text people type: no control characters, trimmed, bounded. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
export const password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX);
const gridCodes = z.array(z.string().regex(GRID_CODE, 'must be a 15-digit grid code')).min(1).max(200);

export const createUserBody = z.object({
  username: USERNAME,
  display_name: plainText(100),
  role: z.enum(ROLES),
  jurisdiction_code: areaCode.optional(),
  grid_codes: gridCodes.optional(),
  duty: z.enum(DUTIES).nullable().optional(),
  password: password.optional(),
});
export const updateUserBody = z.object({
  display_name: plainText(100).optional(),
  role: z.enum(ROLES).optional(),
  jurisdiction_code: areaCode.optional(),
  grid_codes: gridCodes.optional(),
  duty: z.enum(DUTIES).nullable().optional(),
  active: z.boolean().optional(),
});
export const passwordBody = z.object({ password: password.optional() });
export const tokenBody = z.object({ label: plainText(100), read_only: z.boolean().default(true), expires_on: isoDate.optional() });
export const userListQuery = z.object({
  q: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['0', '1']).optional().transform((v) => (v === undefined ? undefined : v === '1')),
});
const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
const tags = ['users'];
const tokenParam = z.object({ id: intString(1, 2 ** 31 - 1), tokenId: intString(1, 2 ** 53 - 1) });

export function userRoutes({ db }: AppDeps): Hono<AppEnv> {
  const svc = new UserService(db);
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin'));

  app.get('/', describe({ summary: 'Users in your jurisdiction (admin)', tags, response: userList }), query(userListQuery), async (c) => {
    const q = c.req.valid('query');
    const users = await svc.list(c.get('user'), q);
    return json(c, userList, { count: users.length, users });
  });

  app.post('/', describe({ summary: 'Create a user (admin); a generated password is returned once', tags, response: created, status: 201 }), body(createUserBody), async (c) => {
    const b = c.req.valid('json');
    const out = await svc.create(c.get('user'), {
      username: b.username, displayName: b.display_name, role: b.role, jurisdictionCode: b.jurisdiction_code, gridCodes: b.grid_codes, duty: b.duty, password: b.password,
    });
    return json(c, created, out, 201);
  });

  app.get('/:id{[0-9]+}', describe({ summary: 'A user and their API tokens (admin)', tags, response: userWithTokens }), pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    const admin = c.get('user');
    return json(c, userWithTokens, { user: await svc.get(admin, id), tokens: await svc.tokens(admin, id) });
  });

  const patch = 'Change role, jurisdiction, grids, name or status (admin)';
  app.patch('/:id{[0-9]+}', describe({ summary: patch, tags, response: oneUser }), pathParams(idParam), body(updateUserBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const user = await svc.update(c.get('user'), id, {
      displayName: b.display_name, role: b.role, jurisdictionCode: b.jurisdiction_code, gridCodes: b.grid_codes, duty: b.duty, active: b.active,
    });
    return json(c, oneUser, { user });
  });

  const reset = "Reset a user's password (admin); ends their sessions";
  app.post('/:id{[0-9]+}/password', describe({ summary: reset, tags, response: newPassword }), pathParams(idParam), body(passwordBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    return json(c, newPassword, await svc.resetPassword(c.get('user'), id, b.password));
  });

  app.get('/:id{[0-9]+}/tokens', describe({ summary: "A user's API tokens (admin)", tags, response: tokenList }), pathParams(idParam), async (c) => {
    const { id } = c.req.valid('param');
    return json(c, tokenList, { tokens: await svc.tokens(c.get('user'), id) });
  });

  const issue = 'Issue an API token (read-only by default, for wall displays); the token is returned once';
  app.post('/:id{[0-9]+}/tokens', describe({ summary: issue, tags, response: issuedToken, status: 201 }), pathParams(idParam), body(tokenBody), async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    if (b.expires_on && b.expires_on < chinaToday()) throw badRequest('expires_on', 'expires_on: must not be in the past');
    // A token given an end date works through that day, China time.
    const expiresAt = b.expires_on ? new Date(Date.parse(`${b.expires_on}T00:00:00+08:00`) + 86_400_000).toISOString() : null;
    return json(c, issuedToken, await svc.issueToken(c.get('user'), id, { label: b.label, readOnly: b.read_only, expiresAt }), 201);
  });

  const revoke = describe({ summary: 'Revoke an API token (admin)', tags, response: null });
  app.delete('/:id{[0-9]+}/tokens/:tokenId{[0-9]+}', revoke, pathParams(tokenParam), async (c) => {
    const { id, tokenId } = c.req.valid('param');
    await svc.revokeToken(c.get('user'), id, tokenId);
    return c.body(null, 204);
  });

  return app;
}
