/**
 * User administration: what an administrator may do to users inside their own jurisdiction. Every change is one
 * transaction with its audit entry; passwords and tokens never reach the audit log. Anything outside the
 * administrator's jurisdiction — a user, an area, a grid — answers 404 whether or not it exists, so the answers
 * do not tell what exists elsewhere.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'db';
import type { Role, SessionUser } from '../http/env.js';
import { ProblemError, notFound } from '../http/problem.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { endSessionsOf, forgetUser, newToken } from '../auth/sessions.js';
import { jurisdictionOfGrids } from './jurisdiction.js';
import * as repo from './repository.js';

export type Duty = 'grid_officer' | 'community_police' | 'social_worker';

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  /** An area code (12 digits), or absent when grids are given. */
  jurisdictionCode?: string;
  /** A grid officer's grids; their jurisdiction follows from them. */
  gridCodes?: string[];
  duty?: Duty | null;
  /** Absent: a random one is made and returned once. */
  password?: string;
}

export type UserPatch = Partial<Omit<UserInput, 'username' | 'password'>> & { active?: boolean };

/** A password made for the user, shown once to the administrator: 16 characters from 96 random bits. */
const generatedPassword = () => randomBytes(12).toString('base64url');

export class UserService {
  constructor(private readonly db: Database) {}

  list(admin: SessionUser, filter: repo.UserFilter) {
    return repo.listUsers(this.db, admin.scopePrefix, filter);
  }

  async get(admin: SessionUser, id: number): Promise<repo.UserView> {
    const user = await repo.findUser(this.db, admin.scopePrefix, id);
    if (!user) throw notFound(`No user ${id} in your jurisdiction.`, 'id');
    return user;
  }

