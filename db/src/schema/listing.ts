/** Listings (挂牌整治), their events and yearly assessments (migration 001). The rules are in domain/listing. */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, integer, jsonb, pgTable, text, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

export const listing = pgTable('listing', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  areaCode: text('area_code').notNull(),
  grade: text('grade').notNull(),
  categories: text('categories').array().notNull(),
  body: text('body').notNull(),
  status: text('status').notNull(),
  listedOn: date('listed_on').notNull(),
  termEndsOn: date('term_ends_on').notNull(),
  extended: boolean('extended').notNull().default(false),
  delistedOn: date('delisted_on'),
  relistedFrom: bigint('relisted_from', { mode: 'number' }).references((): AnyPgColumn => listing.id),
});

export const listingEvent = pgTable('listing_event', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  listingId: bigint('listing_id', { mode: 'number' })
    .notNull()
    .references(() => listing.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  onDate: date('on_date').notNull(),
  grade: text('grade').notNull(),
  status: text('status').notNull(),
  termEndsOn: date('term_ends_on').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  recordedBy: text('recorded_by').notNull().default(sql`'system'::text`),
  recordedAt: timestamptz('recorded_at').notNull().default(sql`now()`),
});

export const listingAssessment = pgTable(
  'listing_assessment',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listingId: bigint('listing_id', { mode: 'number' })
      .notNull()
      .references(() => listing.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    assessedOn: date('assessed_on').notNull(),
    leadership: boolean('leadership').notNull(),
    mechanisms: boolean('mechanisms').notNull(),
    groundwork: boolean('groundwork').notNull(),
    education: boolean('education').notNull(),
    enforcement: boolean('enforcement').notNull(),
    problemEased: boolean('problem_eased').notNull(),
    notes: jsonb('notes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [unique().on(t.listingId, t.year)],
);
