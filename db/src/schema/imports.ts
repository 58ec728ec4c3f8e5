/** The import record and the column mappings an office saved (migration 120). */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { appUser } from './users.js';

export const dataImport = pgTable('data_import', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  layer: text('layer').notNull(),
  filename: text('filename').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  format: text('format').notNull(),
  encoding: text('encoding'),
  datum: text('datum').notNull(),
  validFrom: date('valid_from').notNull(),
  status: text('status').notNull(),
  features: integer('features').notNull().default(0),
  nNew: integer('n_new').notNull().default(0),
  nChanged: integer('n_changed').notNull().default(0),
  nUnchanged: integer('n_unchanged').notNull().default(0),
  nProblems: integer('n_problems').notNull().default(0),
  userId: bigint('user_id', { mode: 'number' }).references(() => appUser.id),
  username: text('username').notNull(),
  startedAt: timestamptz('started_at').notNull(),
  finishedAt: timestamptz('finished_at').notNull().default(sql`now()`),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
});

export const importMapping = pgTable(
  'import_mapping',
  {
    officeCode: text('office_code').notNull(),
    layer: text('layer').notNull(),
    name: text('name').notNull().default(sql`'default'::text`),
    mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.officeCode, t.layer, t.name] })],
);
