/** The answers of /api/users and /api/audit; the repositories' view types follow from these schemas. */
import { z } from 'zod';
import { ROLES } from '../http/session-user.js';

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable(),
  duty: z.string().nullable(),
  gridCodes: z.array(z.string()),
  active: z.boolean(),
  demo: z.boolean(),
  hasPassword: z.boolean(),
  activeTokens: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.output<typeof userView>;

export const tokenView = z.object({
  id: z.number().int(),
  label: z.string(),
  readOnly: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenView = z.output<typeof tokenView>;

export const userList = z.object({ count: z.number().int(), users: z.array(userView) });
export const created = z.object({ user: userView, password: z.string().optional().describe('The generated password, shown once') });
export const userWithTokens = z.object({ user: userView, tokens: z.array(tokenView) });
export const oneUser = z.object({ user: userView });
export const newPassword = z.object({ password: z.string().optional().describe('The generated password, shown once') });
export const tokenList = z.object({ tokens: z.array(tokenView) });
export const issuedToken = tokenView.extend({ token: z.string().describe('The token itself, shown once and never again') });

export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditRow = z.output<typeof auditRow>;

export const auditAnswer = z.object({ count: z.number().int(), entries: z.array(auditRow), next: z.number().int().nullable().describe('`before` for the next page; null on the last') });
export const auditActionsAnswer = z.object({ actions: z.array(z.string()) });
