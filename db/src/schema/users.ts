/** Users, their grids, browser sessions, API tokens and the audit log (migrations 001 and 090). */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

export const appUser = pgTable('app_user', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  jurisdictionCode: text('jurisdiction_code').notNull(),
  duty: text('duty'),
  phone: text('phone'),
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  demo: boolean('demo').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull().default(sql`now()`),
});

export const gridAssignment = pgTable(
  'grid_assignment',
  {
    gridCode: text('grid_code').notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    since: date('since').notNull().default(sql`CURRENT_DATE`),
  },
  (t) => [primaryKey({ columns: [t.gridCode, t.userId] })],
);

export const appSession = pgTable('app_session', {
  tokenSha256: text('token_sha256').primaryKey(),
  userId: bigint('user_id', { mode: 'number' })
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  expiresAt: timestamptz('expires_at').notNull(),
  readOnly: boolean('read_only').notNull().default(false),
});

export const apiToken = pgTable('api_token', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: bigint('user_id', { mode: 'number' })
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  tokenSha256: text('token_sha256').notNull().unique(),
  label: text('label').notNull(),
  readOnly: boolean('read_only').notNull().default(true),
  createdBy: bigint('created_by', { mode: 'number' }).references(() => appUser.id, { onDelete: 'set null' }),
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  expiresAt: timestamptz('expires_at'),
  revokedAt: timestamptz('revoked_at'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamptz('at').notNull().default(sql`now()`),
  userId: bigint('user_id', { mode: 'number' }).references(() => appUser.id),
  username: text('username').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
});