  async create(admin: SessionUser, input: UserInput): Promise<{ user: repo.UserView; password?: string }> {
    const where = await this.placement(admin, input.role, input.jurisdictionCode, input.gridCodes);
    if (await repo.usernameTaken(this.db, input.username)) {
      throw new ProblemError(409, 'User name taken', { param: 'username', detail: `There is already a user '${input.username}'.` });
    }
    const password = input.password ?? generatedPassword();
    const passwordHash = await hashPassword(password);
    const id = await this.db.transaction(async (tx) => {
      const newId = await repo.insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        jurisdictionCode: where.jurisdictionCode,
        duty: input.duty ?? null,
        passwordHash,
      });
      if (where.gridCodes.length) await repo.setGrids(tx, newId, where.gridCodes);
      await recordAudit(tx, admin, {
        action: 'user.create',
        entity: 'app_user',
        entityId: newId,
        detail: { username: input.username, role: input.role, jurisdiction: where.jurisdictionCode, grids: where.gridCodes },
      });
      return newId;
    });
    return { user: await this.get(admin, id), ...(input.password ? {} : { password }) };
  }

  async update(admin: SessionUser, id: number, patch: UserPatch): Promise<repo.UserView> {
    const before = await this.get(admin, id);
    if (id === admin.id && (patch.active === false || (patch.role && patch.role !== before.role) || patch.jurisdictionCode || patch.gridCodes)) {
      throw new ProblemError(409, 'Cannot change your own access', {
        param: patch.active === false ? 'active' : patch.role ? 'role' : 'jurisdiction_code',
        detail: 'Another administrator must change your role, jurisdiction or status, so that nobody locks themselves out.',
      });
    }
    const role = patch.role ?? before.role;
    const moves = patch.jurisdictionCode !== undefined || patch.gridCodes !== undefined || (patch.role !== undefined && patch.role !== before.role);
    const where = moves
      ? await this.placement(admin, role, patch.jurisdictionCode ?? (patch.gridCodes ? undefined : before.jurisdictionCode), patch.gridCodes ?? (role === 'grid_officer' && !patch.jurisdictionCode ? before.gridCodes : undefined))
      : null;
    await this.db.transaction(async (tx) => {
      await repo.updateUser(tx, id, {
        displayName: patch.displayName,
        role: patch.role,
        jurisdictionCode: where?.jurisdictionCode,
        duty: patch.duty,
        active: patch.active,
      });
      if (where) await repo.setGrids(tx, id, where.gridCodes);
      if (patch.active === false) await endSessionsOf(tx, id);
      await recordAudit(tx, admin, {
        action: patch.active === false ? 'user.deactivate' : patch.active === true && !before.active ? 'user.activate' : 'user.update',
        entity: 'app_user',
        entityId: id,
        detail: { username: before.username, changes: { ...patch, ...(where ? { jurisdictionCode: where.jurisdictionCode, gridCodes: where.gridCodes } : {}) } },
      });
    });
    forgetUser(id);
    return this.get(admin, id);
  }

  /** Set a new password (or make one, returned once); the user's browser sessions end. */
  async resetPassword(admin: SessionUser, id: number, password?: string): Promise<{ password?: string }> {
    const user = await this.get(admin, id);
    const chosen = password ?? generatedPassword();
    const hash = await hashPassword(chosen);
    await this.db.transaction(async (tx) => {
      await repo.setPasswordHash(tx, id, hash);
      await endSessionsOf(tx, id);
      await recordAudit(tx, admin, { action: 'user.password_reset', entity: 'app_user', entityId: id, detail: { username: user.username } });
    });
    return password ? {} : { password: chosen };
  }

  async tokens(admin: SessionUser, id: number) {
    await this.get(admin, id);
    return repo.listTokens(this.db, id);
  }

  /** A new API token for a user; the token itself is in the answer once and never again. */
  async issueToken(admin: SessionUser, id: number, t: { label: string; readOnly: boolean; expiresAt: string | null }) {
    const user = await this.get(admin, id);
    const { token, digest } = newToken();
    const view = await this.db.transaction(async (tx) => {
      const v = await repo.insertToken(tx, { userId: id, digest, label: t.label, readOnly: t.readOnly, createdBy: admin.id, expiresAt: t.expiresAt });
      await recordAudit(tx, admin, {
        action: 'token.issue',
        entity: 'api_token',
        entityId: v.id,
        detail: { username: user.username, label: t.label, readOnly: t.readOnly, expiresAt: t.expiresAt },
      });
      return v;
    });
    return { ...view, createdBy: admin.username, token };
  }

  async revokeToken(admin: SessionUser, id: number, tokenId: number): Promise<void> {
    const user = await this.get(admin, id);
    await this.db.transaction(async (tx) => {
      const digest = await repo.revokeToken(tx, id, tokenId);
      if (!digest) throw notFound(`No token ${tokenId} for user ${id}.`, 'tokenId');
      await recordAudit(tx, admin, { action: 'token.revoke', entity: 'api_token', entityId: tokenId, detail: { username: user.username } });
    });
    forgetUser(id);
  }

  /**
   * Where a user with `role` answers: grids (grid officers; jurisdiction derived) or an area. Both must exist inside
   * the administrator's own jurisdiction: nobody hands out more than they have.
   */
  private async placement(admin: SessionUser, role: Role, jurisdictionCode: string | undefined, gridCodes: string[] | undefined) {
    if (gridCodes?.length) {
      if (role !== 'grid_officer') throw new ProblemError(400, 'Invalid parameter', { param: 'grid_codes', detail: 'Only grid officers are given grids.' });
      const missing = await repo.gridsMissing(this.db, admin.scopePrefix, gridCodes);
      if (missing.length) throw notFound(`No grid ${missing.join(', ')} in your jurisdiction.`, 'grid_codes');
      return { jurisdictionCode: jurisdictionOfGrids(gridCodes), gridCodes: [...new Set(gridCodes)].sort() };
    }
    if (!jurisdictionCode) {
      throw new ProblemError(400, 'Invalid parameter', { param: 'jurisdiction_code', detail: 'Give an area code, or grids for a grid officer.' });
    }
    if (!(await repo.areaInScope(this.db, admin.scopePrefix, jurisdictionCode))) throw notFound(`No area ${jurisdictionCode} in your jurisdiction.`, 'jurisdiction_code');
    return { jurisdictionCode, gridCodes: [] as string[] };
  }
}
