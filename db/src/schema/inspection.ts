/**
 * Inspections of precursor-chemical firms and key venues (migration 001). The firm and venue tables themselves are
 * spatial (a point, its Web-Mercator copy kept by a trigger) and stay in hand-written SQL; the references below
 * name them only for the foreign keys' sake, so they are not declared here.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, pgTable, text } from 'drizzle-orm/pg-core';

export const inspection = pgTable('inspection', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  firmId: bigint('firm_id', { mode: 'number' }),
  venueId: bigint('venue_id', { mode: 'number' }),
  inspectedOn: date('inspected_on').notNull(),
  inspector: text('inspector').notNull(),
  outcome: text('outcome').notNull(),
  findings: text('findings').notNull().default(sql`''::text`),
});
