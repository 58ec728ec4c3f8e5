/**
 * /api/users (administrators only): list, create, change (role, jurisdiction, grids, status), reset passwords,
 * issue and revoke API tokens (read-only ones for wall displays). Handlers parse, call UserService, format.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password.js';
import type { AppDeps, AppEnv, Role } from '../http/env.js';
import { areaCode, intString, isoDate, parseBody, parseParams, parseQuery } from '../http/params.js';
import { badRequest } from '../http/problem.js';
import { chinaToday } from 'domain/time';
import { ROLES } from '../http/session-user.js';
import { GRID_CODE } from './jurisdiction.js';
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
export const updateUserBody = z
  .object({
    display_name: plainText(100).optional(),
    role: z.enum(ROLES).optional(),
    jurisdiction_code: areaCode.optional(),
    grid_codes: gridCodes.optional(),
    duty: z.enum(DUTIES).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const passwordBody = z.object({ password: password.optional() }).strict();
export const tokenBody = z.object({ label: plainText(100), read_only: z.boolean().default(true), expires_on: isoDate.optional() }).strict();
export const userListQuery = z.object({
  q: z.string().max(64).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['0', '1']).optional().transform((v) => (v === undefined ? undefined : v === '1')),
});
const idParam = z.object({ id: intString(1, 2 ** 31 - 1) });
const tokenParam = z.object({ id: intString(1, 2 ** 31 - 1), tokenId: intString(1, 2 ** 53 - 1) });

export function userRoutes({ db }: AppDeps): Hono<AppEnv> {
  const svc = new UserService(db);
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin'));

  app.get('/', async (c) => {
    const q = parseQuery(c, userListQuery);
    const users = await svc.list(c.get('user'), q);
    return c.json({ count: users.length, users });
  });

  app.post('/', async (c) => {
    const b = await parseBody(c, createUserBody);
    const out = await svc.create(c.get('user'), {
      username: b.username, displayName: b.display_name, role: b.role, jurisdictionCode: b.jurisdiction_code, gridCodes: b.grid_codes, duty: b.duty, password: b.password,
    });
    return c.json(out, 201);
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const { id } = parseParams(c, idParam);
    const admin = c.get('user');
    return c.json({ user: await svc.get(admin, id), tokens: await svc.tokens(admin, id) });
  });

  app.patch('/:id{[0-9]+}', async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, updateUserBody);
    const user = await svc.update(c.get('user'), id, {
      displayName: b.display_name, role: b.role, jurisdictionCode: b.jurisdiction_code, gridCodes: b.grid_codes, duty: b.duty, active: b.active,
    });
    return c.json({ user });
  });

  app.post('/:id{[0-9]+}/password', async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, passwordBody);
    return c.json(await svc.resetPassword(c.get('user'), id, b.password));
  });

  app.get('/:id{[0-9]+}/tokens', async (c) => {
    const { id } = parseParams(c, idParam);
    return c.json({ tokens: await svc.tokens(c.get('user'), id) });
  });

  app.post('/:id{[0-9]+}/tokens', async (c) => {
    const { id } = parseParams(c, idParam);
    const b = await parseBody(c, tokenBody);
    if (b.expires_on && b.expires_on < chinaToday()) throw badRequest('expires_on', 'expires_on: must not be in the past');
    // A token given an end date works through that day, China time.
    const expiresAt = b.expires_on ? new Date(Date.parse(`${b.expires_on}T00:00:00+08:00`) + 86_400_000).toISOString() : null;
    return c.json(await svc.issueToken(c.get('user'), id, { label: b.label, readOnly: b.read_only, expiresAt }), 201);
  });

  app.delete('/:id{[0-9]+}/tokens/:tokenId{[0-9]+}', async (c) => {
    const { id, tokenId } = parseParams(c, tokenParam);
    await svc.revokeToken(c.get('user'), id, tokenId);
    return c.body(null, 204);
  });

  return app;
}
